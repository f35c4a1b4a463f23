// What an edit points at: the rows it references must exist in this scenario, and none of the
// ids it carries may name another scenario's rows.

import { DomainError } from '@/lib/errors';
import type { DeletedBundle, Edit } from '../edits';
import { ENTITY_KIND_LABELS, type EntityKind } from '../snapshot';
import { findIds, stale, type ScopedTable, type Tx } from './entity-tables';

/** Ids grouped by the table they name. */
export class IdsByTable<K extends ScopedTable> {
  private readonly byTable = new Map<K, Set<string>>();
  add(table: K, id: string | null | undefined) {
    if (!id) return;
    let s = this.byTable.get(table);
    if (!s) this.byTable.set(table, (s = new Set()));
    s.add(id);
  }
  entries() {
    return this.byTable.entries();
  }
}

export type RefSet = IdsByTable<EntityKind | 'image'>;

/** Every referenced row must exist in this scenario (or be created by this same edit). */
export async function assertReferences(tx: Tx, scenarioId: string, refs: RefSet, creating: ReadonlySet<string> = new Set()) {
  for (const [kind, ids] of refs.entries()) {
    const wanted = [...ids].filter((id) => !creating.has(id));
    if (!wanted.length) continue;
    const found = await findIds(tx, kind, { id: { in: wanted }, scenarioId });
    if (found.length !== wanted.length) {
      const what = kind === 'image' ? 'An image' : `${ENTITY_KIND_LABELS[kind]}`;
      throw stale(`${what} this refers to no longer exists in this scenario; someone may have deleted it. Reload to see the current state.`);
    }
  }
}

/**
 * Ids an edit carries must not name rows of another scenario. Missing rows are a matter of
 * staleness (handled where they are used); rows that exist elsewhere mean the request was built
 * from another scenario, or forged, and nothing of it may be written.
 */
export async function assertNoForeignIds(tx: Tx, scenarioId: string, ids: IdsByTable<ScopedTable>) {
  for (const [table, set] of ids.entries()) {
    if (!set.size) continue;
    const foreign = await findIds(tx, table, { id: { in: [...set] }, scenarioId: { not: scenarioId } });
    if (foreign.length) {
      throw new DomainError('INVALID_INPUT', 'This edit names rows that belong to another scenario; nothing was changed. Reload this scenario and try again.');
    }
  }
}

type CreateBundle = Omit<Extract<Edit, { type: 'create' }>, 'type'> & Partial<Omit<DeletedBundle, 'entities' | 'links' | 'dependencies' | 'manages'>>;

/** Every id a create or restore would write, by the table it names. */
export function idsOfBundle(bundle: CreateBundle) {
  const ids = new IdsByTable<ScopedTable>();
  const refs: RefSet = new IdsByTable();
  for (const e of bundle.entities) {
    ids.add(e.kind, e.id);
    entityReferences(refs, e);
  }
  for (const [kind, set] of refs.entries()) for (const id of set) ids.add(kind, id);
  for (const l of bundle.links) {
    ids.add('link', l.id);
    ids.add(l.a.kind, l.a.id);
    ids.add(l.b.kind, l.b.id);
  }
  for (const d of bundle.dependencies) {
    ids.add('service', d.fromId);
    ids.add('service', d.toId);
  }
  for (const m of bundle.manages) {
    ids.add('controller', m.controllerId);
    ids.add(m.targetKind, m.targetId);
  }
  for (const m of bundle.siteMembers ?? []) {
    ids.add(m.kind, m.id);
    ids.add('site', m.siteId);
  }
  for (const a of bundle.registryAttachments ?? []) {
    ids.add('registry', a.registryId);
    ids.add(a.kind, a.id);
  }
  for (const i of bundle.imageRegistries ?? []) {
    ids.add('image', i.imageId);
    ids.add('registry', i.registryId);
  }
  for (const c of bundle.vnfChain ?? []) {
    ids.add('vnf', c.vnfId);
    ids.add('vnf', c.nextVnfId);
  }
  for (const c of bundle.cachedLayers ?? []) {
    ids.add('edgeServer', c.edgeServerId);
    ids.add('layer', c.layerId);
  }
  for (const p of bundle.policyServices ?? []) {
    ids.add('policy', p.policyId);
    ids.add('service', p.serviceId);
  }
  for (const p of bundle.policyEdgeServers ?? []) {
    ids.add('policy', p.policyId);
    ids.add('edgeServer', p.edgeServerId);
  }
  for (const a of bundle.assignments ?? []) {
    ids.add('placementRun', a.runId);
    ids.add('service', a.serviceId);
    ids.add('edgeServer', a.edgeServerId);
  }
  return ids;
}

type PointerColumns = {
  kind: EntityKind;
  siteId?: string | null;
  hostServerId?: string;
  nextVnfId?: string | null;
  imageId?: string | null;
  networkNodeId?: string | null;
  edgeServerId?: string | null;
};

/** The rows an entity's own columns point at. */
export function entityReferences(refs: RefSet, e: PointerColumns) {
  if (e.kind === 'edgeServer' || e.kind === 'networkNode' || e.kind === 'registry') refs.add('site', e.siteId);
  if (e.kind === 'registry') {
    refs.add('networkNode', e.networkNodeId);
    refs.add('edgeServer', e.edgeServerId);
  }
  if (e.kind === 'vnf' || e.kind === 'controller') refs.add('edgeServer', e.hostServerId);
  if (e.kind === 'vnf') refs.add('vnf', e.nextVnfId);
  if (e.kind === 'service') refs.add('image', e.imageId);
}
