// Undo of a delete: re-creates what the delete took, then puts back the pointers and secondary
// rows of what survived, where what they belong to still exists.

import { loadAppliedPlacement } from '../load-architecture';
import type { DeletedBundle, EditOutcome } from '../edits';
import type { Entity } from '../snapshot';
import { createEntities, type Versions } from './create-entities';
import { attachmentColumns, CREATE_ORDER, findIds, readEntities, setSite, stale, type Tx } from './entity-tables';
import { assertNoForeignIds, idsOfBundle } from './references';

export async function restoreEntities(tx: Tx, scenarioId: string, bundle: DeletedBundle): Promise<EditOutcome> {
  // Undo bundles come back from the browser: every id in one must be this scenario's.
  await assertNoForeignIds(tx, scenarioId, idsOfBundle(bundle));
  await assertNoneExistsAgain(tx, bundle);
  const outcome = await createEntities(
    tx,
    scenarioId,
    {
      type: 'create',
      entities: bundle.entities.map(({ version: _v, ...e }) => e),
      links: bundle.links.map(({ version: _v, ...l }) => l),
      dependencies: bundle.dependencies.map(({ version: _v, ...d }) => d),
      manages: bundle.manages,
    },
    versionsAfterDelete(bundle),
  );
  outcome.upserted.entities.push(...(await restoreSiteMembers(tx, scenarioId, bundle)));
  outcome.upserted.entities.push(...(await restoreVnfChain(tx, scenarioId, bundle)));
  outcome.upserted.entities.push(...(await restoreRegistryAttachments(tx, scenarioId, bundle)));
  await restoreImageRegistries(tx, scenarioId, bundle);
  await restoreCachedLayers(tx, scenarioId, bundle);
  await restorePolicyMembers(tx, scenarioId, bundle);
  if (await restoreAssignments(tx, scenarioId, bundle)) outcome.placement = await loadAppliedPlacement(tx, scenarioId);
  return outcome;
}

async function assertNoneExistsAgain(tx: Tx, bundle: DeletedBundle) {
  for (const kind of CREATE_ORDER) {
    const want = bundle.entities.filter((e) => e.kind === kind).map((e) => e.id);
    if (!want.length) continue;
    const existing = await findIds(tx, kind, { id: { in: want } });
    if (existing.length) throw stale('What you are restoring already exists again. Reload to see the current state.');
  }
}

/**
 * Restored rows come back one version later than they were deleted at, so that any stale copy
 * of the deleted row still cannot be saved over them.
 */
function versionsAfterDelete(bundle: DeletedBundle): Versions {
  const versions = new Map<string, number>();
  for (const e of bundle.entities) versions.set(e.id, e.version + 1);
  for (const l of bundle.links) versions.set(l.id, l.version + 1);
  for (const d of bundle.dependencies) versions.set(`${d.fromId}:${d.toId}`, d.version + 1);
  return versions;
}

// Secondary rows come back when what they belong to still exists (and, for pointers, when
// nobody has set them since).

async function restoreSiteMembers(tx: Tx, scenarioId: string, bundle: DeletedBundle): Promise<Entity[]> {
  const changed: Entity[] = [];
  for (const kind of ['edgeServer', 'networkNode', 'registry'] as const) {
    for (const m of bundle.siteMembers.filter((m) => m.kind === kind)) {
      const n = await setSite(tx, kind, { id: m.id, scenarioId, siteId: null }, m.siteId);
      if (n.count) changed.push(...(await readEntities(tx, kind, [m.id])));
    }
  }
  return changed;
}

/** Registries go back onto what they were attached to, unless someone attached them elsewhere. */
async function restoreRegistryAttachments(tx: Tx, scenarioId: string, bundle: DeletedBundle): Promise<Entity[]> {
  const changed: Entity[] = [];
  for (const a of bundle.registryAttachments) {
    const n = await tx.registry.updateMany({
      where: { id: a.registryId, scenarioId, networkNodeId: null, edgeServerId: null },
      data: { ...attachmentColumns({ kind: a.kind, id: a.id }), version: { increment: 1 } },
    });
    if (n.count) changed.push(...(await readEntities(tx, 'registry', [a.registryId])));
  }
  return changed;
}

async function restoreImageRegistries(tx: Tx, scenarioId: string, bundle: DeletedBundle) {
  for (const i of bundle.imageRegistries) await tx.image.updateMany({ where: { id: i.imageId, scenarioId, registryId: null }, data: { registryId: i.registryId } });
}

async function restoreVnfChain(tx: Tx, scenarioId: string, bundle: DeletedBundle): Promise<Entity[]> {
  const changed: Entity[] = [];
  for (const c of bundle.vnfChain) {
    const n = await tx.vnf.updateMany({ where: { id: c.vnfId, scenarioId, nextVnfId: null }, data: { nextVnfId: c.nextVnfId, version: { increment: 1 } } });
    if (n.count) changed.push(...(await readEntities(tx, 'vnf', [c.vnfId])));
  }
  return changed;
}

async function restoreCachedLayers(tx: Tx, scenarioId: string, bundle: DeletedBundle) {
  const layerIds = new Set((await tx.layer.findMany({ where: { scenarioId, id: { in: bundle.cachedLayers.map((c) => c.layerId) } }, select: { id: true } })).map((l) => l.id));
  const cached = bundle.cachedLayers.filter((c) => layerIds.has(c.layerId));
  if (cached.length) await tx.edgeServerCachedLayer.createMany({ data: cached, skipDuplicates: true });
}

async function restorePolicyMembers(tx: Tx, scenarioId: string, bundle: DeletedBundle) {
  const policyIds = new Set(
    (
      await tx.policy.findMany({
        where: { scenarioId, id: { in: [...bundle.policyServices.map((p) => p.policyId), ...bundle.policyEdgeServers.map((p) => p.policyId)] } },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  const services = bundle.policyServices.filter((p) => policyIds.has(p.policyId));
  if (services.length) await tx.policyService.createMany({ data: services, skipDuplicates: true });
  const servers = bundle.policyEdgeServers.filter((p) => policyIds.has(p.policyId));
  if (servers.length) await tx.policyEdgeServer.createMany({ data: servers, skipDuplicates: true });
}

/** Puts back the assignments of runs that still exist; whether there were any. */
async function restoreAssignments(tx: Tx, scenarioId: string, bundle: DeletedBundle): Promise<boolean> {
  const runIds = new Set((await tx.placementRun.findMany({ where: { scenarioId, id: { in: bundle.assignments.map((a) => a.runId) } }, select: { id: true } })).map((r) => r.id));
  const assignments = bundle.assignments.filter((a) => runIds.has(a.runId));
  if (assignments.length) await tx.assignment.createMany({ data: assignments, skipDuplicates: true });
  return assignments.length > 0;
}
