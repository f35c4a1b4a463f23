// Incremental layout: nodes that have no saved position yet (an import, another editor) are
// placed next to what they are connected to, in their band, on a free grid cell; nothing that
// already has a position moves. Pure.

import type { WorkingCopy } from './working-copy';
import { BAND_HEADER, GRID_X, GRID_Y, layoutBands, type XY } from './bands';
import { nodeId } from './flow-ids';
import { BAND_OF } from './snapshot';
import { relationPairs } from './view-scope';

const cellOf = (p: XY) => `${Math.round(p.x / GRID_X)},${Math.round(p.y / GRID_Y)}`;

/** Positions for the entities without one. */
export function placeNewNodes(model: WorkingCopy): Map<string, XY> {
  const all = [...model.entities.values()];
  const unplaced = all.filter((e) => e.posX === null || e.posY === null);
  const out = new Map<string, XY>();
  if (!unplaced.length) return out;
  // The bands as the saved positions make them (the editor's provisional grid for new nodes
  // would make them taller than they will be).
  const layout = layoutBands(all.filter((e) => e.posX !== null && e.posY !== null));
  const isNew = new Set(unplaced.map((e) => nodeId(e.kind, e.id)));
  const taken = new Set<string>();
  for (const [id, p] of Object.entries(layout.positions)) if (!isNew.has(id)) taken.add(cellOf(p));
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of relationPairs(model)) {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a);
  }
  const placedAt = (id: string): XY | undefined => out.get(id) ?? (isNew.has(id) ? undefined : layout.positions[id]);
  // Nodes with the most placed neighbours first: each one placed can anchor the next.
  const queue = [...isNew].sort((a, b) => (neighbours.get(b)?.length ?? 0) - (neighbours.get(a)?.length ?? 0) || a.localeCompare(b));
  for (const id of queue) {
    const e = model.entities.get(id)!;
    const band = layout.bands.find((b) => b.band === BAND_OF[e.kind])!;
    const minRow = Math.ceil((band.top + BAND_HEADER) / GRID_Y);
    const maxRow = Math.max(minRow, Math.floor((band.top + band.height - GRID_Y) / GRID_Y));
    const anchors = (neighbours.get(id) ?? []).map(placedAt).filter((p): p is XY => !!p);
    let col: number;
    let row: number;
    if (anchors.length) {
      col = Math.round(anchors.reduce((s, p) => s + p.x, 0) / anchors.length / GRID_X);
      // Straight above or below its neighbours, but inside its own band.
      row = Math.min(maxRow, Math.max(minRow, Math.round(anchors.reduce((s, p) => s + p.y, 0) / anchors.length / GRID_Y)));
    } else {
      col = Math.round(layout.maxX / GRID_X);
      row = minRow;
    }
    // The nearest free cell inside the band (it may extend sideways, never downwards: a taller
    // band would push the bands below it, and their nodes, down).
    let found: XY | null = null;
    for (let r = 0; !found; r++) {
      let best: [number, number, number] | null = null;
      for (let dc = -r; dc <= r; dc++)
        for (let dr = -r; dr <= r; dr++) {
          if (Math.max(Math.abs(dc), Math.abs(dr)) !== r) continue;
          const w = row + dr;
          if (w < minRow || w > maxRow || taken.has(`${col + dc},${w}`)) continue;
          const d = dc * dc + dr * dr;
          if (!best || d < best[2]) best = [col + dc, w, d];
        }
      if (best) {
        taken.add(`${best[0]},${best[1]}`);
        found = { x: best[0] * GRID_X, y: best[1] * GRID_Y };
      }
    }
    out.set(id, found);
  }
  return out;
}
