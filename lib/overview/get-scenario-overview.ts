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

type CountsRow = {
  sites: number;
  edge_servers: number;
  by_arch: Record<string, number>;
  with_gpu: number;
  with_fpga: number;
  cpu: number;
  memory: number;
  storage: number;
  bandwidth: number;
  network_nodes: number;
  sdn_managed: number;
  links: number;
  by_medium: Record<string, number>;
  vnfs: number;
  registries: number;
  images: number;
  layers: number;
  services: number;
  replicas: number;
  demand_cpu: number;
  demand_memory: number;
  demand_bandwidth: number;
  dependencies: number;
  controllers: number;
  by_kind: Record<string, number>;
};

type StorageRow = {
  catalog_without: number;
  catalog_with: number;
  replicas_without: number;
  replicas_distinct: number;
  unknown_services: string[];
};

/**
 * The Overview's figures, aggregated by the database in two queries: it is the page people open
 * most, and it must stay fast while solvers run (bench:load). An image known only by a declared
 * size counts as one opaque layer of that size, as in placement.
 */
export async function getScenarioOverview(db: Db, scenarioId: string): Promise<ScenarioOverview> {
  const [counts] = await db.$queryRaw<CountsRow[]>`
    WITH s AS (SELECT * FROM "EdgeServer" WHERE "scenarioId" = ${scenarioId}),
         svc AS (SELECT * FROM "Service" WHERE "scenarioId" = ${scenarioId})
    SELECT
      (SELECT count(*)::int FROM "Site" WHERE "scenarioId" = ${scenarioId}) AS sites,
      (SELECT count(*)::int FROM s) AS edge_servers,
      (SELECT coalesce(json_object_agg(arch, n), '{}') FROM (SELECT arch, count(*)::int AS n FROM s GROUP BY arch) t) AS by_arch,
      (SELECT count(*)::int FROM s WHERE 'gpu' = ANY(accelerators)) AS with_gpu,
      (SELECT count(*)::int FROM s WHERE 'fpga' = ANY(accelerators)) AS with_fpga,
      (SELECT coalesce(sum("cpuCores"), 0)::float8 FROM s) AS cpu,
      (SELECT coalesce(sum("memoryMiB"), 0)::float8 FROM s) AS memory,
      (SELECT coalesce(sum("storageBytes"), 0)::float8 FROM s) AS storage,
      (SELECT coalesce(sum("bandwidthMbps"), 0)::float8 FROM s) AS bandwidth,
      (SELECT count(*)::int FROM "NetworkNode" WHERE "scenarioId" = ${scenarioId}) AS network_nodes,
      (SELECT count(*)::int FROM "NetworkNode" WHERE "scenarioId" = ${scenarioId} AND "sdnManaged") AS sdn_managed,
      (SELECT count(*)::int FROM "Link" WHERE "scenarioId" = ${scenarioId}) AS links,
      (SELECT coalesce(json_object_agg(medium, n), '{}') FROM (SELECT medium, count(*)::int AS n FROM "Link" WHERE "scenarioId" = ${scenarioId} GROUP BY medium) t) AS by_medium,
      (SELECT count(*)::int FROM "Vnf" WHERE "scenarioId" = ${scenarioId}) AS vnfs,
      (SELECT count(*)::int FROM "Registry" WHERE "scenarioId" = ${scenarioId}) AS registries,
      (SELECT count(*)::int FROM "Image" WHERE "scenarioId" = ${scenarioId}) AS images,
      (SELECT count(*)::int FROM "Layer" WHERE "scenarioId" = ${scenarioId}) AS layers,
      (SELECT count(*)::int FROM svc) AS services,
      (SELECT coalesce(sum(replicas::bigint), 0)::float8 FROM svc) AS replicas,
      (SELECT coalesce(sum("cpuCores" * replicas), 0)::float8 FROM svc) AS demand_cpu,
      (SELECT coalesce(sum("memoryMiB"::float8 * replicas), 0)::float8 FROM svc) AS demand_memory,
      (SELECT coalesce(sum("bandwidthMbps"::float8 * replicas), 0)::float8 FROM svc) AS demand_bandwidth,
      (SELECT count(*)::int FROM "ServiceDependency" d JOIN svc ON svc.id = d."fromServiceId") AS dependencies,
      (SELECT count(*)::int FROM "Controller" WHERE "scenarioId" = ${scenarioId}) AS controllers,
      (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM "Controller" WHERE "scenarioId" = ${scenarioId} GROUP BY kind) t) AS by_kind`;

  const [storage] = await db.$queryRaw<StorageRow[]>`
    WITH img AS (SELECT id, "declaredSizeBytes" FROM "Image" WHERE "scenarioId" = ${scenarioId}),
         img_layer AS (
           SELECT DISTINCT il."imageId" AS image_id, il."layerId"::text AS piece, l."sizeBytes"::float8 AS bytes
             FROM "ImageLayer" il JOIN img ON img.id = il."imageId" JOIN "Layer" l ON l.id = il."layerId"
           UNION ALL
           SELECT img.id, 'declared:' || img.id, img."declaredSizeBytes"::float8
             FROM img WHERE img."declaredSizeBytes" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "ImageLayer" il WHERE il."imageId" = img.id)
         ),
         img_bytes AS (SELECT image_id, sum(bytes) AS bytes FROM img_layer GROUP BY image_id),
         svc AS (SELECT name, replicas, "imageId" FROM "Service" WHERE "scenarioId" = ${scenarioId})
    SELECT
      (SELECT coalesce(sum(bytes), 0) FROM img_bytes)::float8 AS catalog_without,
      (SELECT coalesce(sum(bytes), 0) FROM (SELECT DISTINCT piece, bytes FROM img_layer) d)::float8 AS catalog_with,
      (SELECT coalesce(sum(svc.replicas::float8 * b.bytes), 0) FROM svc JOIN img_bytes b ON b.image_id = svc."imageId")::float8 AS replicas_without,
      (SELECT coalesce(sum(bytes), 0) FROM (SELECT DISTINCT x.piece, x.bytes FROM svc JOIN img_layer x ON x.image_id = svc."imageId" WHERE svc.replicas > 0) d)::float8 AS replicas_distinct,
      (SELECT coalesce(json_agg(svc.name ORDER BY svc.name), '[]') FROM svc LEFT JOIN img_bytes b ON b.image_id = svc."imageId" WHERE b.image_id IS NULL) AS unknown_services`;

  return {
    physical: { sites: counts.sites, edgeServers: counts.edge_servers, byArch: counts.by_arch, withGpu: counts.with_gpu, withFpga: counts.with_fpga },
    network: { networkNodes: counts.network_nodes, sdnManaged: counts.sdn_managed, links: counts.links, byMedium: counts.by_medium, vnfs: counts.vnfs },
    service: {
      registries: counts.registries,
      images: counts.images,
      layers: counts.layers,
      services: counts.services,
      replicas: counts.replicas,
      dependencies: counts.dependencies,
      servicesWithoutLayerData: storage.unknown_services,
    },
    control: { controllers: counts.controllers, byKind: counts.by_kind },
    capacity: { cpuCores: counts.cpu, memoryMiB: counts.memory, storageBytes: counts.storage, bandwidthMbps: counts.bandwidth },
    demand: { cpuCores: counts.demand_cpu, memoryMiB: counts.demand_memory, bandwidthMbps: counts.demand_bandwidth },
    storage: {
      catalogWithoutSharing: storage.catalog_without,
      catalogWithSharing: storage.catalog_with,
      replicasWithoutSharing: storage.replicas_without,
      replicasDistinctLayers: storage.replicas_distinct,
    },
  };
}
