import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PlannedImage } from '../import-plan';
import { imageKey, readCatalogImages, type ImageCatalog, type StoredImage } from './image-catalog';
import type { EntityCounts } from './merge-by-name';

/**
 * Merges the planned images, matched by repository, tag and arch. A stored image keeps its manifest
 * digest when the file gives none, and its layers when the file gives none (an index entry never
 * erases layers a manifest already gave). Returns the whole catalog as the import leaves it.
 */
export async function writeImages(
  tx: Prisma.TransactionClient,
  scenarioId: string,
  planned: readonly PlannedImage[],
  layerIds: ReadonlyMap<string, string>,
): Promise<{ counts: EntityCounts; catalog: ImageCatalog }> {
  const counts: EntityCounts = { created: 0, updated: 0, unchanged: 0 };
  const stored = await readCatalogImages(tx, scenarioId);
  const catalog: ImageCatalog = new Map(stored.map((i) => [imageKey(i), toCatalogImage(i)]));
  const byKey = new Map(stored.map((i) => [imageKey(i), i]));
  const createImages: Prisma.ImageCreateManyInput[] = [];
  const createLinks: Prisma.ImageLayerCreateManyInput[] = [];
  const linkLayers = (imageId: string, layers: string[]) => layers.forEach((layerId, position) => createLinks.push({ imageId, position, layerId }));
  for (const img of planned) {
    const key = imageKey(img);
    const old = byKey.get(key);
    const layers = img.layers.map((d) => layerIds.get(d)!);
    if (!old) {
      const id = randomUUID();
      createImages.push({ id, scenarioId, repository: img.repository, tag: img.tag, arch: img.arch, manifestDigest: img.manifestDigest });
      linkLayers(id, layers);
      catalog.set(key, { id, repository: img.repository, tag: img.tag, arch: img.arch, manifestDigest: img.manifestDigest, layerCount: layers.length, declared: false });
      counts.created++;
      continue;
    }
    const keepLayers = layers.length === 0 || sameLayers(old, layers);
    const manifestDigest = img.manifestDigest ?? old.manifestDigest;
    if (keepLayers && manifestDigest === old.manifestDigest) {
      counts.unchanged++;
      continue;
    }
    await tx.image.update({ where: { id: old.id }, data: { manifestDigest } });
    if (!keepLayers) {
      await tx.imageLayer.deleteMany({ where: { imageId: old.id } });
      linkLayers(old.id, layers);
      catalog.get(key)!.layerCount = layers.length;
    }
    counts.updated++;
  }
  await tx.image.createMany({ data: createImages });
  await tx.imageLayer.createMany({ data: createLinks });
  return { counts, catalog };
}

function toCatalogImage(i: StoredImage) {
  return { id: i.id, repository: i.repository, tag: i.tag, arch: i.arch, manifestDigest: i.manifestDigest, layerCount: i.layers.length, declared: i.declaredSizeBytes !== null };
}

function sameLayers(old: StoredImage, layers: string[]) {
  return old.layers.length === layers.length && old.layers.every((l, i) => l.layerId === layers[i]);
}
