import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import { parseImageReference, type ImageReference } from '../images/image-reference';
import type { PlannedService } from '../import-plan';
import { imageKey, type CatalogImage, type ImageCatalog } from './image-catalog';

/**
 * Finds each service's image in the catalog: by repository, tag and the service's arch (any arch
 * when it states none), else by manifest digest. An image the catalog lacks is created without
 * layers, so the service can refer to it; `created` counts those.
 */
export async function writeServiceImages(
  tx: Prisma.TransactionClient,
  scenarioId: string,
  services: readonly PlannedService[],
  catalog: ImageCatalog,
): Promise<{ images: CatalogImage[]; created: number }> {
  const placeholders: Prisma.ImageCreateManyInput[] = [];
  const images = services.map((s) => {
    const ref = parseImageReference(s.imageRef);
    if (!ref) throw new DomainError('INVALID_INPUT', `"${s.imageRef}" is not an image reference`, 'file');
    const found = findImage(catalog, ref, s.arch);
    if (found) return found;
    const created: CatalogImage = { id: randomUUID(), repository: ref.repository, tag: ref.tag, arch: s.arch ?? 'amd64', manifestDigest: null, layerCount: 0, declared: false };
    catalog.set(imageKey(created), created);
    placeholders.push({ id: created.id, scenarioId, repository: created.repository, tag: created.tag, arch: created.arch, manifestDigest: ref.digest });
    return created;
  });
  if (placeholders.length) await tx.image.createMany({ data: placeholders });
  return { images, created: placeholders.length };
}

function findImage(catalog: ImageCatalog, ref: ImageReference, arch: string | null): CatalogImage | undefined {
  const all = () => [...catalog.values()];
  return (
    catalog.get(imageKey({ repository: ref.repository, tag: ref.tag, arch: arch ?? 'amd64' })) ??
    (arch === null ? all().find((i) => i.repository === ref.repository && i.tag === ref.tag) : undefined) ??
    (ref.digest ? all().find((i) => i.manifestDigest === ref.digest) : undefined)
  );
}
