// The four horizontal bands (swimlanes) of the canvas and where every node sits in them.
//
// Bands are stacked top to bottom (control, service, network, physical) and derived from the
// nodes' positions: a band starts where the one above ends and is tall enough for its lowest
// node. Moving a node therefore never pushes another band's nodes out of their band: a band
// only grows when its own nodes go lower, and each node's drag extent is its band's rectangle.
// Entities without a saved position are put on a grid inside their band (and are not saved
// until someone moves them or runs the auto layout).

import type { LayerName } from '@/lib/vocabulary/kinds-and-labels';
import { nodeId } from './flow-ids';
import { BAND_OF, BAND_ORDER, type Entity } from './snapshot';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 84;
export const GRID_X = 240;
export const GRID_Y = 120;
/** Room above a band's first row for its label. */
export const BAND_HEADER = 48;
export const BAND_PADDING = 24;
export const MIN_BAND_HEIGHT = 200;

export type BandRect = { band: LayerName; top: number; height: number };
export type XY = { x: number; y: number };

export type BandLayout = {
  bands: BandRect[];
  positions: Record<string, XY>;
  /** Horizontal extent of the drawing, for the band backgrounds. */
  minX: number;
  maxX: number;
};

function gridColumns(count: number): number {
  return Math.max(6, Math.ceil(Math.sqrt(count) * 1.6));
}

/** Places every entity in its band; `sizes` (measured node heights) refine band bottoms. */
export function layoutBands(entities: readonly Entity[], heightOf: (flowId: string) => number = () => NODE_HEIGHT): BandLayout {
  const byBand = new Map<LayerName, Entity[]>(BAND_ORDER.map((b) => [b, []]));
  for (const e of entities) byBand.get(BAND_OF[e.kind])!.push(e);

  const positions: Record<string, XY> = {};
  const bands: BandRect[] = [];
  let top = 0;
  let minX = 0;
  let maxX = GRID_X * 6;
  for (const band of BAND_ORDER) {
    const members = byBand.get(band)!;
    const firstRow = top + BAND_HEADER;
    let bottom = top + MIN_BAND_HEIGHT;
    let lowestPlaced = -Infinity;
    const unplaced: Entity[] = [];
    for (const e of members) {
      if (e.posX === null || e.posY === null) {
        unplaced.push(e);
        continue;
      }
      const id = nodeId(e.kind, e.id);
      const y = Math.max(e.posY, firstRow);
      positions[id] = { x: e.posX, y };
      lowestPlaced = Math.max(lowestPlaced, y);
      bottom = Math.max(bottom, y + heightOf(id) + BAND_PADDING);
      minX = Math.min(minX, e.posX);
      maxX = Math.max(maxX, e.posX + NODE_WIDTH);
    }
    if (unplaced.length) {
      const columns = gridColumns(members.length);
      const startY = lowestPlaced === -Infinity ? firstRow : lowestPlaced + GRID_Y;
      unplaced.sort((a, b) => a.name.localeCompare(b.name));
      unplaced.forEach((e, i) => {
        const id = nodeId(e.kind, e.id);
        const p = { x: (i % columns) * GRID_X, y: startY + Math.floor(i / columns) * GRID_Y };
        positions[id] = p;
        bottom = Math.max(bottom, p.y + heightOf(id) + BAND_PADDING);
        maxX = Math.max(maxX, p.x + NODE_WIDTH);
      });
    }
    bands.push({ band, top, height: bottom - top });
    top = bottom;
  }
  return { bands, positions, minX: minX - 60, maxX: maxX + 60 };
}

/** The band under a canvas y coordinate (the nearest one above or below when outside). */
export function bandAt(bands: readonly BandRect[], y: number): LayerName {
  for (const b of bands) if (y >= b.top && y < b.top + b.height) return b.band;
  return y < (bands[0]?.top ?? 0) ? 'control' : 'physical';
}

/** React Flow's per-node drag extent: anywhere horizontally, inside the band vertically. */
export function bandExtent(rect: BandRect): [[number, number], [number, number]] {
  return [
    [-1e7, rect.top + BAND_HEADER / 2],
    [1e7, rect.top + rect.height],
  ];
}

/** Keeps a dropped or pasted node's top-left inside its band. */
export function clampIntoBand(rect: BandRect, p: XY, height = NODE_HEIGHT): XY {
  const minY = rect.top + BAND_HEADER;
  const maxY = Math.max(minY, rect.top + rect.height - height - BAND_PADDING);
  return { x: p.x, y: Math.min(Math.max(p.y, minY), maxY) };
}
