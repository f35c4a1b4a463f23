// Deletes what the confirmation listed, in three steps kept apart: verify that what goes is
// exactly what the browser confirmed, capture what undo needs, then delete.

import { loadAppliedPlacement } from '../load-architecture';
import { dependencySelect, linkFromRow, linkSelect, type DependencyRow, type LinkRow } from '../db-mapping';
import { emptyOutcome, type DeletedBundle, type Edit, type EditOutcome } from '../edits';
import { MANAGED_KINDS, type Entity, type EntityKind, type ManagesRelation } from '../snapshot';
import { attachmentColumns, CREATE_ORDER, deleteEntityRows, label, readEntities, setSite, stale, type Tx } from './entity-tables';
import { isEmptyFilter, MANAGES_TABLES } from './manages-tables';

type DeleteEdit = Extract<Edit, { type: 'delete' }>;
type Listed = Record<EntityKind, string[]>;

/** The rows that go, each checked against the version the browser saw. */
type Doomed = { listed: Listed; entities: Entity[]; links: LinkRow[]; dependencies: DependencyRow[]; manages: ManagesRelation[] };

/** Rows that stay but point at doomed ones. */
type Survivors = Omit<DeletedBundle, 'entities' | 'links' | 'dependencies' | 'manages'>;

export async function deleteEntities(tx: Tx, scenarioId: string, edit: DeleteEdit): Promise<EditOutcome> {
  const doomed = await readConfirmedDeletion(tx, scenarioId, edit);
  const survivors = await readSurvivors(tx, doomed.listed);
  const outcome = emptyOutcome();
  outcome.upserted.entities.push(...(await detachSurvivors(tx, survivors)));
  await deleteDoomed(tx, scenarioId, doomed);
  outcome.removed.entities = edit.entities.map((e) => ({ kind: e.kind, id: e.id }));
  outcome.removed.links = doomed.links.map((l) => l.id);
  outcome.removed.dependencies = doomed.dependencies.map((d) => ({ fromId: d.fromServiceId, toId: d.toServiceId }));
  outcome.removed.manages = doomed.manages;
  outcome.bundle = deletedBundle(doomed, survivors);
  if (survivors.assignments.length) outcome.placement = await loadAppliedPlacement(tx, scenarioId);
  return outcome;
}

// ------------------------------------------------------------------ verify

async function readConfirmedDeletion(tx: Tx, scenarioId: string, edit: DeleteEdit): Promise<Doomed> {
  const listed = listedIds(edit);
  const entities = await readListedEntities(tx, scenarioId, edit, listed);
  await assertNothingElseHosted(tx, listed);
  const links = await readDoomedLinks(tx, scenarioId, edit, listed);
  const dependencies = await readDoomedDependencies(tx, scenarioId, edit, listed);
  const manages = await readDoomedManages(tx, scenarioId, edit, listed);
  return { listed, entities, links, dependencies, manages };
}

function listedIds(edit: DeleteEdit): Listed {
  const ofKind = (kind: EntityKind) => [...new Set(edit.entities.filter((e) => e.kind === kind).map((e) => e.id))];
  return {
    site: ofKind('site'),
    edgeServer: ofKind('edgeServer'),
    networkNode: ofKind('networkNode'),
    vnf: ofKind('vnf'),
    service: ofKind('service'),
    registry: ofKind('registry'),
    controller: ofKind('controller'),
  };
}

/** The named rows must exist at the versions the browser saw. */
async function readListedEntities(tx: Tx, scenarioId: string, edit: DeleteEdit, listed: Listed): Promise<Entity[]> {
  const entities: Entity[] = [];
  for (const kind of CREATE_ORDER) {
    const found = await readEntities(tx, kind, listed[kind], scenarioId);
    const byId = new Map<string, Entity>(found.map((e) => [e.id, e]));
    for (const ref of edit.entities.filter((e) => e.kind === kind)) {
      const row = byId.get(ref.id);
      if (!row) throw stale(`${label(kind)} was already deleted by someone else. Reload to see the current state.`);
      if (row.version !== ref.version) throw stale(`${label(kind, row.name)} was changed by someone else since you loaded it; nothing was deleted. Reload and try again.`);
    }
    entities.push(...found);
  }
  return entities;
}

// What the confirmation listed must be everything that goes: VNFs and controllers hosted on a
// deleted edge server, and links touching a deleted endpoint. Anything added since then by
// someone else makes the delete stale rather than silently larger.

const HOSTED_READERS = {
  vnf: (tx, servers) => tx.vnf.findMany({ where: { hostServerId: { in: servers } }, select: { id: true, name: true } }),
  controller: (tx, servers) => tx.controller.findMany({ where: { hostServerId: { in: servers } }, select: { id: true, name: true } }),
} satisfies Record<'vnf' | 'controller', (tx: Tx, servers: string[]) => Promise<{ id: string; name: string }[]>>;

async function assertNothingElseHosted(tx: Tx, listed: Listed) {
  if (!listed.edgeServer.length) return;
  for (const kind of ['vnf', 'controller'] as const) {
    const hosted = await HOSTED_READERS[kind](tx, listed.edgeServer);
    const extra = hosted.find((h) => !listed[kind].includes(h.id));
    if (extra)
      throw stale(`${label(kind, extra.name)} is hosted on an edge server being deleted but was not in your confirmation; someone may have just added it. Reload and try again.`);
  }
}

async function readDoomedLinks(tx: Tx, scenarioId: string, edit: DeleteEdit, listed: Listed): Promise<LinkRow[]> {
  const servers = listed.edgeServer;
  const nodes = listed.networkNode;
  const endpointFilter = [
    ...(servers.length ? [{ aEdgeServerId: { in: servers } }, { bEdgeServerId: { in: servers } }] : []),
    ...(nodes.length ? [{ aNodeId: { in: nodes } }, { bNodeId: { in: nodes } }] : []),
  ];
  const explicitLinks = new Map(edit.links.map((l) => [l.id, l.version]));
  const links = await tx.link.findMany({ where: { scenarioId, OR: [{ id: { in: [...explicitLinks.keys()] } }, ...endpointFilter] }, select: linkSelect });
  for (const [id, version] of explicitLinks) {
    const row = links.find((l) => l.id === id);
    if (!row) throw stale('A link you deleted was already deleted by someone else. Reload to see the current state.');
    if (row.version !== version) throw stale(`Link “${row.name}” was changed by someone else since you loaded it; nothing was deleted. Reload and try again.`);
  }
  const extraLink = links.find((l) => !explicitLinks.has(l.id));
  if (extraLink) throw stale(`Link “${extraLink.name}” would be deleted too but was not in your confirmation; someone may have just added it. Reload and try again.`);
  return links;
}

async function readDoomedDependencies(tx: Tx, scenarioId: string, edit: DeleteEdit, listed: Listed): Promise<DependencyRow[]> {
  const services = listed.service;
  const deps = await tx.serviceDependency.findMany({
    where: {
      fromService: { scenarioId },
      OR: [
        ...(services.length ? [{ fromServiceId: { in: services } }, { toServiceId: { in: services } }] : []),
        ...edit.dependencies.map((d) => ({ fromServiceId: d.fromId, toServiceId: d.toId })),
      ],
    },
    select: dependencySelect,
  });
  for (const d of edit.dependencies) {
    const row = deps.find((r) => r.fromServiceId === d.fromId && r.toServiceId === d.toId);
    if (!row) throw stale('A dependency you deleted was already deleted by someone else. Reload to see the current state.');
    if (row.version !== d.version) throw stale('A dependency you deleted was changed by someone else since you loaded it; nothing was deleted. Reload and try again.');
  }
  return deps;
}

async function readDoomedManages(tx: Tx, scenarioId: string, edit: DeleteEdit, listed: Listed): Promise<ManagesRelation[]> {
  const manages: ManagesRelation[] = [];
  for (const targetKind of MANAGED_KINDS) {
    const explicit = edit.manages.filter((m) => m.targetKind === targetKind);
    const filter = { controllerIds: listed.controller, targetIds: listed[targetKind], pairs: explicit };
    if (isEmptyFilter(filter)) continue;
    const found = await MANAGES_TABLES[targetKind].find(tx, scenarioId, filter);
    for (const m of explicit) {
      if (!found.some((r) => r.controllerId === m.controllerId && r.targetId === m.targetId)) {
        throw stale('A “manages” edge you deleted was already deleted by someone else. Reload to see the current state.');
      }
    }
    manages.push(...found);
  }
  return manages;
}

// ------------------------------------------------------------------ capture

async function readSurvivors(tx: Tx, listed: Listed): Promise<Survivors> {
  const servers = listed.edgeServer;
  const services = listed.service;
  return {
    siteMembers: await readSiteMembers(tx, listed),
    vnfChain: await readVnfChain(tx, listed.vnf),
    registryAttachments: await readRegistryAttachments(tx, listed),
    imageRegistries: listed.registry.length
      ? (await tx.image.findMany({ where: { registryId: { in: listed.registry } }, select: { id: true, registryId: true } })).map((i) => ({
          imageId: i.id,
          registryId: i.registryId!,
        }))
      : [],
    cachedLayers: servers.length ? await tx.edgeServerCachedLayer.findMany({ where: { edgeServerId: { in: servers } }, select: { edgeServerId: true, layerId: true } }) : [],
    policyServices: services.length ? await tx.policyService.findMany({ where: { serviceId: { in: services } }, select: { policyId: true, serviceId: true } }) : [],
    policyEdgeServers: servers.length ? await tx.policyEdgeServer.findMany({ where: { edgeServerId: { in: servers } }, select: { policyId: true, edgeServerId: true } }) : [],
    assignments:
      services.length || servers.length
        ? await tx.assignment.findMany({
            where: { OR: [...(services.length ? [{ serviceId: { in: services } }] : []), ...(servers.length ? [{ edgeServerId: { in: servers } }] : [])] },
            select: { runId: true, serviceId: true, replica: true, edgeServerId: true },
          })
        : [],
  };
}

async function readSiteMembers(tx: Tx, listed: Listed): Promise<Survivors['siteMembers']> {
  const sites = listed.site;
  if (!sites.length) return [];
  const select = { id: true, siteId: true } as const;
  const asMember =
    <K extends Survivors['siteMembers'][number]['kind']>(kind: K) =>
    (m: { id: string; siteId: string | null }) => ({ kind, id: m.id, siteId: m.siteId! });
  return [
    ...(await tx.edgeServer.findMany({ where: { siteId: { in: sites }, id: { notIn: listed.edgeServer } }, select })).map(asMember('edgeServer')),
    ...(await tx.networkNode.findMany({ where: { siteId: { in: sites }, id: { notIn: listed.networkNode } }, select })).map(asMember('networkNode')),
    ...(await tx.registry.findMany({ where: { siteId: { in: sites }, id: { notIn: listed.registry } }, select })).map(asMember('registry')),
  ];
}

/** Registries that stay but are attached to a network node or edge server that goes. */
async function readRegistryAttachments(tx: Tx, listed: Listed): Promise<Survivors['registryAttachments']> {
  const nodes = listed.networkNode;
  const servers = listed.edgeServer;
  if (!nodes.length && !servers.length) return [];
  const attached = await tx.registry.findMany({
    where: {
      id: { notIn: listed.registry },
      OR: [...(nodes.length ? [{ networkNodeId: { in: nodes } }] : []), ...(servers.length ? [{ edgeServerId: { in: servers } }] : [])],
    },
    select: { id: true, networkNodeId: true, edgeServerId: true },
  });
  return attached.map((r) =>
    r.networkNodeId ? { registryId: r.id, kind: 'networkNode' as const, id: r.networkNodeId } : { registryId: r.id, kind: 'edgeServer' as const, id: r.edgeServerId! },
  );
}

async function readVnfChain(tx: Tx, vnfs: string[]): Promise<Survivors['vnfChain']> {
  if (!vnfs.length) return [];
  const chained = await tx.vnf.findMany({ where: { nextVnfId: { in: vnfs }, id: { notIn: vnfs } }, select: { id: true, nextVnfId: true } });
  return chained.map((v) => ({ vnfId: v.id, nextVnfId: v.nextVnfId! }));
}

function deletedBundle(doomed: Doomed, survivors: Survivors): DeletedBundle {
  return {
    entities: doomed.entities.map((e) => ({ ...e }) as DeletedBundle['entities'][number]),
    links: doomed.links.map((l) => {
      const { version, ...rest } = linkFromRow(l);
      return { ...rest, version };
    }),
    dependencies: doomed.dependencies.map((d) => ({ fromId: d.fromServiceId, toId: d.toServiceId, trafficMbps: d.trafficMbps, version: d.version })),
    manages: doomed.manages,
    ...survivors,
  };
}

// ------------------------------------------------------------------ delete

/**
 * Survivors that pointed at deleted rows change: bump their versions so stale copies elsewhere
 * cannot write the old pointer back. Returns them as they are now.
 */
async function detachSurvivors(tx: Tx, survivors: Survivors): Promise<Entity[]> {
  const changed: Entity[] = [];
  for (const kind of ['edgeServer', 'networkNode', 'registry'] as const) {
    const memberIds = survivors.siteMembers.filter((m) => m.kind === kind).map((m) => m.id);
    if (!memberIds.length) continue;
    await setSite(tx, kind, { id: { in: memberIds } }, null);
    changed.push(...(await readEntities(tx, kind, memberIds)));
  }
  // The foreign key would clear the attachment too, but without the version bump.
  const detached = survivors.registryAttachments.map((a) => a.registryId);
  if (detached.length) {
    await tx.registry.updateMany({ where: { id: { in: detached } }, data: { ...attachmentColumns(null), version: { increment: 1 } } });
    // A registry unsited above and detached here is one entity: the later read wins.
    changed.push(...(await readEntities(tx, 'registry', detached)));
  }
  const chained = survivors.vnfChain.map((v) => v.vnfId);
  if (chained.length) {
    await tx.vnf.updateMany({ where: { id: { in: chained } }, data: { nextVnfId: null, version: { increment: 1 } } });
    changed.push(...(await readEntities(tx, 'vnf', chained)));
  }
  return changed;
}

async function deleteDoomed(tx: Tx, scenarioId: string, doomed: Doomed) {
  for (const m of doomed.manages) await MANAGES_TABLES[m.targetKind].remove(tx, m);
  for (const d of doomed.dependencies) {
    await tx.serviceDependency.delete({ where: { fromServiceId_toServiceId: { fromServiceId: d.fromServiceId, toServiceId: d.toServiceId } } });
  }
  if (doomed.links.length) await tx.link.deleteMany({ where: { id: { in: doomed.links.map((l) => l.id) } } });
  for (const kind of [...CREATE_ORDER].reverse()) await deleteEntityRows(tx, kind, doomed.listed[kind], scenarioId);
}
