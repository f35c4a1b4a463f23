import type { Db } from '@/lib/db';
import { displayRepository } from '@/lib/importers/images/image-reference';

type LayerImage = {
  id: string;
  reference: string;
  arch: string;
  /** Where this layer sits in the image, 0 for the base; more than one when the image repeats it. */
  positions: number[];
  layerCount: number;
  services: number;
};

export type LayerDetail = {
  id: string;
  digest: string;
  sizeBytes: number;
  /** Each image once, by repository. */
  images: LayerImage[];
  /** The edge servers that hold the layer before placement, by name. */
  cachedOn: { edgeServerId: string; name: string; site: string | null; arch: string }[];
};

/** One layer of the scenario with the images that use it and the servers that cache it; null when the scenario has no such layer. */
export async function readLayer(db: Db, scenarioId: string, layerId: string): Promise<LayerDetail | null> {
  const layer = await db.layer.findFirst({
    where: { id: layerId, scenarioId },
    include: {
      images: { include: { image: { include: { _count: { select: { layers: true, services: true } } } } }, orderBy: { image: { repository: 'asc' } } },
      cachedOn: { include: { edgeServer: { include: { site: { select: { name: true } } } } }, orderBy: { edgeServer: { name: 'asc' } } },
    },
  });
  if (!layer) return null;
  const images = new Map<string, LayerImage>();
  for (const { image, position } of layer.images) {
    const entry = images.get(image.id) ?? {
      id: image.id,
      reference: `${displayRepository(image.repository)}:${image.tag}`,
      arch: image.arch,
      positions: [],
      layerCount: image._count.layers,
      services: image._count.services,
    };
    entry.positions.push(position);
    images.set(image.id, entry);
  }
  return {
    id: layer.id,
    digest: layer.digest,
    sizeBytes: Number(layer.sizeBytes),
    images: [...images.values()],
    cachedOn: layer.cachedOn.map((c) => ({ edgeServerId: c.edgeServerId, name: c.edgeServer.name, site: c.edgeServer.site?.name ?? null, arch: c.edgeServer.arch })),
  };
}
