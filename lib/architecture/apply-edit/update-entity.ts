// Updates of one entity, link or dependency, at the version the browser saw.

import { DomainError } from '@/lib/errors';
import { assertContainersWithinLimit } from '@/lib/scenarios/assert-containers-within-limit';
import { dependencyFromRow, dependencySelect, entityColumns, linkFromRow, linkSelect } from '../db-mapping';
import type { EntityFields } from '../entity-schemas';
import { ENTITY_UPDATE_SCHEMAS, emptyOutcome, type Edit, type EditOutcome } from '../edits';
import { ENTITY_KIND_LABELS, type EntityKind } from '../snapshot';
import { readEntities, stale, type Tx } from './entity-tables';
import { assertReferences, entityReferences, IdsByTable, type RefSet } from './references';

type UpdateEdit = Extract<Edit, { type: 'update' }>;

/** An update's changes, validated against its kind's fields. */
type EntityChanges = { [K in EntityKind]: { kind: K; changes: Partial<EntityFields<K>> } }[EntityKind];

const parseChanges = (edit: UpdateEdit) => attachOnce({ kind: edit.kind, changes: ENTITY_UPDATE_SCHEMAS[edit.kind].parse(edit.changes) } as EntityChanges);

/**
 * A registry sits on one node: attaching it to a network node detaches it from any edge server
 * and the reverse, so "attach to X" needs no knowledge of where it was. Naming both is refused.
 */
function attachOnce(update: EntityChanges): EntityChanges {
  if (update.kind !== 'registry') return update;
  const { networkNodeId, edgeServerId } = update.changes;
  if (networkNodeId && edgeServerId) throw new DomainError('INVALID_INPUT', 'A registry is attached to a network node or an edge server, not both.', 'edgeServerId');
  if (networkNodeId) return { kind: 'registry', changes: { ...update.changes, edgeServerId: null } };
  if (edgeServerId) return { kind: 'registry', changes: { ...update.changes, networkNodeId: null } };
  return update;
}

export async function updateEntity(tx: Tx, scenarioId: string, edit: UpdateEdit): Promise<EditOutcome> {
  const update = parseChanges(edit);
  if (update.kind === 'vnf' && update.changes.nextVnfId === edit.id) throw new DomainError('INVALID_INPUT', 'A VNF cannot be chained to itself.', 'nextVnfId');
  const refs: RefSet = new IdsByTable();
  entityReferences(refs, { ...update.changes, kind: update.kind });
  await assertReferences(tx, scenarioId, refs);
  const updated = await updateRow(tx, { id: edit.id, scenarioId, version: edit.version }, update);
  if (updated.count === 0) await refuseStaleUpdate(tx, edit.kind, edit.id, scenarioId);
  if (update.kind === 'service' && update.changes.replicas !== undefined) await assertContainersWithinLimit(tx, scenarioId, 'replicas');
  const outcome = emptyOutcome();
  outcome.upserted.entities.push(...(await readEntities(tx, edit.kind, [edit.id])));
  return outcome;
}

type VersionedWhere = { id: string; scenarioId: string; version: number };

function updateRow(tx: Tx, where: VersionedWhere, { kind, changes }: EntityChanges) {
  const version = { increment: 1 };
  switch (kind) {
    case 'site':
      return tx.site.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
    case 'edgeServer':
      return tx.edgeServer.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
    case 'networkNode':
      return tx.networkNode.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
    case 'vnf':
      return tx.vnf.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
    case 'service':
      return tx.service.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
    case 'registry':
      return tx.registry.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
    case 'controller':
      return tx.controller.updateMany({ where, data: { ...entityColumns(kind, changes), version } });
  }
}

export async function updateLink(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'updateLink' }>): Promise<EditOutcome> {
  const updated = await tx.link.updateMany({ where: { id: edit.id, scenarioId, version: edit.version }, data: { ...edit.changes, version: { increment: 1 } } });
  if (updated.count === 0) await refuseStaleUpdate(tx, 'link', edit.id, scenarioId);
  const outcome = emptyOutcome();
  outcome.upserted.links.push(linkFromRow(await tx.link.findUniqueOrThrow({ where: { id: edit.id }, select: linkSelect })));
  return outcome;
}

export async function updateDependency(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'updateDependency' }>): Promise<EditOutcome> {
  const where = { fromServiceId: edit.fromId, toServiceId: edit.toId, fromService: { scenarioId } };
  const updated = await tx.serviceDependency.updateMany({ where: { ...where, version: edit.version }, data: { ...edit.changes, version: { increment: 1 } } });
  if (updated.count === 0) {
    const exists = await tx.serviceDependency.count({ where });
    throw stale(
      exists
        ? 'This dependency was changed by someone else since you loaded it; your change was not saved. Reload to see the current version.'
        : 'This dependency was deleted by someone else; your change was not saved. Reload to see the current state.',
    );
  }
  const outcome = emptyOutcome();
  const row = await tx.serviceDependency.findUniqueOrThrow({
    where: { fromServiceId_toServiceId: { fromServiceId: edit.fromId, toServiceId: edit.toId } },
    select: dependencySelect,
  });
  outcome.upserted.dependencies.push(dependencyFromRow(row));
  return outcome;
}

/** An update matched no row: say whether someone deleted it or changed it first. */
async function refuseStaleUpdate(tx: Tx, kind: EntityKind | 'link', id: string, scenarioId: string): Promise<never> {
  const current = kind === 'link' ? await tx.link.findFirst({ where: { id, scenarioId }, select: { name: true } }) : (await readEntities(tx, kind, [id], scenarioId))[0];
  const what = kind === 'link' ? 'Link' : ENTITY_KIND_LABELS[kind];
  if (!current) throw stale(`${what} was deleted by someone else; your change was not saved. Reload to see the current state.`);
  throw stale(`${what} “${current.name}” was changed by someone else since you loaded it; your change was not saved. Reload to see the current version.`);
}
