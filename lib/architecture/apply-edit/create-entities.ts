// Creates entities, links, dependencies and "manages" edges in one go (a paste, an import into
// the canvas, or the re-creation half of an undo).

import { DomainError } from '@/lib/errors';
import { assertContainersWithinLimit } from '@/lib/scenarios/assert-containers-within-limit';
import { dependencyFromRow, dependencySelect, entityColumns, linkColumns, linkFromRow, linkSelect } from '../db-mapping';
import { emptyOutcome, type Edit, type EditOutcome, type EntityCreate } from '../edits';
import type { DependencyRelation, Entity, LinkRelation } from '../snapshot';
import { CREATE_ORDER, readEntities, type Tx } from './entity-tables';
import { MANAGES_TABLES } from './manages-tables';
import { assertNoForeignIds, assertReferences, entityReferences, idsOfBundle, IdsByTable, type RefSet } from './references';

export type CreateEdit = Extract<Edit, { type: 'create' }>;

/** Versions the rows are written at, by id (`from:to` for dependencies); 1 when not listed. */
export type Versions = ReadonlyMap<string, number>;

export async function createEntities(tx: Tx, scenarioId: string, edit: CreateEdit, versions: Versions = new Map()): Promise<EditOutcome> {
  await assertNoForeignIds(tx, scenarioId, idsOfBundle(edit));
  await assertReferences(tx, scenarioId, referencesOf(edit), new Set(edit.entities.map((e) => e.id)));
  const outcome = emptyOutcome();
  outcome.upserted.entities.push(...(await insertEntities(tx, scenarioId, edit.entities, versions)));
  outcome.upserted.links.push(...(await insertLinks(tx, scenarioId, edit.links, versions)));
  outcome.upserted.dependencies.push(...(await insertDependencies(tx, edit.dependencies, versions)));
  for (const m of edit.manages) await MANAGES_TABLES[m.targetKind].create(tx, m);
  outcome.upserted.manages.push(...edit.manages);
  return outcome;
}

/** Rows the edit points at that it does not create itself. */
function referencesOf(edit: CreateEdit): RefSet {
  const refs: RefSet = new IdsByTable();
  for (const e of edit.entities) entityReferences(refs, e);
  for (const l of edit.links) for (const end of [l.a, l.b]) refs.add(end.kind, end.id);
  for (const d of edit.dependencies) {
    refs.add('service', d.fromId);
    refs.add('service', d.toId);
  }
  for (const m of edit.manages) {
    refs.add('controller', m.controllerId);
    refs.add(m.targetKind, m.targetId);
  }
  return refs;
}

async function insertEntities(tx: Tx, scenarioId: string, entities: EntityCreate[], versions: Versions): Promise<Entity[]> {
  const chains: { id: string; nextVnfId: string }[] = [];
  for (const kind of CREATE_ORDER) {
    for (const e of entities.filter((e) => e.kind === kind)) {
      await insertEntity(tx, scenarioId, e, versions.get(e.id) ?? 1);
      if (e.kind === 'vnf' && e.nextVnfId) chains.push({ id: e.id, nextVnfId: e.nextVnfId });
    }
  }
  // A chain may point at a VNF created later in the same edit: link them once all exist.
  for (const c of chains) await tx.vnf.update({ where: { id: c.id }, data: { nextVnfId: c.nextVnfId } });
  if (entities.some((e) => e.kind === 'service')) await assertContainersWithinLimit(tx, scenarioId);
  const created: Entity[] = [];
  for (const kind of CREATE_ORDER) {
    created.push(
      ...(await readEntities(
        tx,
        kind,
        entities.filter((e) => e.kind === kind).map((e) => e.id),
      )),
    );
  }
  return created;
}

async function insertEntity(tx: Tx, scenarioId: string, e: EntityCreate, version: number) {
  const row = { id: e.id, scenarioId, version };
  switch (e.kind) {
    case 'site':
      return tx.site.create({ data: { ...entityColumns(e.kind, e), ...row } });
    case 'edgeServer':
      return tx.edgeServer.create({ data: { ...entityColumns(e.kind, e), ...row } });
    case 'networkNode':
      return tx.networkNode.create({ data: { ...entityColumns(e.kind, e), ...row } });
    case 'vnf':
      return tx.vnf.create({ data: { ...entityColumns(e.kind, e), nextVnfId: null, ...row } });
    case 'service':
      return tx.service.create({ data: { ...entityColumns(e.kind, e), ...row } });
    case 'registry':
      if (e.networkNodeId && e.edgeServerId) throw new DomainError('INVALID_INPUT', 'A registry is attached to a network node or an edge server, not both.', 'edgeServerId');
      return tx.registry.create({ data: { ...entityColumns(e.kind, e), ...row } });
    case 'controller':
      return tx.controller.create({ data: { ...entityColumns(e.kind, e), ...row } });
  }
}

async function insertLinks(tx: Tx, scenarioId: string, links: CreateEdit['links'], versions: Versions): Promise<LinkRelation[]> {
  const created: LinkRelation[] = [];
  for (const l of links) {
    if (l.a.kind === l.b.kind && l.a.id === l.b.id) throw new DomainError('INVALID_INPUT', 'A link cannot join a node to itself.');
    const { id, a, b, ...fields } = l;
    const row = await tx.link.create({
      data: { ...fields, id, scenarioId, ...linkColumns({ a, b }), version: versions.get(id) ?? 1 },
      select: linkSelect,
    });
    created.push(linkFromRow(row));
  }
  return created;
}

async function insertDependencies(tx: Tx, dependencies: CreateEdit['dependencies'], versions: Versions): Promise<DependencyRelation[]> {
  const created: DependencyRelation[] = [];
  for (const d of dependencies) {
    if (d.fromId === d.toId) throw new DomainError('INVALID_INPUT', 'A service cannot depend on itself.');
    const row = await tx.serviceDependency.create({
      data: { fromServiceId: d.fromId, toServiceId: d.toId, trafficMbps: d.trafficMbps, version: versions.get(`${d.fromId}:${d.toId}`) ?? 1 },
      select: dependencySelect,
    });
    created.push(dependencyFromRow(row));
  }
  return created;
}
