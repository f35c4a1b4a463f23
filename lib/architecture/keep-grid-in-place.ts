// Entities without a saved position are drawn on their band's grid, and that grid is derived from
// the rest of the band (it starts below the lowest placed node, in name order). Placing one of them
// (a drag, an incremental layout) or moving a placed node lower would therefore shift every gridded
// node after it: dragging one server of an imported topology reflowed the ~400 others of its band.
// A planner expects only what was moved to move, so those nodes are saved where they are drawn, in
// the same edit.

import { layoutBands, type XY } from './bands';
import { nodeId } from './flow-ids';
import type { Entity, EntityKind } from './snapshot';

export type PlacedPosition = { kind: EntityKind; id: string; x: number; y: number };

/**
 * The gridded entities (no saved position) that `moved` would shift, each at the position drawn
 * now. `entities`: those the bands are laid out from (the view's scope); `heightOf`: the node
 * heights the drawing used, so that band tops compare like for like.
 */
export function keepGridInPlace(entities: readonly Entity[], moved: readonly PlacedPosition[], heightOf?: (flowId: string) => number): PlacedPosition[] {
  if (!moved.length) return [];
  const at = new Map(moved.map((p) => [nodeId(p.kind, p.id), p]));
  // Nothing left on a grid (a placed scenario, or a layout that moves everything): no bands to compare.
  if (!entities.some((e) => (e.posX === null || e.posY === null) && !at.has(nodeId(e.kind, e.id)))) return [];
  const before = layoutBands(entities, heightOf).positions;
  const after = layoutBands(
    entities.map((e) => {
      const p = at.get(nodeId(e.kind, e.id));
      return p ? { ...e, posX: p.x, posY: p.y } : e;
    }),
    heightOf,
  ).positions;
  const kept: PlacedPosition[] = [];
  for (const e of entities) {
    if (e.posX !== null && e.posY !== null) continue;
    const id = nodeId(e.kind, e.id);
    if (at.has(id)) continue;
    const was: XY | undefined = before[id];
    const will: XY | undefined = after[id];
    if (was && will && (was.x !== will.x || was.y !== will.y)) kept.push({ kind: e.kind, id: e.id, x: was.x, y: was.y });
  }
  return kept;
}
