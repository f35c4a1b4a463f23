import type { Db } from '@/lib/db';

export type ScenarioOverview = {
  physical: { sites: number; edgeServers: number; byArch: Record<string, number>; withGpu: number; withFpga: number };
  network: { networkNodes: number; sdnManaged: number; links: number; byMedium: Record<string, number>; vnfs: number };
  service: { registries: number; images: number; layers: number; services: number; replicas: number; dependencies: number; servicesWithoutLayerData: string[] };
  control: { controllers: number; byKind: Record<string, number> };
  capacity: { cpuCores: number; memoryMiB: number; storageBytes: number; bandwidthMbps: number };
  demand: { cpuCores: number; memoryMiB: number; bandwidthMbps: number };
  storage: {
    /** Every image of the catalog stored once, each keeping private copies of its layers. */
    catalogWithoutSharing: number;
    /** The catalog's distinct layers, each stored once. */
    catalogWithSharing: number;
    /** Every service replica with a private copy of its image (the paper's no-sharing baseline). */
    replicasWithoutSharing: number;
    /** The distinct layers the services need: what sharing could reach if they were all together. */
    replicasDistinctLayers: number;
  };
};

const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {});

export async function getScenarioOverview(db: Db, scenarioId: string): Promise<ScenarioOverview> {
  const where = { scenarioId };
  const [sites, servers, nodes, links, vnfs, registries, layers, images, services, dependencies, controllers] = await Promise.all([
    db.site.count({ where }),
    db.edgeServer.findMany({ where, select: { arch: true, accelerators: true, cpuCores: true, memoryMiB: true, storageBytes: true, bandwidthMbps: true } }),
    db.networkNode.findMany({ where, select: { sdnManaged: true } }),
    db.link.findMany({ where, select: { medium: true } }),
    db.vnf.count({ where }),
    db.registry.count({ where }),
    db.layer.findMany({ where, select: { id: true, sizeBytes: true } }),
    db.image.findMany({ where, select: { id: true, declaredSizeBytes: true, layers: { select: { layerId: true } } } }),
    db.service.findMany({ where, select: { name: true, replicas: true, cpuCores: true, memoryMiB: true, bandwidthMbps: true, imageId: true } }),
    db.serviceDependency.count({ where: { fromService: { scenarioId } } }),
    db.controller.findMany({ where, select: { kind: true } }),
  ]);

  const layerSize = new Map(layers.map((l) => [l.id, Number(l.sizeBytes)]));
  // An image known only by a declared size is one opaque layer of that size (as in placement).
  for (const image of images) if (image.layers.length === 0 && image.declaredSizeBytes !== null) layerSize.set(`declared:${image.id}`, Number(image.declaredSizeBytes));
  const imageLayers = new Map(
    images.map((i) => [i.id, i.layers.length ? [...new Set(i.layers.map((l) => l.layerId))] : layerSize.has(`declared:${i.id}`) ? [`declared:${i.id}`] : []]),
  );
  const bytesOf = (ids: Iterable<string>) => {
    let total = 0;
    for (const id of ids) total += layerSize.get(id) ?? 0;
    return total;
  };
  const placeable = services.filter((s) => s.imageId && (imageLayers.get(s.imageId)?.length ?? 0) > 0);
  const sum = <T,>(list: T[], f: (x: T) => number) => list.reduce((acc, x) => acc + f(x), 0);

  return {
    physical: {
      sites,
      edgeServers: servers.length,
      byArch: tally(servers.map((s) => s.arch)),
      withGpu: servers.filter((s) => s.accelerators.includes('gpu')).length,
      withFpga: servers.filter((s) => s.accelerators.includes('fpga')).length,
    },
    network: {
      networkNodes: nodes.length,
      sdnManaged: nodes.filter((n) => n.sdnManaged).length,
      links: links.length,
      byMedium: tally(links.map((l) => l.medium)),
      vnfs,
    },
    service: {
      registries,
      images: images.length,
      layers: layers.length,
      services: services.length,
      replicas: sum(services, (s) => s.replicas),
      dependencies,
      servicesWithoutLayerData: services.filter((s) => !placeable.includes(s)).map((s) => s.name),
    },
    control: { controllers: controllers.length, byKind: tally(controllers.map((c) => c.kind)) },
    capacity: {
      cpuCores: sum(servers, (s) => s.cpuCores),
      memoryMiB: sum(servers, (s) => s.memoryMiB),
      storageBytes: sum(servers, (s) => Number(s.storageBytes)),
      bandwidthMbps: sum(servers, (s) => s.bandwidthMbps),
    },
    demand: {
      cpuCores: sum(services, (s) => s.cpuCores * s.replicas),
      memoryMiB: sum(services, (s) => s.memoryMiB * s.replicas),
      bandwidthMbps: sum(services, (s) => s.bandwidthMbps * s.replicas),
    },
    storage: {
      catalogWithoutSharing: sum(images, (i) => bytesOf(imageLayers.get(i.id)!)),
      catalogWithSharing: bytesOf(new Set(images.flatMap((i) => imageLayers.get(i.id)!))),
      replicasWithoutSharing: sum(placeable, (s) => s.replicas * bytesOf(imageLayers.get(s.imageId!)!)),
      replicasDistinctLayers: bytesOf(new Set(placeable.filter((s) => s.replicas > 0).flatMap((s) => imageLayers.get(s.imageId!)!))),
    },
  };
}
