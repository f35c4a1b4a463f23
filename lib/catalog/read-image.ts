import type { Db } from '@/lib/db';
import { displayRepository } from '@/lib/importers/images/image-reference';

type ImageLayerDetail = {
  position: number;
  layerId: string;
  digest: string;
  sizeBytes: number;
  /** The size pulled so far after this layer, in pull order. */
  cumulativeBytes: number;
  /** How many images use this layer (this one included). */
  sharedBy: number;
  cachedOn: number;
};

export type ImageDetail = {
  id: string;
  reference: string;
  repository: string;
  arch: string;
  manifestDigest: string | null;
  registry: string | null;
  declaredSizeBytes: number | null;
  /** In pull order. */
  layers: ImageLayerDetail[];
  /** Each distinct layer counted once. */
  totalBytes: number;
  /** The part of totalBytes in layers another image uses too. */
  sharedBytes: number;
  services: { id: string; name: string; replicas: number }[];
};

/** One image of the scenario with its layers and the services that run it; null when the scenario has no such image. */
export async function readImage(db: Db, scenarioId: string, imageId: string): Promise<ImageDetail | null> {
  const image = await db.image.findFirst({
    where: { id: imageId, scenarioId },
    include: {
      registry: { select: { name: true } },
      layers: { orderBy: { position: 'asc' }, include: { layer: { include: { _count: { select: { images: true, cachedOn: true } } } } } },
      services: { select: { id: true, name: true, replicas: true }, orderBy: { name: 'asc' } },
    },
  });
  if (!image) return null;
  const layers: ImageLayerDetail[] = [];
  for (const l of image.layers) {
    const sizeBytes = Number(l.layer.sizeBytes);
    layers.push({
      position: l.position,
      layerId: l.layerId,
      digest: l.layer.digest,
      sizeBytes,
      cumulativeBytes: (layers.at(-1)?.cumulativeBytes ?? 0) + sizeBytes,
      sharedBy: l.layer._count.images,
      cachedOn: l.layer._count.cachedOn,
    });
  }
  const distinct = new Map(layers.map((l) => [l.layerId, l]));
  const sum = (list: ImageLayerDetail[]) => list.reduce((total, l) => total + l.sizeBytes, 0);
  return {
    id: image.id,
    reference: `${displayRepository(image.repository)}:${image.tag}`,
    repository: image.repository,
    arch: image.arch,
    manifestDigest: image.manifestDigest,
    registry: image.registry?.name ?? null,
    declaredSizeBytes: image.declaredSizeBytes === null ? null : Number(image.declaredSizeBytes),
    layers,
    totalBytes: sum([...distinct.values()]),
    sharedBytes: sum([...distinct.values()].filter((l) => l.sharedBy > 1)),
    services: image.services,
  };
}
