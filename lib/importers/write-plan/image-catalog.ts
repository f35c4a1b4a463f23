import type { Prisma } from '@/lib/generated/prisma/client';
import type { ImageKey } from '../import-plan';

/** What the later steps of an import need to know of an image in the scenario's catalog. */
export type CatalogImage = ImageKey & { id: string; manifestDigest: string | null; layerCount: number; declared: boolean };

/** The scenario's images by repository, tag and arch, as the import has left them so far. */
export type ImageCatalog = Map<string, CatalogImage>;

export const imageKey = (i: ImageKey) => `${i.repository}\u0000${i.tag}\u0000${i.arch}`;

/** The scenario's images, each with its layers in order. */
export async function readCatalogImages(tx: Prisma.TransactionClient, scenarioId: string) {
  return tx.image.findMany({
    where: { scenarioId },
    select: {
      id: true,
      repository: true,
      tag: true,
      arch: true,
      manifestDigest: true,
      declaredSizeBytes: true,
      layers: { select: { layerId: true }, orderBy: { position: 'asc' } },
    },
  });
}

export type StoredImage = Awaited<ReturnType<typeof readCatalogImages>>[number];
