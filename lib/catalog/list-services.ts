import type { Db } from '@/lib/db';

export type ServiceRow = {
  id: string;
  name: string;
  imageRef: string;
  imageId: string | null;
  /** What placement can size the image by: its layers, a declared size, or nothing. */
  layerData: 'layers' | 'declared' | 'unknown';
  replicas: number;
  /** TCP port it listens on: what flow rules match and the mesh routes to. */
  port: number;
  cpuCores: number;
  memoryMiB: number;
  bandwidthMbps: number;
  arch: string | null;
  accelerator: string | null;
  dependsOn: { name: string; trafficMbps: number }[];
};

/** The scenario's services for the catalog table, with the services each calls. */
export async function listServices(db: Db, scenarioId: string): Promise<ServiceRow[]> {
  const rows = await db.service.findMany({
    where: { scenarioId },
    include: {
      image: { select: { id: true, declaredSizeBytes: true, _count: { select: { layers: true } } } },
      dependsOn: { include: { toService: { select: { name: true } } } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    imageRef: s.imageRef,
    imageId: s.image?.id ?? null,
    layerData: (s.image?._count.layers ?? 0) > 0 ? 'layers' : s.image?.declaredSizeBytes != null ? 'declared' : 'unknown',
    replicas: s.replicas,
    port: s.port,
    cpuCores: s.cpuCores,
    memoryMiB: s.memoryMiB,
    bandwidthMbps: s.bandwidthMbps,
    arch: s.arch,
    accelerator: s.accelerator,
    dependsOn: s.dependsOn.map((d) => ({ name: d.toService.name, trafficMbps: d.trafficMbps })),
  }));
}
