import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import {
  controllerFromRow,
  dependencyFromRow,
  edgeServerFromRow,
  linkFromRow,
  networkNodeFromRow,
  registryFromRow,
  registrySelect,
  serviceFromRow,
  siteFromRow,
  vnfFromRow,
} from './db-mapping';
import type { AppliedPlacement, ArchitectureSnapshot, ManagesRelation, PlacementRelation } from './snapshot';

type Reader = Db | Prisma.TransactionClient;

/** Everything the canvas draws for one scenario, in one consistent read. */
export async function loadArchitecture(db: Db, scenarioId: string): Promise<ArchitectureSnapshot> {
  return db.$transaction(async (tx) => {
    const scenario = await tx.scenario.findUnique({ where: { id: scenarioId }, select: { id: true, name: true } });
    if (!scenario) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    const where = { scenarioId };
    const [sites, servers, nodes, vnfs, services, registries, controllers, links, deps, mServers, mNodes, mServices, mVnfs, images, layers, cached, placement] = await Promise.all([
      tx.site.findMany({ where, orderBy: { name: 'asc' } }),
      tx.edgeServer.findMany({ where, orderBy: { name: 'asc' } }),
      tx.networkNode.findMany({ where, orderBy: { name: 'asc' } }),
      tx.vnf.findMany({ where, orderBy: { name: 'asc' } }),
      tx.service.findMany({ where, orderBy: { name: 'asc' } }),
      tx.registry.findMany({ where, orderBy: { name: 'asc' }, select: registrySelect }),
      tx.controller.findMany({ where, orderBy: { name: 'asc' } }),
      tx.link.findMany({ where, orderBy: { name: 'asc' } }),
      tx.serviceDependency.findMany({ where: { fromService: { scenarioId } }, orderBy: [{ fromServiceId: 'asc' }, { toServiceId: 'asc' }] }),
      tx.controllerManagedEdgeServer.findMany({ where: { controller: { scenarioId } } }),
      tx.controllerManagedNetworkNode.findMany({ where: { controller: { scenarioId } } }),
      tx.controllerManagedService.findMany({ where: { controller: { scenarioId } } }),
      tx.controllerManagedVnf.findMany({ where: { controller: { scenarioId } } }),
      tx.image.findMany({
        where,
        include: { layers: { orderBy: { position: 'asc' }, select: { layerId: true } } },
        orderBy: [{ repository: 'asc' }, { tag: 'asc' }, { arch: 'asc' }],
      }),
      tx.layer.findMany({ where, select: { id: true, sizeBytes: true } }),
      tx.edgeServerCachedLayer.findMany({ where: { edgeServer: { scenarioId } } }),
      loadAppliedPlacement(tx, scenarioId),
    ]);
    const manages: ManagesRelation[] = [
      ...mServers.map((m) => ({ controllerId: m.controllerId, targetKind: 'edgeServer' as const, targetId: m.edgeServerId })),
      ...mNodes.map((m) => ({ controllerId: m.controllerId, targetKind: 'networkNode' as const, targetId: m.networkNodeId })),
      ...mServices.map((m) => ({ controllerId: m.controllerId, targetKind: 'service' as const, targetId: m.serviceId })),
      ...mVnfs.map((m) => ({ controllerId: m.controllerId, targetKind: 'vnf' as const, targetId: m.vnfId })),
    ];
    const cachedLayers: Record<string, string[]> = {};
    for (const c of cached) (cachedLayers[c.edgeServerId] ??= []).push(c.layerId);
    return {
      scenario,
      entities: [
        ...controllers.map(controllerFromRow),
        ...services.map(serviceFromRow),
        ...registries.map(registryFromRow),
        ...vnfs.map(vnfFromRow),
        ...nodes.map(networkNodeFromRow),
        ...servers.map(edgeServerFromRow),
        ...sites.map(siteFromRow),
      ],
      links: links.map(linkFromRow),
      dependencies: deps.map(dependencyFromRow),
      manages,
      placement,
      images: images.map((i) => ({ id: i.id, label: `${i.repository}:${i.tag} (${i.arch})`, arch: i.arch, layerIds: i.layers.map((l) => l.layerId) })),
      layerSizes: Object.fromEntries(layers.map((l) => [l.id, Number(l.sizeBytes)])),
      cachedLayers,
      loadedAt: new Date().toISOString(),
    };
  });
}

/** The applied run's assignments, one relation per (service, edge server) with its replicas. */
export async function loadAppliedPlacement(db: Reader, scenarioId: string): Promise<AppliedPlacement | null> {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: { appliedRun: { select: { id: true, algorithm: true, status: true, finishedAt: true } } },
  });
  const run = scenario?.appliedRun;
  if (!run) return null;
  const rows = await db.assignment.findMany({
    where: { runId: run.id },
    orderBy: [{ serviceId: 'asc' }, { edgeServerId: 'asc' }, { replica: 'asc' }],
    select: { serviceId: true, edgeServerId: true, replica: true },
  });
  const relations = new Map<string, PlacementRelation>();
  for (const r of rows) {
    const key = `${r.serviceId}:${r.edgeServerId}`;
    let rel = relations.get(key);
    if (!rel) relations.set(key, (rel = { serviceId: r.serviceId, edgeServerId: r.edgeServerId, replicas: [] }));
    rel.replicas.push(r.replica);
  }
  return { runId: run.id, algorithm: run.algorithm, status: run.status, finishedAt: run.finishedAt?.toISOString() ?? null, relations: [...relations.values()] };
}
