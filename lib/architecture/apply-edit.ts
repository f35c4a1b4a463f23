// Applies one editor edit to the database in one transaction (see edits.ts for the contract).
//
// Every edit first bumps Scenario.version: that keeps "the scenario changed" observable to the
// rest of the app and takes the scenario row's lock, so two edits of one scenario never
// interleave their read-check-write steps. Stale and deleted rows are refused with
// STALE_VERSION, which the action turns into the "reload?" offer.

import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { DomainError } from '@/lib/errors';
import { assertContainersWithinLimit } from '@/lib/scenarios/assert-containers-within-limit';
import { entityColumns, entityFromRow, linkColumns, linkFromRow, dependencyFromRow } from './db-mapping';
import { ENTITY_UPDATE_SCHEMAS, emptyOutcome, type DeletedBundle, type Edit, type EditOutcome, type EntityCreate } from './edits';
import { loadAppliedPlacement } from './load-architecture';
import { ENTITY_KIND_LABELS, type EntityKind, type ManagedKind, type ManagesRelation } from './snapshot';

type Tx = Prisma.TransactionClient;

// The Prisma delegates differ only in their row types; the editor treats them alike.
type Delegate = {
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
  create(args: unknown): Promise<Record<string, unknown>>;
  updateMany(args: unknown): Promise<{ count: number }>;
  deleteMany(args: unknown): Promise<{ count: number }>;
};
function table(tx: Tx, kind: EntityKind | 'image'): Delegate {
  const t = {
    site: tx.site,
    edgeServer: tx.edgeServer,
    networkNode: tx.networkNode,
    vnf: tx.vnf,
    service: tx.service,
    controller: tx.controller,
    image: tx.image,
  }[kind];
  return t;
}

const SQL_TABLE: Record<EntityKind, string> = {
  site: 'Site',
  edgeServer: 'EdgeServer',
  networkNode: 'NetworkNode',
  vnf: 'Vnf',
  service: 'Service',
  controller: 'Controller',
};

/** Creation order: what others point at first. Deletion goes the other way. */
const CREATE_ORDER: EntityKind[] = ['site', 'edgeServer', 'networkNode', 'vnf', 'service', 'controller'];

const stale = (message: string) => new DomainError('STALE_VERSION', message);
const label = (kind: EntityKind, name?: unknown) => `${ENTITY_KIND_LABELS[kind]}${typeof name === 'string' && name ? ` “${name}”` : ''}`;

export async function applyEdit(db: Db, scenarioId: string, edit: Edit): Promise<EditOutcome> {
  const outcome = await applyEditInTransaction(db, scenarioId, edit);
  // Links, nodes, edge servers, VNFs and dependencies are what routes and flow rules are made
  // of: the plan follows every edit right after its commit (moving nodes on the canvas changes
  // nothing the plan depends on).
  if (edit.type !== 'move') await recomputeAfterChange(db, scenarioId);
  return outcome;
}

async function applyEditInTransaction(db: Db, scenarioId: string, edit: Edit): Promise<EditOutcome> {
  try {
    return await db.$transaction(
      async (tx) => {
        const bumped = await tx.scenario.updateMany({ where: { id: scenarioId }, data: { version: { increment: 1 } } });
        if (bumped.count === 0) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
        switch (edit.type) {
          case 'create':
            return createAll(tx, scenarioId, edit);
          case 'update':
            return updateEntity(tx, scenarioId, edit);
          case 'updateLink':
            return updateLink(tx, scenarioId, edit);
          case 'updateDependency':
            return updateDependency(tx, scenarioId, edit);
          case 'move':
            await moveAll(tx, scenarioId, edit.positions);
            return emptyOutcome();
          case 'delete':
            return deleteAll(tx, scenarioId, edit);
          case 'restore':
            return restore(tx, scenarioId, edit.bundle);
        }
      },
      { timeout: 60_000, maxWait: 20_000 },
    );
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'P2002') {
      const field = edit.type === 'update' || edit.type === 'updateLink' ? 'name' : undefined;
      throw new DomainError('NAME_TAKEN', 'That name is already taken in this scenario.', field);
    }
    throw error;
  }
}

// ------------------------------------------------------------------ references

type RefKind = EntityKind | 'image';

class RefSet {
  private readonly byKind = new Map<RefKind, Set<string>>();
  add(kind: RefKind, id: string | null | undefined) {
    if (!id) return;
    let s = this.byKind.get(kind);
    if (!s) this.byKind.set(kind, (s = new Set()));
    s.add(id);
  }
  entries() {
    return this.byKind.entries();
  }
}

/** Every referenced row must exist in this scenario (or be created by this same edit). */
async function assertReferences(tx: Tx, scenarioId: string, refs: RefSet, creating: ReadonlySet<string> = new Set()) {
  for (const [kind, ids] of refs.entries()) {
    const wanted = [...ids].filter((id) => !creating.has(id));
    if (!wanted.length) continue;
    const found = await table(tx, kind).findMany({ where: { id: { in: wanted }, scenarioId }, select: { id: true } });
    if (found.length !== wanted.length) {
      const what = kind === 'image' ? 'An image' : `${ENTITY_KIND_LABELS[kind]}`;
      throw stale(`${what} this refers to no longer exists in this scenario; someone may have deleted it. Reload to see the current state.`);
    }
  }
}

type ScopedTable = EntityKind | 'image' | 'registry' | 'layer' | 'policy' | 'placementRun' | 'link';

/**
 * Ids an edit carries must not name rows of another scenario. Missing rows are a matter of
 * staleness (handled where they are used); rows that exist elsewhere mean the request was built
 * from another scenario, or forged, and nothing of it may be written.
 */
async function assertNoForeignIds(tx: Tx, scenarioId: string, ids: Map<ScopedTable, Set<string>>) {
  for (const [kind, set] of ids) {
    if (!set.size) continue;
    const delegate = (tx as unknown as Record<string, Delegate>)[kind];
    const foreign = await delegate.findMany({ where: { id: { in: [...set] }, scenarioId: { not: scenarioId } }, select: { id: true } });
    if (foreign.length) {
      throw new DomainError('INVALID_INPUT', 'This edit names rows that belong to another scenario; nothing was changed. Reload this scenario and try again.');
    }
  }
}

/** Every id a create or restore would write, by the table it names. */
function idsOfBundle(bundle: Omit<Extract<Edit, { type: 'create' }>, 'type'> & Partial<Omit<DeletedBundle, 'entities' | 'links' | 'dependencies' | 'manages'>>) {
  const ids = new Map<ScopedTable, Set<string>>();
  const add = (kind: ScopedTable, id: string | null | undefined) => {
    if (!id) return;
    let set = ids.get(kind);
    if (!set) ids.set(kind, (set = new Set()));
    set.add(id);
  };
  const refs = new RefSet();
  for (const e of bundle.entities) {
    add(e.kind, e.id);
    entityReferences(refs, e);
  }
  for (const [kind, set] of refs.entries()) for (const id of set) add(kind, id);
  for (const l of bundle.links) {
    add('link', l.id);
    add(l.a.kind, l.a.id);
    add(l.b.kind, l.b.id);
  }
  for (const d of bundle.dependencies) {
    add('service', d.fromId);
    add('service', d.toId);
  }
  for (const m of bundle.manages) {
    add('controller', m.controllerId);
    add(m.targetKind, m.targetId);
  }
  for (const m of bundle.siteMembers ?? []) {
    add(m.kind, m.id);
    add('site', m.siteId);
  }
  for (const c of bundle.vnfChain ?? []) {
    add('vnf', c.vnfId);
    add('vnf', c.nextVnfId);
  }
  for (const c of bundle.cachedLayers ?? []) {
    add('edgeServer', c.edgeServerId);
    add('layer', c.layerId);
  }
  for (const p of bundle.policyServices ?? []) {
    add('policy', p.policyId);
    add('service', p.serviceId);
  }
  for (const p of bundle.policyEdgeServers ?? []) {
    add('policy', p.policyId);
    add('edgeServer', p.edgeServerId);
  }
  for (const a of bundle.assignments ?? []) {
    add('placementRun', a.runId);
    add('service', a.serviceId);
    add('edgeServer', a.edgeServerId);
  }
  return ids;
}

function entityReferences(refs: RefSet, e: Partial<EntityCreate> & { kind: EntityKind }) {
  const f = e as Record<string, string | null | undefined>;
  if (e.kind === 'edgeServer' || e.kind === 'networkNode') refs.add('site', f.siteId);
  if (e.kind === 'vnf' || e.kind === 'controller') refs.add('edgeServer', f.hostServerId);
  if (e.kind === 'vnf') refs.add('vnf', f.nextVnfId);
  if (e.kind === 'service') refs.add('image', f.imageId);
}

// ------------------------------------------------------------------ create

async function readEntities(tx: Tx, kind: EntityKind, ids: string[]) {
  if (!ids.length) return [];
  const rows = await table(tx, kind).findMany({ where: { id: { in: ids } } });
  return rows.map((r) => entityFromRow(kind, r));
}

async function createAll(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'create' }>, versions?: Map<string, number>): Promise<EditOutcome> {
  await assertNoForeignIds(tx, scenarioId, idsOfBundle(edit));
  const creating = new Set(edit.entities.map((e) => e.id));
  const refs = new RefSet();
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
  await assertReferences(tx, scenarioId, refs, creating);

  const outcome = emptyOutcome();
  const chains: { id: string; nextVnfId: string }[] = [];
  for (const kind of CREATE_ORDER) {
    const ofKind = edit.entities.filter((e) => e.kind === kind);
    for (const e of ofKind) {
      const data = entityColumns(kind, e);
      if (kind === 'vnf' && data.nextVnfId) {
        chains.push({ id: e.id, nextVnfId: data.nextVnfId as string });
        data.nextVnfId = null;
      }
      await table(tx, kind).create({ data: { ...data, id: e.id, scenarioId, version: versions?.get(e.id) ?? 1 } });
    }
  }
  for (const c of chains) await tx.vnf.update({ where: { id: c.id }, data: { nextVnfId: c.nextVnfId } });
  if (edit.entities.some((e) => e.kind === 'service')) await assertContainersWithinLimit(tx, scenarioId);
  for (const kind of CREATE_ORDER) {
    outcome.upserted.entities.push(
      ...(await readEntities(
        tx,
        kind,
        edit.entities.filter((e) => e.kind === kind).map((e) => e.id),
      )),
    );
  }

  for (const l of edit.links) {
    if (l.a.kind === l.b.kind && l.a.id === l.b.id) throw new DomainError('INVALID_INPUT', 'A link cannot join a node to itself.');
    const { id, a, b, ...fields } = l;
    const row = await tx.link.create({
      data: { ...fields, id, scenarioId, ...linkColumns({ a, b }), version: versions?.get(id) ?? 1 },
    });
    outcome.upserted.links.push(linkFromRow(row));
  }
  for (const d of edit.dependencies) {
    if (d.fromId === d.toId) throw new DomainError('INVALID_INPUT', 'A service cannot depend on itself.');
    const row = await tx.serviceDependency.create({
      data: { fromServiceId: d.fromId, toServiceId: d.toId, trafficMbps: d.trafficMbps, version: versions?.get(`${d.fromId}:${d.toId}`) ?? 1 },
    });
    outcome.upserted.dependencies.push(dependencyFromRow(row));
  }
  for (const m of edit.manages) {
    await createManages(tx, m);
    outcome.upserted.manages.push(m);
  }
  return outcome;
}

async function createManages(tx: Tx, m: ManagesRelation) {
  const controllerId = m.controllerId;
  switch (m.targetKind) {
    case 'edgeServer':
      return tx.controllerManagedEdgeServer.create({ data: { controllerId, edgeServerId: m.targetId } });
    case 'networkNode':
      return tx.controllerManagedNetworkNode.create({ data: { controllerId, networkNodeId: m.targetId } });
    case 'service':
      return tx.controllerManagedService.create({ data: { controllerId, serviceId: m.targetId } });
    case 'vnf':
      return tx.controllerManagedVnf.create({ data: { controllerId, vnfId: m.targetId } });
  }
}

// ------------------------------------------------------------------ update

async function refuseStaleUpdate(tx: Tx, kind: EntityKind | 'link', id: string, scenarioId: string): Promise<never> {
  const current =
    kind === 'link'
      ? await tx.link.findFirst({ where: { id, scenarioId }, select: { name: true } })
      : ((await table(tx, kind).findMany({ where: { id, scenarioId }, select: { name: true } }))[0] as { name: string } | undefined);
  const what = kind === 'link' ? 'Link' : ENTITY_KIND_LABELS[kind];
  if (!current) throw stale(`${what} was deleted by someone else; your change was not saved. Reload to see the current state.`);
  throw stale(`${what} “${current.name}” was changed by someone else since you loaded it; your change was not saved. Reload to see the current version.`);
}

async function updateEntity(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'update' }>): Promise<EditOutcome> {
  const changes = ENTITY_UPDATE_SCHEMAS[edit.kind].parse(edit.changes) as Partial<EntityCreate> & Record<string, unknown>;
  if (edit.kind === 'vnf' && changes.nextVnfId === edit.id) throw new DomainError('INVALID_INPUT', 'A VNF cannot be chained to itself.', 'nextVnfId');
  const refs = new RefSet();
  entityReferences(refs, { ...changes, kind: edit.kind } as EntityCreate);
  await assertReferences(tx, scenarioId, refs);
  const updated = await table(tx, edit.kind).updateMany({
    where: { id: edit.id, scenarioId, version: edit.version },
    data: { ...entityColumns(edit.kind, changes), version: { increment: 1 } },
  });
  if (updated.count === 0) await refuseStaleUpdate(tx, edit.kind, edit.id, scenarioId);
  if (edit.kind === 'service' && changes.replicas !== undefined) await assertContainersWithinLimit(tx, scenarioId, 'replicas');
  const outcome = emptyOutcome();
  outcome.upserted.entities.push(...(await readEntities(tx, edit.kind, [edit.id])));
  return outcome;
}

async function updateLink(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'updateLink' }>): Promise<EditOutcome> {
  const updated = await tx.link.updateMany({ where: { id: edit.id, scenarioId, version: edit.version }, data: { ...edit.changes, version: { increment: 1 } } });
  if (updated.count === 0) await refuseStaleUpdate(tx, 'link', edit.id, scenarioId);
  const outcome = emptyOutcome();
  outcome.upserted.links.push(linkFromRow(await tx.link.findUniqueOrThrow({ where: { id: edit.id } })));
  return outcome;
}

async function updateDependency(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'updateDependency' }>): Promise<EditOutcome> {
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
  const row = await tx.serviceDependency.findUniqueOrThrow({ where: { fromServiceId_toServiceId: { fromServiceId: edit.fromId, toServiceId: edit.toId } } });
  outcome.upserted.dependencies.push(dependencyFromRow(row));
  return outcome;
}

// ------------------------------------------------------------------ move

async function moveAll(tx: Tx, scenarioId: string, positions: Extract<Edit, { type: 'move' }>['positions']) {
  for (const kind of CREATE_ORDER) {
    const mine = positions.filter((p) => p.kind === kind);
    if (!mine.length) continue;
    // One statement per table, whatever the number of nodes (auto layout moves them all).
    // Rows that no longer exist are simply not matched: a move never brings anything back.
    await tx.$executeRawUnsafe(
      `UPDATE "${SQL_TABLE[kind]}" AS t SET "posX" = v.x, "posY" = v.y
         FROM (SELECT unnest($1::text[]) AS id, unnest($2::float8[]) AS x, unnest($3::float8[]) AS y) AS v
        WHERE t.id = v.id AND t."scenarioId" = $4`,
      mine.map((p) => p.id),
      mine.map((p) => p.x),
      mine.map((p) => p.y),
      scenarioId,
    );
  }
}

// ------------------------------------------------------------------ delete

const MANAGED_TABLES = {
  edgeServer: { table: 'controllerManagedEdgeServer', column: 'edgeServerId' },
  networkNode: { table: 'controllerManagedNetworkNode', column: 'networkNodeId' },
  service: { table: 'controllerManagedService', column: 'serviceId' },
  vnf: { table: 'controllerManagedVnf', column: 'vnfId' },
} as const satisfies Record<ManagedKind, { table: string; column: string }>;

type JoinDelegate = { findMany(a: unknown): Promise<Record<string, string>[]>; deleteMany(a: unknown): Promise<unknown>; create(a: unknown): Promise<unknown> };
const joinTable = (tx: Tx, kind: ManagedKind) => (tx as unknown as Record<string, JoinDelegate>)[MANAGED_TABLES[kind].table];

async function deleteAll(tx: Tx, scenarioId: string, edit: Extract<Edit, { type: 'delete' }>): Promise<EditOutcome> {
  const ids = new Map<EntityKind, Set<string>>(CREATE_ORDER.map((k) => [k, new Set<string>()]));
  for (const ref of edit.entities) ids.get(ref.kind)!.add(ref.id);
  const listed = (kind: EntityKind) => [...ids.get(kind)!];

  // The named rows must exist at the versions the browser saw.
  const rows = new Map<EntityKind, Record<string, unknown>[]>();
  for (const kind of CREATE_ORDER) {
    const want = listed(kind);
    const found = want.length ? await table(tx, kind).findMany({ where: { id: { in: want }, scenarioId } }) : [];
    rows.set(kind, found);
    const byId = new Map(found.map((r) => [r.id as string, r]));
    for (const ref of edit.entities.filter((e) => e.kind === kind)) {
      const row = byId.get(ref.id);
      if (!row) throw stale(`${label(kind)} was already deleted by someone else. Reload to see the current state.`);
      if (row.version !== ref.version) throw stale(`${label(kind, row.name)} was changed by someone else since you loaded it; nothing was deleted. Reload and try again.`);
    }
  }
  // What the confirmation listed must be everything that goes: VNFs and controllers hosted on
  // a deleted edge server, and links touching a deleted endpoint. Anything added since then by
  // someone else makes the delete stale rather than silently larger.
  const servers = listed('edgeServer');
  if (servers.length) {
    for (const kind of ['vnf', 'controller'] as const) {
      const hosted = await table(tx, kind).findMany({ where: { hostServerId: { in: servers } }, select: { id: true, name: true } });
      const extra = hosted.find((h) => !ids.get(kind)!.has(h.id as string));
      if (extra)
        throw stale(`${label(kind, extra.name)} is hosted on an edge server being deleted but was not in your confirmation; someone may have just added it. Reload and try again.`);
    }
  }
  const endpointFilter = [
    ...(servers.length ? [{ aEdgeServerId: { in: servers } }, { bEdgeServerId: { in: servers } }] : []),
    ...(listed('networkNode').length ? [{ aNodeId: { in: listed('networkNode') } }, { bNodeId: { in: listed('networkNode') } }] : []),
  ];
  const explicitLinks = new Map(edit.links.map((l) => [l.id, l.version]));
  const links = await tx.link.findMany({ where: { scenarioId, OR: [{ id: { in: [...explicitLinks.keys()] } }, ...endpointFilter] } });
  for (const [id, version] of explicitLinks) {
    const row = links.find((l) => l.id === id);
    if (!row) throw stale('A link you deleted was already deleted by someone else. Reload to see the current state.');
    if (row.version !== version) throw stale(`Link “${row.name}” was changed by someone else since you loaded it; nothing was deleted. Reload and try again.`);
  }
  const extraLink = links.find((l) => !explicitLinks.has(l.id));
  if (extraLink) throw stale(`Link “${extraLink.name}” would be deleted too but was not in your confirmation; someone may have just added it. Reload and try again.`);

  const services = listed('service');
  const explicitDeps = edit.dependencies;
  const deps = await tx.serviceDependency.findMany({
    where: {
      fromService: { scenarioId },
      OR: [
        ...(services.length ? [{ fromServiceId: { in: services } }, { toServiceId: { in: services } }] : []),
        ...explicitDeps.map((d) => ({ fromServiceId: d.fromId, toServiceId: d.toId })),
      ],
    },
  });
  for (const d of explicitDeps) {
    const row = deps.find((r) => r.fromServiceId === d.fromId && r.toServiceId === d.toId);
    if (!row) throw stale('A dependency you deleted was already deleted by someone else. Reload to see the current state.');
    if (row.version !== d.version) throw stale('A dependency you deleted was changed by someone else since you loaded it; nothing was deleted. Reload and try again.');
  }

  const controllers = listed('controller');
  const manages: ManagesRelation[] = [];
  for (const targetKind of ['edgeServer', 'networkNode', 'service', 'vnf'] as const) {
    const { column } = MANAGED_TABLES[targetKind];
    const targets = listed(targetKind);
    const explicit = edit.manages.filter((m) => m.targetKind === targetKind);
    const or = [
      ...(controllers.length ? [{ controllerId: { in: controllers } }] : []),
      ...(targets.length ? [{ [column]: { in: targets } }] : []),
      ...explicit.map((m) => ({ controllerId: m.controllerId, [column]: m.targetId })),
    ];
    if (!or.length) continue;
    const found = await joinTable(tx, targetKind).findMany({ where: { controller: { scenarioId }, OR: or } });
    for (const m of explicit) {
      if (!found.some((r) => r.controllerId === m.controllerId && r[column] === m.targetId)) {
        throw stale('A “manages” edge you deleted was already deleted by someone else. Reload to see the current state.');
      }
    }
    manages.push(...found.map((r) => ({ controllerId: r.controllerId, targetKind, targetId: r[column] })));
  }

  // Rows that survive but point at deleted ones.
  const sites = listed('site');
  const siteMembers: DeletedBundle['siteMembers'] = [];
  if (sites.length) {
    for (const kind of ['edgeServer', 'networkNode', 'registry'] as const) {
      const delegate = (tx as unknown as Record<string, Delegate>)[kind];
      const members = await delegate.findMany({
        where: { siteId: { in: sites }, ...(kind === 'registry' ? {} : { id: { notIn: listed(kind) } }) },
        select: { id: true, siteId: true },
      });
      siteMembers.push(...members.map((m) => ({ kind, id: m.id as string, siteId: m.siteId as string })));
    }
  }
  const vnfs = listed('vnf');
  const vnfChain = vnfs.length
    ? (await tx.vnf.findMany({ where: { nextVnfId: { in: vnfs }, id: { notIn: vnfs } }, select: { id: true, nextVnfId: true } })).map((v) => ({
        vnfId: v.id,
        nextVnfId: v.nextVnfId!,
      }))
    : [];
  const cachedLayers = servers.length ? await tx.edgeServerCachedLayer.findMany({ where: { edgeServerId: { in: servers } } }) : [];
  const policyServices = services.length ? await tx.policyService.findMany({ where: { serviceId: { in: services } } }) : [];
  const policyEdgeServers = servers.length ? await tx.policyEdgeServer.findMany({ where: { edgeServerId: { in: servers } } }) : [];
  const assignments =
    services.length || servers.length
      ? await tx.assignment.findMany({
          where: { OR: [...(services.length ? [{ serviceId: { in: services } }] : []), ...(servers.length ? [{ edgeServerId: { in: servers } }] : [])] },
        })
      : [];

  const bundle: DeletedBundle = {
    entities: CREATE_ORDER.flatMap((kind) => rows.get(kind)!.map((r) => ({ ...entityFromRow(kind, r) }) as DeletedBundle['entities'][number])),
    links: links.map((l) => {
      const { version, ...rest } = linkFromRow(l);
      return { ...rest, version };
    }),
    dependencies: deps.map((d) => ({ fromId: d.fromServiceId, toId: d.toServiceId, trafficMbps: d.trafficMbps, version: d.version })),
    manages,
    siteMembers,
    vnfChain,
    cachedLayers: cachedLayers.map((c) => ({ edgeServerId: c.edgeServerId, layerId: c.layerId })),
    policyServices: policyServices.map((p) => ({ policyId: p.policyId, serviceId: p.serviceId })),
    policyEdgeServers: policyEdgeServers.map((p) => ({ policyId: p.policyId, edgeServerId: p.edgeServerId })),
    assignments: assignments.map((a) => ({ runId: a.runId, serviceId: a.serviceId, replica: a.replica, edgeServerId: a.edgeServerId })),
  };

  const outcome = emptyOutcome();
  // Survivors that pointed at deleted rows change: bump their versions so stale copies elsewhere
  // cannot write the old pointer back.
  for (const kind of ['edgeServer', 'networkNode'] as const) {
    const memberIds = siteMembers.filter((m) => m.kind === kind).map((m) => m.id);
    if (!memberIds.length) continue;
    await table(tx, kind).updateMany({ where: { id: { in: memberIds } }, data: { siteId: null, version: { increment: 1 } } });
    outcome.upserted.entities.push(...(await readEntities(tx, kind, memberIds)));
  }
  if (vnfChain.length) {
    const chained = vnfChain.map((v) => v.vnfId);
    await tx.vnf.updateMany({ where: { id: { in: chained } }, data: { nextVnfId: null, version: { increment: 1 } } });
    outcome.upserted.entities.push(...(await readEntities(tx, 'vnf', chained)));
  }

  for (const m of manages) await joinTable(tx, m.targetKind).deleteMany({ where: { controllerId: m.controllerId, [MANAGED_TABLES[m.targetKind].column]: m.targetId } });
  for (const d of deps) await tx.serviceDependency.delete({ where: { fromServiceId_toServiceId: { fromServiceId: d.fromServiceId, toServiceId: d.toServiceId } } });
  if (links.length) await tx.link.deleteMany({ where: { id: { in: links.map((l) => l.id) } } });
  for (const kind of [...CREATE_ORDER].reverse()) {
    const want = listed(kind);
    if (want.length) await table(tx, kind).deleteMany({ where: { id: { in: want }, scenarioId } });
  }

  outcome.removed.entities = edit.entities.map((e) => ({ kind: e.kind, id: e.id }));
  outcome.removed.links = links.map((l) => l.id);
  outcome.removed.dependencies = deps.map((d) => ({ fromId: d.fromServiceId, toId: d.toServiceId }));
  outcome.removed.manages = manages;
  outcome.bundle = bundle;
  if (assignments.length) outcome.placement = await loadAppliedPlacement(tx, scenarioId);
  return outcome;
}

// ------------------------------------------------------------------ restore (undo of a delete)

async function restore(tx: Tx, scenarioId: string, bundle: DeletedBundle): Promise<EditOutcome> {
  // Undo bundles come back from the browser: every id in one must be this scenario's.
  await assertNoForeignIds(tx, scenarioId, idsOfBundle(bundle));
  for (const kind of CREATE_ORDER) {
    const want = bundle.entities.filter((e) => e.kind === kind).map((e) => e.id);
    if (!want.length) continue;
    const existing = await table(tx, kind).findMany({ where: { id: { in: want } }, select: { id: true } });
    if (existing.length) throw stale('What you are restoring already exists again. Reload to see the current state.');
  }
  // Restored rows come back one version later than they were deleted at, so that any stale
  // copy of the deleted row still cannot be saved over them.
  const versions = new Map<string, number>();
  for (const e of bundle.entities) versions.set(e.id, e.version + 1);
  for (const l of bundle.links) versions.set(l.id, l.version + 1);
  for (const d of bundle.dependencies) versions.set(`${d.fromId}:${d.toId}`, d.version + 1);
  const outcome = await createAll(
    tx,
    scenarioId,
    {
      type: 'create',
      entities: bundle.entities.map(({ version: _v, ...e }) => e),
      links: bundle.links.map(({ version: _v, ...l }) => l),
      dependencies: bundle.dependencies.map(({ version: _v, ...d }) => d),
      manages: bundle.manages,
    },
    versions,
  );

  // Secondary rows come back when what they belong to still exists.
  for (const kind of ['edgeServer', 'networkNode'] as const) {
    const members = bundle.siteMembers.filter((m) => m.kind === kind);
    for (const m of members) {
      const n = await table(tx, kind).updateMany({ where: { id: m.id, scenarioId, siteId: null }, data: { siteId: m.siteId, version: { increment: 1 } } });
      if (n.count) outcome.upserted.entities.push(...(await readEntities(tx, kind, [m.id])));
    }
  }
  for (const m of bundle.siteMembers.filter((m) => m.kind === 'registry')) {
    await tx.registry.updateMany({ where: { id: m.id, scenarioId, siteId: null }, data: { siteId: m.siteId } });
  }
  for (const c of bundle.vnfChain) {
    const n = await tx.vnf.updateMany({ where: { id: c.vnfId, scenarioId, nextVnfId: null }, data: { nextVnfId: c.nextVnfId, version: { increment: 1 } } });
    if (n.count) outcome.upserted.entities.push(...(await readEntities(tx, 'vnf', [c.vnfId])));
  }
  const layerIds = new Set((await tx.layer.findMany({ where: { scenarioId, id: { in: bundle.cachedLayers.map((c) => c.layerId) } }, select: { id: true } })).map((l) => l.id));
  const cached = bundle.cachedLayers.filter((c) => layerIds.has(c.layerId));
  if (cached.length) await tx.edgeServerCachedLayer.createMany({ data: cached, skipDuplicates: true });
  const policyIds = new Set(
    (
      await tx.policy.findMany({
        where: { scenarioId, id: { in: [...bundle.policyServices.map((p) => p.policyId), ...bundle.policyEdgeServers.map((p) => p.policyId)] } },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  const ps = bundle.policyServices.filter((p) => policyIds.has(p.policyId));
  if (ps.length) await tx.policyService.createMany({ data: ps, skipDuplicates: true });
  const pe = bundle.policyEdgeServers.filter((p) => policyIds.has(p.policyId));
  if (pe.length) await tx.policyEdgeServer.createMany({ data: pe, skipDuplicates: true });
  const runIds = new Set((await tx.placementRun.findMany({ where: { scenarioId, id: { in: bundle.assignments.map((a) => a.runId) } }, select: { id: true } })).map((r) => r.id));
  const assignments = bundle.assignments.filter((a) => runIds.has(a.runId));
  if (assignments.length) {
    await tx.assignment.createMany({ data: assignments, skipDuplicates: true });
    outcome.placement = await loadAppliedPlacement(tx, scenarioId);
  }
  return outcome;
}
