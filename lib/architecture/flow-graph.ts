// The editor's model as React Flow nodes and edges: a typed node union made by one factory,
// band extents, filters, site grouping and collapse, placement edges and storage colouring.
// Pure (React Flow is only imported for types). Unchanged nodes and edges keep their object
// identity between builds so memoised node components do not re-render.

import type { Edge, Node } from '@xyflow/react';
import { formatMbps, formatMs, formatPercent } from './cached-format';
import type { LinkLoadView } from './control-overlay';
import { LINK_MEDIA, type LayerName } from '@/lib/vocabulary/kinds-and-labels';
import type { WorkingCopy } from './working-copy';
import { bandExtent, NODE_WIDTH, type BandLayout, type BandRect } from './bands';
import { aggregateEdgeId, attachmentEdgeId, dependencyEdgeId, hostingEdgeId, linkEdgeId, managesEdgeId, nodeId, placementEdgeId } from './flow-ids';
import { BAND_OF, type EdgeKind, type Entity, type EntityKind, type EntityOf } from './snapshot';
import type { StorageUse } from './storage-use';
import { describeCounts, type AggregatedView, type SummaryGroup } from './aggregate-view';
import { ALL_SCOPE, type ViewScope } from './view-scope';

export type ViewOptions = {
  hiddenLayers: ReadonlySet<LayerName>;
  hiddenEdgeKinds: ReadonlySet<EdgeKind>;
  /** Show only edge servers and services of this architecture (services that run anywhere stay). */
  arch: string | null;
  /** Show only edge servers that have this accelerator and services that need it. */
  accelerator: string | null;
  groupBySite: boolean;
  collapsedSites: ReadonlySet<string>;
  /** What part of the scenario is drawn at all. */
  scope: ViewScope;
  /** Aggregated view: the group keys drawn opened (see aggregate-view). */
  expanded: ReadonlySet<string>;
  /** The service whose routes (from the control plan) are highlighted. */
  highlightService: string | null;
};

export const DEFAULT_VIEW: ViewOptions = {
  hiddenLayers: new Set(),
  hiddenEdgeKinds: new Set(),
  arch: null,
  accelerator: null,
  groupBySite: false,
  collapsedSites: new Set(),
  scope: ALL_SCOPE,
  expanded: new Set(),
  highlightService: null,
};

type ArchNodeData<K extends EntityKind = EntityKind> = {
  entity: EntityOf<K>;
  /** Edge servers, once a placement is applied. */
  storage: StorageUse | null;
  /** Sites while grouped: members drawn inside the frame, and whether they are folded away. */
  members: number;
  collapsed: boolean;
  frame: boolean;
};

export type EntityNode = { [K in EntityKind]: Node<ArchNodeData<K>, K> }[EntityKind];

/** A group of the aggregated view drawn as one node. */
type SummaryNodeData = { group: SummaryGroup; summary: string };
type SummaryNode = Node<SummaryNodeData, 'summary'>;

export type ArchNode = EntityNode | SummaryNode;

type ArchEdgeData = {
  kind: EdgeKind;
  label: string | null;
  aggregated: number;
  /** Links: the summed bandwidth of the links this edge stands for. */
  capacityMbps: number;
  /** Links, once a control plan exists: routed load (merged edges: summed load, largest utilisation). */
  load?: LinkLoadView;
  /** On the highlighted service's routes (true), off them while one is highlighted (false). */
  onRoute?: boolean;
};

/** "12 Mbit/s · 60 %": what a loaded link says on the canvas. */
export function loadLabel(load: LinkLoadView): string {
  return `${formatMbps(load.loadMbps)} · ${formatPercent(load.utilisationPct / 100, 0)}`;
}

/** What buildEdges needs of the control plan: load by link name, and the highlighted routes. */
export type EdgeOverlay = { loadByLink: ReadonlyMap<string, LinkLoadView>; routeLinks: ReadonlySet<string> | null; routeVnfs: ReadonlySet<string> | null };
export type ArchEdge = Edge<ArchEdgeData>;

const FRAME_PAD = 20;
const FRAME_HEADER = 36;

/** The one way nodes are made: type, id and class follow the entity's kind. */
function createNode<K extends EntityKind>(
  entity: EntityOf<K>,
  position: { x: number; y: number },
  extras: Partial<Omit<ArchNodeData<K>, 'entity'>> & { band?: BandRect; hidden?: boolean; size?: { width: number; height: number } } = {},
): ArchNode {
  const data: ArchNodeData<K> = {
    entity,
    storage: extras.storage ?? null,
    members: extras.members ?? 0,
    collapsed: extras.collapsed ?? false,
    frame: extras.frame ?? false,
  };
  return {
    id: nodeId(entity.kind, entity.id),
    type: entity.kind,
    position,
    data,
    hidden: extras.hidden ?? false,
    ...(extras.band && !data.frame ? { extent: bandExtent(extras.band) } : {}),
    ...(data.frame
      ? {
          zIndex: -1,
          draggable: false,
          ...(extras.size ? { width: extras.size.width, height: extras.size.height, style: { width: extras.size.width, height: extras.size.height } } : {}),
        }
      : {}),
    ariaLabel: `${entity.kind} ${entity.name}`,
  } as unknown as ArchNode;
}

/** A summary node of the aggregated view. Draggable for the session, never saved. */
function createSummaryNode(group: SummaryGroup, position: { x: number; y: number }): SummaryNode {
  return {
    id: group.id,
    type: 'summary',
    position,
    data: { group, summary: describeCounts(group.counts) },
    ariaLabel: `${group.label}: ${describeCounts(group.counts)}`,
  };
}

function sameGroup(a: SummaryGroup, b: SummaryGroup): boolean {
  if (a.label !== b.label || a.total !== b.total || a.parent !== b.parent) return false;
  for (const k in b.counts) if (a.counts[k as EntityKind] !== b.counts[k as EntityKind]) return false;
  return true;
}

/** Nodes of the aggregated view: summaries and the entities of expanded groups. */
export function buildAggregatedNodes(
  model: WorkingCopy,
  aggregated: AggregatedView,
  layout: BandLayout,
  storage: ReadonlyMap<string, StorageUse> | null,
  previous: ReadonlyMap<string, ArchNode> = new Map(),
): ArchNode[] {
  const out: ArchNode[] = [];
  for (const g of aggregated.summaries) {
    const position = layout.positions[g.id] ?? { x: 0, y: 0 };
    const prev = previous.get(g.id);
    if (prev && prev.type === 'summary' && sameGroup(prev.data.group, g) && prev.position.x === position.x && prev.position.y === position.y) out.push(prev);
    else out.push(prev ? { ...prev, ...createSummaryNode(g, position), selected: prev.selected, measured: prev.measured } : createSummaryNode(g, position));
  }
  const bandRect = new Map(layout.bands.map((b) => [b.band, b]));
  for (const id of aggregated.individuals) {
    const e = model.entities.get(id)!;
    const position = layout.positions[id] ?? { x: 0, y: 0 };
    const next = createNode(e as never, position, { storage: e.kind === 'edgeServer' ? (storage?.get(e.id) ?? null) : null, band: bandRect.get(BAND_OF[e.kind]) });
    const prev = previous.get(id);
    if (
      prev &&
      prev.type !== 'summary' &&
      sameData(prev.data as ArchNodeData, next.data as ArchNodeData) &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      sameExtent(prev.extent, next.extent)
    )
      out.push(prev);
    else out.push(prev ? { ...prev, ...next, selected: prev.selected, measured: prev.measured } : next);
  }
  return out;
}

export function passesFilters(e: Entity, view: ViewOptions): boolean {
  if (view.hiddenLayers.has(BAND_OF[e.kind])) return false;
  if (view.arch) {
    if (e.kind === 'edgeServer' && e.arch !== view.arch) return false;
    if (e.kind === 'service' && e.arch && e.arch !== view.arch) return false;
  }
  if (view.accelerator) {
    if (e.kind === 'edgeServer' && !e.accelerators.includes(view.accelerator)) return false;
    if (e.kind === 'service' && e.accelerator !== view.accelerator) return false;
  }
  return true;
}

/** The site an edge server is folded into, when its site is collapsed. */
function foldedInto(e: Entity, view: ViewOptions): string | null {
  if (!view.groupBySite || e.kind !== 'edgeServer' || !e.siteId) return null;
  return view.collapsedSites.has(e.siteId) ? e.siteId : null;
}

/** An entity's saved position and version are not drawn (the node's own position is): a node
 * whose entity changed only in those is drawn the same. Keeping it, rather than rebuilding it,
 * matters when many entities are saved where they already are: a drag that keeps the ~400 gridded
 * nodes of its band in place rebuilt all of them, a chunk of React Flow's bookkeeping per frame. */
export function sameShownEntity(a: Entity, b: Entity): boolean {
  if (a === b) return true;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (k !== 'posX' && k !== 'posY' && k !== 'version' && x[k] !== y[k]) return false;
  for (const k in y) if (!(k in x)) return false;
  return true;
}

/** A kept node's entity may be an older copy of the model's (another posX, posY or version):
 * what reads an entity's record reads the model, not a node. */
function sameData(a: ArchNodeData, b: ArchNodeData): boolean {
  return (
    sameShownEntity(a.entity, b.entity) &&
    a.members === b.members &&
    a.collapsed === b.collapsed &&
    a.frame === b.frame &&
    (a.storage === b.storage || (!!a.storage && !!b.storage && a.storage.usedBytes === b.storage.usedBytes && a.storage.capacityBytes === b.storage.capacityBytes))
  );
}

/** Whether two drag extents are the same rectangle, number by number. As strings (the way it
 * was) each derivation made 2,000 strings of 1,000 extents: 0.8 ms warm and 3-14 ms the first
 * times (Node, 2026-12-03), against 0.005 ms; a drag's drop derives the graph once, JIT-cold. */
function sameExtent(a: Node['extent'], b: Node['extent']): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  return a[0][0] === b[0][0] && a[0][1] === b[0][1] && a[1][0] === b[1][0] && a[1][1] === b[1][1];
}

export function buildNodes(
  model: WorkingCopy,
  view: ViewOptions,
  layout: BandLayout,
  storage: ReadonlyMap<string, StorageUse> | null,
  previous: ReadonlyMap<string, ArchNode> = new Map(),
  heightOf: (flowId: string) => number = () => 84,
  inScope: ReadonlySet<string> | null = null,
): EntityNode[] {
  const bandRect = new Map(layout.bands.map((b) => [b.band, b]));
  const members = new Map<string, Entity[]>();
  if (view.groupBySite) {
    for (const e of model.entities.values()) {
      if (e.kind === 'edgeServer' && e.siteId) {
        let list = members.get(e.siteId);
        if (!list) members.set(e.siteId, (list = []));
        list.push(e);
      }
    }
  }
  const out: EntityNode[] = [];
  // Frames first so that they sit behind their members in the DOM as well as in z-order.
  const ordered = [...model.entities.values()].sort((a, b) => (a.kind === 'site' ? 0 : 1) - (b.kind === 'site' ? 0 : 1));
  for (const e of ordered) {
    const id = nodeId(e.kind, e.id);
    // Out of scope is not drawn at all (a hidden node still costs React Flow its bookkeeping).
    if (inScope && !inScope.has(id)) continue;
    let position = layout.positions[id] ?? { x: 0, y: 0 };
    let size: { width: number; height: number } | undefined;
    let frame = false;
    let collapsed = false;
    let memberCount = 0;
    if (e.kind === 'site' && view.groupBySite) {
      const inside = (members.get(e.id) ?? []).filter((m) => passesFilters(m, view));
      memberCount = members.get(e.id)?.length ?? 0;
      collapsed = view.collapsedSites.has(e.id);
      if (inside.length && !collapsed) {
        frame = true;
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const m of inside) {
          const p = layout.positions[nodeId(m.kind, m.id)];
          if (!p) continue;
          minX = Math.min(minX, p.x);
          minY = Math.min(minY, p.y);
          maxX = Math.max(maxX, p.x + NODE_WIDTH);
          maxY = Math.max(maxY, p.y + heightOf(nodeId(m.kind, m.id)));
        }
        position = { x: minX - FRAME_PAD, y: minY - FRAME_HEADER };
        size = { width: maxX - minX + 2 * FRAME_PAD, height: maxY - minY + FRAME_HEADER + FRAME_PAD };
      }
    }
    const hidden = !passesFilters(e, view) || foldedInto(e, view) !== null;
    const band = bandRect.get(BAND_OF[e.kind]);
    const next = createNode(e as never, position, {
      storage: e.kind === 'edgeServer' ? (storage?.get(e.id) ?? null) : null,
      members: memberCount,
      collapsed,
      frame,
      band,
      hidden,
      size,
    });
    const prev = previous.get(id);
    if (
      prev &&
      prev.type !== 'summary' &&
      sameData(prev.data as ArchNodeData, next.data as ArchNodeData) &&
      prev.position.x === next.position.x &&
      prev.position.y === next.position.y &&
      !!prev.hidden === !!next.hidden &&
      sameExtent(prev.extent, next.extent) &&
      prev.width === next.width &&
      prev.height === next.height
    ) {
      out.push(prev);
    } else {
      // Keep what React Flow learnt about the node (its measured size, selection).
      out.push((prev ? { ...prev, ...next, selected: prev.selected, measured: prev.measured } : next) as EntityNode);
    }
  }
  return out;
}

function linkLabel(l: { medium: keyof typeof LINK_MEDIA; bandwidthMbps: number; latencyMs: number }): string {
  return `${LINK_MEDIA[l.medium]} · ${formatMbps(l.bandwidthMbps)} · ${formatMs(l.latencyMs)}`;
}

/**
 * Edges between drawn nodes. With `representative` (the aggregated view) each end is drawn as
 * its summary, and edges of one kind between the same two drawn nodes merge into one with a
 * count and, for links, the summed bandwidth.
 */
export function buildEdges(
  model: WorkingCopy,
  view: ViewOptions,
  previous: ReadonlyMap<string, ArchEdge> = new Map(),
  options: { inScope?: ReadonlySet<string> | null; representative?: ReadonlyMap<string, string>; overlay?: EdgeOverlay | null } = {},
): ArchEdge[] {
  const { inScope, representative, overlay } = options;
  const visibleEnd = (kind: EntityKind, id: string): string | null => {
    if (representative) return representative.get(nodeId(kind, id)) ?? null;
    if (inScope && !inScope.has(nodeId(kind, id))) return null;
    const e = model.entities.get(nodeId(kind, id));
    if (!e) return null;
    const site = foldedInto(e, view);
    if (site) return nodeId('site', site);
    return passesFilters(e, view) ? nodeId(kind, id) : null;
  };
  const seen = new Map<string, ArchEdge>();
  const index = new Map<string, number>();
  const out: ArchEdge[] = [];
  const add = (
    kind: EdgeKind,
    id: string,
    source: string | null,
    target: string | null,
    label: string | null,
    sourceHandle = 'b',
    count = 1,
    capacityMbps = 0,
    load?: LinkLoadView,
    onRoute?: boolean,
  ) => {
    if (!source || !target || source === target) return;
    const hidden = view.hiddenEdgeKinds.has(kind);
    // A link has no direction: a-b and b-a between two groups are one aggregated edge.
    const [from, to] = kind === 'link' && source > target ? [target, source] : [source, target];
    const key = aggregateEdgeId(kind, from, to);
    const existing = seen.get(key);
    if (existing) {
      // Folded into a collapsed site or a summary: one edge with a count.
      const aggregated = existing.data!.aggregated + count;
      const capacity = existing.data!.capacityMbps + capacityMbps;
      const was = existing.data!.load;
      const mergedLoad =
        was && load
          ? {
              loadMbps: was.loadMbps + load.loadMbps,
              capacityMbps: was.capacityMbps + load.capacityMbps,
              utilisationPct: Math.max(was.utilisationPct, load.utilisationPct),
              status: load.utilisationPct > was.utilisationPct ? load.status : was.status,
              demands: was.demands + load.demands,
            }
          : (was ?? load);
      const mergedOnRoute = existing.data!.onRoute === undefined && onRoute === undefined ? undefined : !!existing.data!.onRoute || !!onRoute;
      const merged: ArchEdge = {
        ...existing,
        id: representative ? key : existing.id,
        animated: !!mergedOnRoute,
        data: {
          ...existing.data!,
          label: kind === 'link' ? `×${aggregated} · ${formatMbps(capacity)}` : null,
          aggregated,
          capacityMbps: capacity,
          load: mergedLoad,
          onRoute: mergedOnRoute,
        },
      };
      out[index.get(key)!] = merged;
      seen.set(key, merged);
      return;
    }
    const data: ArchEdgeData = { kind, label, aggregated: count, capacityMbps, ...(load ? { load } : {}), ...(onRoute !== undefined ? { onRoute } : {}) };
    const prev = previous.get(id);
    const edge: ArchEdge =
      prev &&
      prev.source === source &&
      prev.target === target &&
      !!prev.hidden === hidden &&
      prev.data?.label === label &&
      prev.data?.aggregated === count &&
      prev.data?.load === load &&
      prev.data?.onRoute === onRoute
        ? prev
        : { id, type: kind, source, target, sourceHandle, targetHandle: 't', className: `edge-${kind}`, data, hidden, selected: prev?.selected, animated: !!onRoute };
    seen.set(key, edge);
    index.set(key, out.length);
    out.push(edge);
  };
  for (const l of model.links.values()) {
    // Draw downwards: the end in the upper band is the source.
    const aUp = BAND_OF[l.a.kind] === 'network' && BAND_OF[l.b.kind] === 'physical';
    const bUp = BAND_OF[l.b.kind] === 'network' && BAND_OF[l.a.kind] === 'physical';
    const [s, t] = bUp && !aUp ? [l.b, l.a] : [l.a, l.b];
    const load = overlay?.loadByLink.get(l.name);
    const onRoute = overlay?.routeLinks ? overlay.routeLinks.has(l.name) : undefined;
    add('link', linkEdgeId(l.id), visibleEnd(s.kind, s.id), visibleEnd(t.kind, t.id), `${l.name}: ${linkLabel(l)}`, 'b', 1, l.bandwidthMbps, load, onRoute);
  }
  for (const e of model.entities.values()) {
    if (e.kind === 'vnf' || e.kind === 'controller') {
      // A chain's VNF on the highlighted routes: its hosting edge is part of the route.
      const onRoute = e.kind === 'vnf' && overlay?.routeVnfs ? overlay.routeVnfs.has(e.name) : undefined;
      add('hosting', hostingEdgeId(e.kind, e.id), visibleEnd(e.kind, e.id), visibleEnd('edgeServer', e.hostServerId), null, 'host', 1, 0, undefined, onRoute);
    }
    if (e.kind === 'registry' && (e.networkNodeId || e.edgeServerId)) {
      const target = e.networkNodeId ? visibleEnd('networkNode', e.networkNodeId) : visibleEnd('edgeServer', e.edgeServerId!);
      add('attachment', attachmentEdgeId(e.id), visibleEnd('registry', e.id), target, null);
    }
  }
  for (const m of model.manages.values()) {
    add('manages', managesEdgeId(m), visibleEnd('controller', m.controllerId), visibleEnd(m.targetKind, m.targetId), null);
  }
  for (const d of model.dependencies.values()) {
    add('dependency', dependencyEdgeId(d), visibleEnd('service', d.fromId), visibleEnd('service', d.toId), d.trafficMbps ? formatMbps(d.trafficMbps) : null);
  }
  for (const p of model.placement?.relations ?? []) {
    const n = p.replicas.length;
    add('placement', placementEdgeId(p), visibleEnd('service', p.serviceId), visibleEnd('edgeServer', p.edgeServerId), n > 1 ? `×${n}` : null, 'b', n);
  }
  return out;
}
