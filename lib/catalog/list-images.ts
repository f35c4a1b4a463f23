import type { Db } from '@/lib/db';

export async function listImages(db: Db, scenarioId: string) {
  const [images, layerUse] = await Promise.all([
    db.image.findMany({
      where: { scenarioId },
      orderBy: [{ repository: 'asc' }, { tag: 'asc' }, { arch: 'asc' }],
      include: { registry: { select: { name: true } }, layers: { include: { layer: true } }, _count: { select: { services: true } } },
    }),
    db.imageLayer.groupBy({ by: ['layerId'], where: { image: { scenarioId } }, _count: { imageId: true } }),
  ]);
  const sharedBy = new Map(layerUse.map((u) => [u.layerId, u._count.imageId]));
  return images.map((i) => {
    const distinct = new Map(i.layers.map((l) => [l.layerId, Number(l.layer.sizeBytes)]));
    let sharedBytes = 0;
    for (const [id, size] of distinct) if ((sharedBy.get(id) ?? 0) > 1) sharedBytes += size;
    return {
      id: i.id,
      reference: `${i.repository}:${i.tag}`,
      arch: i.arch,
      registry: i.registry?.name ?? null,
      layers: i.layers.length,
      sizeBytes: [...distinct.values()].reduce((a, b) => a + b, 0),
      sharedBytes,
      services: i._count.services,
    };
  });
}
