import type { Db } from '@/lib/db';
import { displayRepository } from '@/lib/importers/images/image-reference';

export type ImageRow = {
  id: string;
  reference: string;
  repository: string;
  tag: string;
  arch: string;
  manifestDigest: string | null;
  layers: number;
  sizeBytes: number;
  sharedBytes: number;
  declaredSizeBytes: number | null;
  services: number;
};

/** The scenario's images for the catalog table: size counted once per distinct layer, and the bytes
 * of layers another image shares. */
export async function listImages(db: Db, scenarioId: string): Promise<ImageRow[]> {
  const [images, layerUse] = await Promise.all([
    db.image.findMany({
      where: { scenarioId },
      include: { layers: { select: { layerId: true, layer: { select: { sizeBytes: true } } } }, _count: { select: { services: true } } },
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
      reference: `${displayRepository(i.repository)}:${i.tag}`,
      repository: i.repository,
      tag: i.tag,
      arch: i.arch,
      manifestDigest: i.manifestDigest,
      layers: i.layers.length,
      sizeBytes: [...distinct.values()].reduce((a, b) => a + b, 0),
      sharedBytes,
      declaredSizeBytes: i.declaredSizeBytes === null ? null : Number(i.declaredSizeBytes),
      services: i._count.services,
    };
  });
}
