import { describe, expect, test } from 'vitest';
import { layoutBands } from './bands';
import { edgeServerEntity, routerEntity } from './entity-fixtures';
import { nodeId } from './flow-ids';
import { keepGridInPlace, type PlacedPosition } from './keep-grid-in-place';
import type { Entity } from './snapshot';

const server = (name: string, x: number | null = null, y: number | null = null): Entity => edgeServerEntity(name, { posX: x, posY: y });
const router = (name: string, x: number | null = null, y: number | null = null): Entity => routerEntity(name, { posX: x, posY: y });

/** The entities with these positions saved, as an edit of them and `kept` would leave them. */
function saved(entities: readonly Entity[], positions: readonly PlacedPosition[]): Entity[] {
  const at = new Map(positions.map((p) => [nodeId(p.kind, p.id), p]));
  return entities.map((e) => {
    const p = at.get(nodeId(e.kind, e.id));
    return p ? { ...e, posX: p.x, posY: p.y } : e;
  });
}

/** Every entity's drawn position that differs between the two, by flow id. */
function movedBetween(before: readonly Entity[], after: readonly Entity[]): string[] {
  const a = layoutBands(before).positions;
  const b = layoutBands(after).positions;
  return Object.keys(a).filter((id) => a[id].x !== b[id]?.x || a[id].y !== b[id]?.y);
}

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

describe('keepGridInPlace', () => {
  test('placing one gridded node keeps every other gridded node of its band where it is drawn', () => {
    const entities = names(40, 'srv').map((n) => server(n));
    const drawn = layoutBands(entities).positions;
    const moved: PlacedPosition[] = [{ kind: 'edgeServer', id: 'srv-003', x: drawn[nodeId('edgeServer', 'srv-003')].x + 37, y: drawn[nodeId('edgeServer', 'srv-003')].y }];
    // Without it, the band's grid starts below the placed node: every other node shifts.
    expect(movedBetween(entities, saved(entities, moved)).length).toBe(40);
    const kept = keepGridInPlace(entities, moved);
    expect(kept).toHaveLength(39);
    for (const k of kept) expect({ x: k.x, y: k.y }).toEqual(drawn[nodeId(k.kind, k.id)]);
    expect(movedBetween(entities, saved(entities, [...moved, ...kept]))).toEqual([nodeId('edgeServer', 'srv-003')]);
  });

  test('leaves other bands alone, and adds nothing when the grid would not shift', () => {
    const entities = [...names(10, 'srv').map((n) => server(n)), ...names(10, 'rtr').map((n) => router(n))];
    const drawn = layoutBands(entities).positions;
    const at = drawn[nodeId('edgeServer', 'srv-000')];
    const kept = keepGridInPlace(entities, [{ kind: 'edgeServer', id: 'srv-000', x: at.x, y: at.y + 10 }]);
    expect(kept.every((k) => k.kind === 'edgeServer')).toBe(true);
    expect(kept).toHaveLength(9);
    // A placed node moved sideways above the grid: the grid still starts where it did.
    const placed = [server('top', 0, 300), ...names(8, 'srv').map((n) => server(n))];
    const y = layoutBands(placed).positions[nodeId('edgeServer', 'top')].y;
    expect(keepGridInPlace(placed, [{ kind: 'edgeServer', id: 'top', x: 480, y }])).toEqual([]);
    expect(keepGridInPlace(placed, [])).toEqual([]);
  });

  test('a placed node moved lower than the rest keeps the grid below it from following', () => {
    const entities = [server('anchor', 0, 2000), ...names(12, 'srv').map((n) => server(n))];
    const y = layoutBands(entities).positions[nodeId('edgeServer', 'anchor')].y;
    const moved: PlacedPosition[] = [{ kind: 'edgeServer', id: 'anchor', x: 0, y: y + 500 }];
    const kept = keepGridInPlace(entities, moved);
    expect(kept).toHaveLength(12);
    expect(movedBetween(entities, saved(entities, [...moved, ...kept]))).toEqual([nodeId('edgeServer', 'anchor')]);
  });
});
