import { describe, expect, test } from 'vitest';
import type { ArchEdge } from './flow-graph';
import { CANVAS_FROM_EDGES, splitDrawnEdges } from './split-drawn-edges';

const edge = (id: string, source: string, target: string, extra: Partial<ArchEdge> = {}): ArchEdge => ({
  id,
  source,
  target,
  type: 'link',
  data: { kind: 'link', label: null, aggregated: 1, capacityMbps: 100 },
  ...extra,
});

// Enough plain edges for the canvas to be worth it, after the ones under test.
const plain = Array.from({ length: CANVAS_FROM_EDGES }, (_, i) => edge(`plain-${i}`, `p${i}`, `q${i}`));
const edges = [
  edge('plain', 'a', 'b'),
  edge('selected', 'b', 'c', { selected: true }),
  edge('route', 'c', 'd', { animated: true }),
  edge('dragged-source', 'x', 'd'),
  edge('dragged-target', 'd', 'x'),
  edge('hidden', 'a', 'd', { hidden: true }),
  ...plain,
];
const onCanvas = (split: { canvas: ArchEdge[] }) => split.canvas.map((e) => e.id).filter((id) => !id.startsWith('plain-'));

describe('splitDrawnEdges', () => {
  test('near, React Flow draws every edge: the same array, none on the canvas', () => {
    const split = splitDrawnEdges(edges, false, new Set(['x']));
    expect(split.svg).toBe(edges);
    expect(split.canvas).toEqual([]);
  });

  test('far, React Flow keeps the selected, the highlighted route and the dragged nodes’ edges; hidden ones are drawn by neither', () => {
    const split = splitDrawnEdges(edges, true, new Set(['x']));
    expect(split.svg.map((e) => e.id)).toEqual(['selected', 'route', 'dragged-source', 'dragged-target']);
    expect(onCanvas(split)).toEqual(['plain']);
    expect(split.canvas).toHaveLength(1 + CANVAS_FROM_EDGES);
    // Every edge object is passed on as it is (React Flow and the canvas compare by identity).
    expect(split.svg[0]).toBe(edges[1]);
  });

  test('far, with nothing dragged, the dragged nodes’ edges go back to the canvas', () => {
    const split = splitDrawnEdges(edges, true, new Set());
    expect(onCanvas(split)).toEqual(['plain', 'dragged-source', 'dragged-target']);
  });

  test('far, with fewer edges than CANVAS_FROM_EDGES, React Flow still draws them all', () => {
    const few = edges.slice(0, CANVAS_FROM_EDGES - 1);
    const split = splitDrawnEdges(few, true, new Set());
    expect(split.svg).toBe(few);
    expect(split.canvas).toEqual([]);
  });

  test('near, while being handed over, React Flow has the first edges and the canvas the rest', () => {
    const split = splitDrawnEdges(edges, false, new Set(), 2);
    // The selected and the route are React Flow's anyway; of the others, the first two.
    expect(split.svg.map((e) => e.id)).toEqual(['plain', 'selected', 'route', 'dragged-source']);
    expect(split.canvas.map((e) => e.id)).toEqual(['dragged-target', ...plain.map((e) => e.id)]);
    expect(splitDrawnEdges(edges, false, new Set(), edges.length).svg).toBe(edges);
    // Far, whatever was handed over, the canvas has them.
    expect(onCanvas(splitDrawnEdges(edges, true, new Set(), 3))).toEqual(['plain', 'dragged-source', 'dragged-target']);
  });
});
