// What part of a scenario the canvas draws. A planner with thousands of nodes picks a scope
// before anything is drawn: one site, one region, one layer, or the neighbourhood of a node
// (everything within a few relations of it). Pure.

import type { LayerName } from '@/lib/vocabulary/kinds-and-labels';
import type { WorkingCopy } from './working-copy';
import { nodeId } from './flow-ids';
import { BAND_OF, type Entity } from './snapshot';

export type ViewScope =
  | { type: 'all' }
  | { type: 'site'; siteId: string }
  | { type: 'region'; region: string }
  | { type: 'layer'; layer: LayerName }
  | { type: 'neighbourhood'; nodeId: string; hops: number };

export const ALL_SCOPE: ViewScope = { type: 'all' };
export const MAX_HOPS = 4;

/** The site an entity belongs to: its own, its host's (VNFs, controllers), or null. */
export function siteOfEntity(model: WorkingCopy, e: Entity): string | null {
  switch (e.kind) {
    case 'site':
      return e.id;
    case 'edgeServer':
    case 'networkNode':
      return e.siteId;
    case 'vnf':
    case 'controller': {
      const host = model.entities.get(nodeId('edgeServer', e.hostServerId));
      return host?.kind === 'edgeServer' ? host.siteId : null;
    }
    case 'registry': {
      // Its own site, else the site of what it is attached to.
      if (e.siteId) return e.siteId;
      const at = e.networkNodeId
        ? model.entities.get(nodeId('networkNode', e.networkNodeId))
        : e.edgeServerId
          ? model.entities.get(nodeId('edgeServer', e.edgeServerId))
          : undefined;
      return at && (at.kind === 'networkNode' || at.kind === 'edgeServer') ? at.siteId : null;
    }
    default:
      return null;
  }
}

/** The region of a site ('' when the site has none). */
export function regionOfSite(model: WorkingCopy, siteId: string | null): string | null {
  if (!siteId) return null;
  const site = model.entities.get(nodeId('site', siteId));
  return site?.kind === 'site' ? site.region : null;
}

/** Every relation as a pair of node ids (both directions are walked for neighbourhoods). */
export function relationPairs(model: WorkingCopy): [string, string][] {
  const pairs: [string, string][] = [];
  for (const l of model.links.values()) pairs.push([nodeId(l.a.kind, l.a.id), nodeId(l.b.kind, l.b.id)]);
  for (const e of model.entities.values()) {
    if (e.kind === 'vnf' || e.kind === 'controller') pairs.push([nodeId(e.kind, e.id), nodeId('edgeServer', e.hostServerId)]);
    if (e.kind === 'registry' && e.networkNodeId) pairs.push([nodeId('registry', e.id), nodeId('networkNode', e.networkNodeId)]);
    if (e.kind === 'registry' && e.edgeServerId) pairs.push([nodeId('registry', e.id), nodeId('edgeServer', e.edgeServerId)]);
  }
  for (const m of model.manages.values()) pairs.push([nodeId('controller', m.controllerId), nodeId(m.targetKind, m.targetId)]);
  for (const d of model.dependencies.values()) pairs.push([nodeId('service', d.fromId), nodeId('service', d.toId)]);
  for (const p of model.placement?.relations ?? []) pairs.push([nodeId('service', p.serviceId), nodeId('edgeServer', p.edgeServerId)]);
  return pairs;
}

/**
 * The node ids in scope, or null for the whole scenario. Services belong to the sites and
 * regions their applied placement put replicas in (a service with no placement has no site).
 */
export function entitiesInScope(model: WorkingCopy, scope: ViewScope): ReadonlySet<string> | null {
  if (scope.type === 'all') return null;
  const out = new Set<string>();
  if (scope.type === 'layer') {
    for (const [id, e] of model.entities) if (BAND_OF[e.kind] === scope.layer) out.add(id);
    return out;
  }
  if (scope.type === 'neighbourhood') {
    if (!model.entities.has(scope.nodeId)) return out;
    const adjacent = new Map<string, string[]>();
    for (const [a, b] of relationPairs(model)) {
      (adjacent.get(a) ?? adjacent.set(a, []).get(a)!).push(b);
      (adjacent.get(b) ?? adjacent.set(b, []).get(b)!).push(a);
    }
    let frontier = [scope.nodeId];
    out.add(scope.nodeId);
    for (let hop = 0; hop < Math.min(scope.hops, MAX_HOPS) && frontier.length; hop++) {
      const next: string[] = [];
      for (const id of frontier)
        for (const n of adjacent.get(id) ?? [])
          if (!out.has(n) && model.entities.has(n)) {
            out.add(n);
            next.push(n);
          }
      frontier = next;
    }
    return out;
  }
  const inPlace = (siteId: string | null) => (scope.type === 'site' ? siteId === scope.siteId : siteId !== null && regionOfSite(model, siteId) === scope.region);
  const servers = new Set<string>();
  for (const [id, e] of model.entities) {
    if (e.kind === 'service') continue;
    if (inPlace(siteOfEntity(model, e))) {
      out.add(id);
      if (e.kind === 'edgeServer') servers.add(e.id);
    }
  }
  for (const p of model.placement?.relations ?? []) if (servers.has(p.edgeServerId)) out.add(nodeId('service', p.serviceId));
  return out;
}

export function describeScope(model: WorkingCopy, scope: ViewScope): string {
  switch (scope.type) {
    case 'all':
      return 'the whole scenario';
    case 'site':
      return `site ${model.entities.get(nodeId('site', scope.siteId))?.name ?? '(deleted)'}`;
    case 'region':
      return `region ${scope.region || '(none)'}`;
    case 'layer':
      return `${scope.layer} layer`;
    case 'neighbourhood':
      return `${scope.hops} ${scope.hops === 1 ? 'hop' : 'hops'} around ${model.entities.get(scope.nodeId)?.name ?? '(deleted)'}`;
  }
}
