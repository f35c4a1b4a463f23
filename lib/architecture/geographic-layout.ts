// Geographic layout: nodes with coordinates (network nodes with their own latitude and
// longitude, sites, and edge servers at their site's) are placed by a Web Mercator projection,
// north up, inside their layer's band. Every band uses the same projection, so an edge server
// sits under the router of its city. No basemap: the positions are the map.
//
// Nodes are snapped to the canvas grid, and a node whose cell is taken goes to the nearest free
// cell, so that a city with twenty routers becomes a readable cluster rather than a pile.
// Nodes of a mapped band that have no coordinates go in rows under the map; bands with no
// coordinates at all keep their drawing, moved down as the bands above grow. Pure.

import type { WorkingCopy } from './working-copy';
import { BAND_HEADER, BAND_PADDING, GRID_X, GRID_Y, layoutBands, MIN_BAND_HEIGHT, NODE_HEIGHT, type XY } from './bands';
import { nodeId } from './flow-ids';
import { BAND_OF, BAND_ORDER, type Entity } from './snapshot';

type LatLon = { latitude: number; longitude: number };

/** Where an entity is on Earth, if anywhere. */
export function coordinatesOf(model: WorkingCopy, e: Entity): LatLon | null {
  const own = (x: { latitude: number | null; longitude: number | null }) => (x.latitude !== null && x.longitude !== null ? { latitude: x.latitude, longitude: x.longitude } : null);
  const siteCoordinates = (siteId: string | null) => {
    const site = siteId ? model.entities.get(nodeId('site', siteId)) : undefined;
    return site?.kind === 'site' ? own(site) : null;
  };
  switch (e.kind) {
    case 'site':
      return own(e);
    case 'networkNode':
      return own(e) ?? siteCoordinates(e.siteId);
    case 'edgeServer':
      return siteCoordinates(e.siteId);
    default:
      return null;
  }
}

/** Web Mercator, in units of the map's width (x from longitude, y growing southwards). */
export function project({ latitude, longitude }: LatLon): XY {
  const lat = (Math.max(-85, Math.min(85, latitude)) * Math.PI) / 180;
  return { x: (longitude + 180) / 360, y: (Math.PI - Math.log(Math.tan(Math.PI / 4 + lat / 2))) / (2 * Math.PI) };
}

/** The map's width in canvas units: wide enough that a node per grid cell fits the points. */
function mapWidth(points: number): number {
  return Math.max(GRID_X * 12, Math.ceil(Math.sqrt(points) * GRID_X * 1.6));
}

/** Nearest free grid cell to (col, row), searching rings outwards; marks it taken. */
function claimCell(taken: Set<string>, col: number, row: number, rows: number): [number, number] {
  for (let r = 0; ; r++) {
    let best: [number, number] | null = null;
    let bestD = Infinity;
    for (let dc = -r; dc <= r; dc++)
      for (let dr = -r; dr <= r; dr++) {
        if (Math.max(Math.abs(dc), Math.abs(dr)) !== r) continue;
        const c = col + dc;
        const w = row + dr;
        if (w < 0 || w >= rows || taken.has(`${c},${w}`)) continue;
        const d = dc * dc + dr * dr * 4;
        if (d < bestD) {
          bestD = d;
          best = [c, w];
        }
      }
    if (best) {
      taken.add(`${best[0]},${best[1]}`);
      return best;
    }
  }
}

export type GeographicLayout = { positions: Map<string, XY>; mapped: number };

/** New positions for every entity (only the ones that change need saving). */
export function geographicLayout(model: WorkingCopy): GeographicLayout {
  const entities = [...model.entities.values()];
  const current = layoutBands(entities).positions;
  const geo = new Map<string, XY>();
  for (const e of entities) {
    const c = coordinatesOf(model, e);
    if (c) geo.set(nodeId(e.kind, e.id), project(c));
  }
  const positions = new Map<string, XY>();
  if (!geo.size) return { positions, mapped: 0 };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of geo.values()) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  // One scale for both axes (a map, not a stretched one), capped so a north–south country does
  // not make bands kilometres tall.
  const width = mapWidth(geo.size);
  const scale = Math.min(width / spanX, (width * 0.75) / spanY);
  const columnsOfMap = Math.max(1, Math.ceil((spanX * scale) / GRID_X) + 1);
  const rowsOfMap = Math.max(1, Math.ceil((spanY * scale) / GRID_Y) + 1);

  let top = 0;
  const oldBands = layoutBands(entities);
  for (const band of BAND_ORDER) {
    const members = entities.filter((e) => BAND_OF[e.kind] === band).sort((a, b) => a.name.localeCompare(b.name));
    const ids = members.map((e) => nodeId(e.kind, e.id));
    const mapped = ids.filter((id) => geo.has(id));
    const firstRow = top + BAND_HEADER;
    let bottom = top + MIN_BAND_HEIGHT;
    if (!mapped.length) {
      // No coordinates here: the band keeps its drawing, shifted to its new top.
      const old = oldBands.bands.find((b) => b.band === band)!;
      for (const id of ids) {
        const p = current[id];
        const y = p.y - old.top + top;
        positions.set(id, { x: p.x, y });
        bottom = Math.max(bottom, y + NODE_HEIGHT + BAND_PADDING);
      }
      top = Math.max(bottom, top + old.height);
      continue;
    }
    // Extra rows below the map leave room for the clusters that spill over.
    const rows = rowsOfMap + Math.ceil(mapped.length / columnsOfMap) + 2;
    const taken = new Set<string>();
    for (const id of mapped) {
      const p = geo.get(id)!;
      const col = Math.round(((p.x - minX) * scale) / GRID_X);
      const row = Math.round(((p.y - minY) * scale) / GRID_Y);
      const [c, r] = claimCell(taken, col, row, rows);
      const xy = { x: c * GRID_X, y: firstRow + r * GRID_Y };
      positions.set(id, xy);
      bottom = Math.max(bottom, xy.y + NODE_HEIGHT + BAND_PADDING);
    }
    const unmapped = ids.filter((id) => !geo.has(id));
    const start = bottom + GRID_Y / 2;
    unmapped.forEach((id, i) => {
      const xy = { x: (i % columnsOfMap) * GRID_X, y: start + Math.floor(i / columnsOfMap) * GRID_Y };
      positions.set(id, xy);
      bottom = Math.max(bottom, xy.y + NODE_HEIGHT + BAND_PADDING);
    });
    top = bottom;
  }
  return { positions, mapped: geo.size };
}
