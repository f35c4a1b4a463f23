// The aggregated view of a large scenario. Above AGGREGATE_THRESHOLD drawn nodes, entities
// collapse into summary nodes (one per band and group) that carry counts; links and other
// relations between groups become one edge per pair with a count and the summed capacity
// (flow-graph's buildEdges does that merge, through the representative map made here).
//
// Groups nest: network and physical entities by region, then site (the region level is skipped
// when there are few sites), VNFs by their host's site; controllers by kind; services by image
// repository. Expanding a group (a click, or zooming in on it) draws its
// subgroups or, at the last level, its members. Pure.

import type { LayerName } from '@/lib/vocabulary/kinds-and-labels';
import type { WorkingCopy } from './working-copy';
import { BAND_HEADER, BAND_PADDING, GRID_X, GRID_Y, MIN_BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH, type BandLayout, type BandRect, type XY } from './bands';
import { groupNodeId, isGroupNodeId, nodeId } from './flow-ids';
import { BAND_OF, BAND_ORDER, ENTITY_KINDS, type Entity, type EntityKind } from './snapshot';
import { regionOfSite, siteOfEntity } from './view-scope';

/** More drawn nodes than this and the canvas aggregates (1,000 nodes are drawn one by one). */
export const AGGREGATE_THRESHOLD = 1500;
/** Up to this many sites the top level is sites; above it, regions. */
export const MAX_TOP_SITES = 40;

type GroupLevel = 'region' | 'site' | 'controllers' | 'services' | 'image';

export type SummaryGroup = {
  /** The React Flow node id: `group:<band>:<key>`. */
  id: string;
  /** What expanding it adds to the view (shared by the group's summaries in every band). */
  key: string;
  band: LayerName;
  level: GroupLevel;
  label: string;
  counts: Partial<Record<EntityKind, number>>;
  total: number;
  /** The group this one sits in (null at the top). */
  parent: string | null;
};

export type AggregatedView = {
  summaries: SummaryGroup[];
  /** Entity node ids drawn as themselves. */
  individuals: string[];
  /** Every drawn entity's node id → the id drawn for it (itself or its summary). */
  representative: ReadonlyMap<string, string>;
  /** Per band, drawn ids in display order, with the group each sits in (for the layout). */
  order: ReadonlyMap<LayerName, { id: string; parent: string | null }[]>;
};

function imageRepository(imageRef: string): string {
  // registry:5000/team/app:1.2@sha256:… → registry:5000/team/app
  const noDigest = imageRef.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

type Step = { key: string; level: GroupLevel; label: string };

/** The groups an entity sits in, outermost first. */
function groupPath(model: WorkingCopy, e: Entity, useRegions: boolean): Step[] {
  if (e.kind === 'controller') return [{ key: `controllers:${e.controllerKind}`, level: 'controllers', label: `${e.controllerKind} controllers` }];
  // Registries are few: one group beside the services, whatever their attachment.
  if (e.kind === 'registry') return [{ key: 'registries', level: 'services', label: 'Registries' }];
  if (e.kind === 'service') {
    const repo = imageRepository(e.imageRef) || '(no image)';
    return [
      { key: 'services', level: 'services', label: 'Services' },
      { key: `image:${repo}`, level: 'image', label: repo },
    ];
  }
  const siteId = siteOfEntity(model, e);
  const site = siteId ? model.entities.get(nodeId('site', siteId)) : undefined;
  const siteStep: Step = { key: `site:${siteId ?? ''}`, level: 'site', label: site ? site.name : 'no site' };
  if (!useRegions) return [siteStep];
  const region = regionOfSite(model, siteId) ?? '';
  return [{ key: `region:${region}`, level: 'region', label: region ? `region ${region}` : 'no region' }, siteStep];
}

/**
 * Groups the drawn entities (`shown`: node ids after scope and filters) given the expanded
 * group keys. Counts of every summary and the individuals add up to `shown`.
 */
export function aggregateView(model: WorkingCopy, shown: readonly string[], expanded: ReadonlySet<string>): AggregatedView {
  let sites = 0;
  for (const e of model.entities.values()) if (e.kind === 'site') sites++;
  const useRegions = sites > MAX_TOP_SITES;
  const summaries = new Map<string, SummaryGroup>();
  const representative = new Map<string, string>();
  const individuals: string[] = [];
  const sortKey = new Map<string, string>();
  const parentOf = new Map<string, string | null>();
  for (const id of shown) {
    const e = model.entities.get(id);
    if (!e) continue;
    const band = BAND_OF[e.kind];
    const path = groupPath(model, e, useRegions);
    let parent: string | null = null;
    let drawn: string | null = null;
    for (const step of path) {
      if (expanded.has(step.key)) {
        parent = step.key;
        continue;
      }
      const gid = groupNodeId(band, step.key);
      let g = summaries.get(gid);
      if (!g) {
        g = { id: gid, key: step.key, band, level: step.level, label: step.label, counts: {}, total: 0, parent };
        summaries.set(gid, g);
        sortKey.set(
          gid,
          path
            .slice(0, path.indexOf(step) + 1)
            .map((s) => s.label)
            .join('\u0000'),
        );
        parentOf.set(gid, parent);
      }
      g.counts[e.kind] = (g.counts[e.kind] ?? 0) + 1;
      g.total++;
      drawn = gid;
      break;
    }
    if (drawn === null) {
      drawn = id;
      individuals.push(id);
      sortKey.set(id, [...path.map((s) => s.label), `\u0001${e.kind === 'site' ? '' : e.name}`].join('\u0000'));
      parentOf.set(id, parent);
    }
    representative.set(id, drawn);
  }
  const order = new Map<LayerName, { id: string; parent: string | null }[]>(BAND_ORDER.map((b) => [b, []]));
  const bandOf = (id: string) => (isGroupNodeId(id) ? summaries.get(id)!.band : BAND_OF[model.entities.get(id)!.kind]);
  for (const id of [...summaries.keys(), ...individuals]) order.get(bandOf(id))!.push({ id, parent: parentOf.get(id) ?? null });
  for (const list of order.values()) list.sort((a, b) => (sortKey.get(a.id)! < sortKey.get(b.id)! ? -1 : sortKey.get(a.id)! > sortKey.get(b.id)! ? 1 : 0));
  return { summaries: [...summaries.values()], individuals, representative, order };
}

/** "12 edge servers · 1 site" for a summary's counts, largest kinds first. */
export function describeCounts(counts: SummaryGroup['counts']): string {
  const plural: Record<EntityKind, [string, string]> = {
    controller: ['controller', 'controllers'],
    service: ['service', 'services'],
    registry: ['registry', 'registries'],
    vnf: ['VNF', 'VNFs'],
    networkNode: ['network node', 'network nodes'],
    edgeServer: ['edge server', 'edge servers'],
    site: ['site', 'sites'],
  };
  return ENTITY_KINDS.filter((k) => counts[k])
    .sort((a, b) => counts[b]! - counts[a]!)
    .map((k) => `${counts[k]} ${plural[k][counts[k] === 1 ? 0 : 1]}`)
    .join(' · ');
}

/**
 * Positions for the aggregated view: each band's drawn nodes in order on a grid; the members of
 * one expanded group start a new row, so a group opens where its summary was.
 */
export function layoutAggregated(view: AggregatedView, heightOf: (id: string) => number = () => NODE_HEIGHT): BandLayout {
  let total = 0;
  for (const list of view.order.values()) total += list.length;
  const columns = Math.max(8, Math.ceil(Math.sqrt(total) * 1.6));
  const positions: Record<string, XY> = {};
  const bands: BandRect[] = [];
  let top = 0;
  let maxX = GRID_X * 8;
  for (const band of BAND_ORDER) {
    const list = view.order.get(band) ?? [];
    let row = 0;
    let col = 0;
    let previousParent: string | null | undefined;
    let bottom = top + MIN_BAND_HEIGHT;
    for (const item of list) {
      if (col >= columns || (previousParent !== undefined && item.parent !== previousParent && col > 0)) {
        row++;
        col = 0;
      }
      const p = { x: col * GRID_X, y: top + BAND_HEADER + row * GRID_Y };
      positions[item.id] = p;
      bottom = Math.max(bottom, p.y + heightOf(item.id) + BAND_PADDING);
      maxX = Math.max(maxX, p.x + NODE_WIDTH);
      previousParent = item.parent;
      col++;
    }
    bands.push({ band, top, height: bottom - top });
    top = bottom;
  }
  return { bands, positions, minX: -60, maxX: maxX + 60 };
}
