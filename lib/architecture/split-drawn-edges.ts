// Far out, React Flow draws only the edges someone is working with; the rest are strokes on one
// canvas. Each edge React Flow draws is an <svg> of its own and a store subscriber: in the
// 1,000-node scenario its 2,000 edges were, at every step of a drag, about 17 of its 43 ms of
// main-thread work (their layout, and layerizing 2,000 paint chunks), and every edge's position
// was computed again at every store update. On a canvas they are painted once and left alone
// until something they touch moves.

import type { ArchEdge } from './flow-graph';

export type DrawnEdges = { svg: ArchEdge[]; canvas: ArchEdge[] };

/** Fewer edges than this are all React Flow's at any zoom: they cost little, and the aggregated
 * view's few edges carry the labels it is read by (counts and summed capacity). */
export const CANVAS_FROM_EDGES = 500;

/**
 * Which edges React Flow draws and which the canvas does. Near (`far` false), or with fewer than
 * CANVAS_FROM_EDGES, React Flow draws them all (the same array, so nothing is re-adopted). Far, React Flow keeps the selected edges, a
 * highlighted service's route (animated) and the edges of the nodes being dragged (they move at
 * every step; the canvas would repaint everything for them); hidden edges are drawn by neither.
 */
export function splitDrawnEdges(edges: ArchEdge[], far: boolean, dragging: ReadonlySet<string>): DrawnEdges {
  if (!far || edges.length < CANVAS_FROM_EDGES) return { svg: edges, canvas: [] };
  const svg: ArchEdge[] = [];
  const canvas: ArchEdge[] = [];
  for (const e of edges) {
    if (e.selected || e.animated || dragging.has(e.source) || dragging.has(e.target)) svg.push(e);
    else if (!e.hidden) canvas.push(e);
  }
  return { svg, canvas };
}
