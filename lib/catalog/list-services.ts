import type { Db } from '@/lib/db';

export async function listServices(db: Db, scenarioId: string) {
  const rows = await db.service.findMany({
    where: { scenarioId },
    orderBy: { name: 'asc' },
    include: { image: { include: { _count: { select: { layers: true } } } }, dependsOn: { include: { toService: { select: { name: true } } } } },
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    imageRef: s.imageRef,
    hasLayerData: (s.image?._count.layers ?? 0) > 0,
    replicas: s.replicas,
    cpuCores: s.cpuCores,
    memoryMiB: s.memoryMiB,
    bandwidthMbps: s.bandwidthMbps,
    arch: s.arch,
    accelerator: s.accelerator,
    dependsOn: s.dependsOn.map((d) => ({ name: d.toService.name, trafficMbps: d.trafficMbps })),
  }));
}
