// Automatic layout that keeps every entity in its band.
//
// ELK's layered algorithm (run in a web worker) gets the whole graph, top to bottom, with each
// node's band as its partition, so the four bands come out in order and edges between them run
// downwards; within a band, ELK's layers and in-layer order minimise crossings. ELK then makes
// one row per layer, which for hundreds of servers is a very wide row: `positionsFromElk` keeps
// ELK's order but wraps long layers into rows of a readable width and stacks the bands.
// With "group by site" the edge servers of a site are kept together (in ELK's order).

import type { WorkingCopy } from './working-copy';
import { BAND_HEADER, BAND_PADDING, GRID_X, GRID_Y, NODE_HEIGHT, NODE_WIDTH, type XY } from './bands';
import { nodeId } from './flow-ids';
import { BAND_OF, BAND_ORDER, type EntityKind } from './snapshot';

export type ElkNode = { id: string; width: number; height: number; x?: number; y?: number; layoutOptions?: Record<string, string> };
export type ElkGraph = {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
};

// Only ELK's layering and in-layer order are used, so the cheap options are enough: simple
// node placement, polyline routing, no greedy-switch pass (measured: the defaults take minutes on
// 1,000 nodes on these machines; this takes seconds).
const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.partitioning.activate': 'true',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '2',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.separateConnectedComponents': 'false',
};

/** The ELK input for the model: every entity except sites (they are frames or loose labels). */
export function buildElkGraph(model: WorkingCopy): ElkGraph {
  const children: ElkNode[] = [];
  for (const e of model.entities.values()) {
    if (e.kind === 'site') continue;
    children.push({
      id: nodeId(e.kind, e.id),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      layoutOptions: { 'elk.partitioning.partition': String(BAND_ORDER.indexOf(BAND_OF[e.kind])) },
    });
  }
  const present = new Set(children.map((c) => c.id));
  const edges: ElkGraph['edges'] = [];
  const seen = new Set<string>();
  const add = (source: string, target: string) => {
    if (source === target || !present.has(source) || !present.has(target)) return;
    // Only edges between bands: each band then is one ELK layer and ELK orders the nodes of each
    // band to uncross the edges between bands. (Edges inside a band, such as long dependency
    // chains or meshes of switches, would stretch a band over dozens of layers and make every
    // edge that crosses it a chain of dummy nodes: minutes instead of seconds at 1,000 nodes.)
    const sb = BAND_ORDER.indexOf(BAND_OF[kindOf(source)]);
    const tb = BAND_ORDER.indexOf(BAND_OF[kindOf(target)]);
    if (sb === tb) return;
    // ELK partitions need edges that do not point upwards across bands: orient them downwards.
    const [s, t] = sb < tb ? [source, target] : [target, source];
    const key = `${s}>${t}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, sources: [s], targets: [t] });
  };
  for (const l of model.links.values()) add(nodeId(l.a.kind, l.a.id), nodeId(l.b.kind, l.b.id));
  for (const e of model.entities.values()) {
    if (e.kind === 'vnf' || e.kind === 'controller') add(nodeId(e.kind, e.id), nodeId('edgeServer', e.hostServerId));
    if (e.kind === 'registry' && e.networkNodeId) add(nodeId(e.kind, e.id), nodeId('networkNode', e.networkNodeId));
    if (e.kind === 'registry' && e.edgeServerId) add(nodeId(e.kind, e.id), nodeId('edgeServer', e.edgeServerId));
  }
  for (const m of model.manages.values()) add(nodeId('controller', m.controllerId), nodeId(m.targetKind, m.targetId));
  for (const d of model.dependencies.values()) add(nodeId('service', d.fromId), nodeId('service', d.toId));
  for (const p of model.placement?.relations ?? []) add(nodeId('service', p.serviceId), nodeId('edgeServer', p.edgeServerId));
  return { id: 'root', layoutOptions: ELK_OPTIONS, children, edges };
}

const kindOf = (flowId: string) => flowId.slice(0, flowId.indexOf(':')) as EntityKind;

/** Columns per row for a band of `n` nodes: roughly a 16:9 drawing overall. */
export function rowWidth(total: number): number {
  return Math.max(8, Math.ceil(Math.sqrt(total) * 1.8));
}

/**
 * Canvas positions from ELK's result: bands stacked in order, each band's nodes in ELK's
 * layer-by-layer, left-to-right order, wrapped into rows of at most `rowWidth` nodes. Sites
 * (not given to ELK) go in a row at the bottom of the physical band.
 */
export function positionsFromElk(model: WorkingCopy, laidOut: readonly ElkNode[], options: { groupBySite?: boolean } = {}): Map<string, XY> {
  const at = new Map(laidOut.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
  const columns = rowWidth(model.entities.size);
  const result = new Map<string, XY>();
  let top = 0;
  for (const band of BAND_ORDER) {
    const members = [...model.entities.values()].filter((e) => BAND_OF[e.kind] === band && e.kind !== 'site');
    const ids = members.map((e) => nodeId(e.kind, e.id));
    // ELK's order: by layer (y), then left to right (x).
    ids.sort((a, b) => {
      const pa = at.get(a) ?? { x: 0, y: 0 };
      const pb = at.get(b) ?? { x: 0, y: 0 };
      return pa.y - pb.y || pa.x - pb.x;
    });
    let ordered = ids;
    if (options.groupBySite && band === 'physical') {
      const siteOf = new Map(members.map((e) => [nodeId(e.kind, e.id), e.kind === 'edgeServer' ? (e.siteId ?? '') : '']));
      const firstSeen = new Map<string, number>();
      ids.forEach((id, i) => firstSeen.has(siteOf.get(id)!) || firstSeen.set(siteOf.get(id)!, i));
      ordered = [...ids].sort((a, b) => firstSeen.get(siteOf.get(a)!)! - firstSeen.get(siteOf.get(b)!)! || ids.indexOf(a) - ids.indexOf(b));
    }
    let row = 0;
    let col = 0;
    const y = top + BAND_HEADER;
    let previousLayer: number | null = null;
    let previousSite: string | null = null;
    for (const id of ordered) {
      const layer = at.get(id)?.y ?? 0;
      const site = options.groupBySite ? ((model.entities.get(id) as { siteId?: string | null }).siteId ?? '') : null;
      // A new ELK layer, or a new site while grouping, starts a new row.
      const newGroup = previousLayer !== null && (options.groupBySite && band === 'physical' ? site !== previousSite : layer !== previousLayer);
      if (col >= columns || (newGroup && col > 0)) {
        row += 1;
        col = 0;
      }
      result.set(id, { x: col * GRID_X, y: y + row * GRID_Y + (options.groupBySite && band === 'physical' ? row * 40 : 0) });
      col += 1;
      previousLayer = layer;
      previousSite = site;
    }
    const rows = ordered.length ? row + 1 : 0;
    let bottom = y + rows * (GRID_Y + (options.groupBySite && band === 'physical' ? 40 : 0));
    if (band === 'physical') {
      const sites = [...model.entities.values()].filter((e) => e.kind === 'site');
      sites.forEach((s, i) => result.set(nodeId('site', s.id), { x: (i % columns) * GRID_X, y: bottom + Math.floor(i / columns) * GRID_Y }));
      bottom += Math.ceil(sites.length / columns) * GRID_Y;
    }
    top = Math.max(bottom + BAND_PADDING, top + 200);
  }
  return result;
}
