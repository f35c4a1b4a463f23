import type { ImageRow } from '@/lib/catalog/list-images';

export function LayerDataBadge({ image }: { image: Pick<ImageRow, 'layers' | 'declaredSizeBytes'> }) {
  if (image.layers > 0) return null;
  return image.declaredSizeBytes !== null ? (
    <span className="ml-1 rounded bg-sky-100 px-1 font-sans text-xs text-sky-900">declared size</span>
  ) : (
    <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-xs text-amber-900">no layer data</span>
  );
}
