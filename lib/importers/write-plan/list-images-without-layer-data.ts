import { displayRepository } from '../images/image-reference';
import type { PlannedService } from '../import-plan';
import { imageKey, type CatalogImage } from './image-catalog';

export type ImageWithoutLayerData = { reference: string; arch: string; services: string[] };

/** The services' images the catalog has neither layers nor a declared size for: placement cannot size them. */
export function listImagesWithoutLayerData(services: readonly PlannedService[], images: readonly CatalogImage[]): ImageWithoutLayerData[] {
  const unsized = new Map<string, ImageWithoutLayerData>();
  services.forEach((s, i) => {
    const image = images[i];
    if (image.layerCount > 0 || image.declared) return;
    const key = imageKey(image);
    const entry = unsized.get(key) ?? { reference: `${displayRepository(image.repository)}:${image.tag}`, arch: image.arch, services: [] };
    entry.services.push(s.name);
    unsized.set(key, entry);
  });
  return [...unsized.values()].sort((a, b) => a.reference.localeCompare(b.reference));
}
