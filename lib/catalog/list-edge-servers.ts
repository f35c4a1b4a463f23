import type { Db } from '@/lib/db';

export async function listEdgeServers(db: Db, scenarioId: string) {
  const rows = await db.edgeServer.findMany({
    where: { scenarioId },
    orderBy: { name: 'asc' },
    include: { site: { select: { name: true } }, _count: { select: { cachedLayers: true, vnfs: true, controllers: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    site: s.site?.name ?? null,
    tier: s.tier,
    arch: s.arch,
    cpuCores: s.cpuCores,
    memoryMiB: s.memoryMiB,
    storageBytes: Number(s.storageBytes),
    bandwidthMbps: s.bandwidthMbps,
    accelerators: s.accelerators,
    cachedLayers: s._count.cachedLayers,
    hosts: s._count.vnfs + s._count.controllers,
  }));
}
