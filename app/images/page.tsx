import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogTable } from '@/components/catalog/catalog-table';
import type { CatalogSpec, SearchParams } from '@/components/catalog/catalog-query';
import { LayerDataBadge } from '@/components/catalog/layer-data-badge';
import { listImages, type ImageRow } from '@/lib/catalog/list-images';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db';
import { formatBytes, formatPercent } from '@/lib/format/format-units';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Images' };

const spec: CatalogSpec<ImageRow> = {
  search: (i) => `${i.reference} ${i.repository} ${i.manifestDigest ?? ''}`,
  sorts: {
    image: (i) => i.reference,
    arch: (i) => i.arch,
    layers: (i) => i.layers,
    size: (i) => i.sizeBytes || (i.declaredSizeBytes ?? -1),
    shared: (i) => i.sharedBytes,
    services: (i) => i.services,
  },
  defaultSort: 'image',
  filters: {
    arch: (i, v) => i.arch === v,
    data: (i, v) => (v === 'layers' ? i.layers > 0 : v === 'declared' ? i.layers === 0 && i.declaredSizeBytes !== null : i.layers === 0 && i.declaredSizeBytes === null),
  },
};

export default async function ImagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return withScenario('Images', 'Service layer', async (scenario) => {
    const images = await listImages(await getDb(), scenario.id);
    if (images.length === 0) {
      return (
        <EmptyState title="No images in the catalog">
          Import image manifests (OCI, <code>docker manifest inspect -v</code>, or a layers.json list) on the{' '}
          <Link href="/import?kind=images" className="underline">
            Import page
          </Link>{' '}
          to know which layers each container needs.
        </EmptyState>
      );
    }
    const unknown = images.filter((i) => i.layers === 0 && i.declaredSizeBytes === null);
    const archs = [...new Set(images.map((i) => i.arch))].sort();
    return (
      <div className="space-y-4">
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/images/sharing" className="font-medium text-blue-700 underline">
            Layer sharing across this catalog
          </Link>
          <Link href="/layers" className="text-blue-700 underline">
            All layers · search by digest
          </Link>
          <Link href="/import?kind=images" className="text-blue-700 underline">
            Import manifests
          </Link>
        </p>
        {unknown.length > 0 && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="images-without-layers">
            {unknown.length} image{unknown.length === 1 ? ' has' : 's have'} no layer data and no declared size; placement will not count them as zero bytes. Open one to import its
            manifest or enter its size, or{' '}
            <Link href={{ pathname: '/images', query: { data: 'unknown' } }} className="underline">
              list them
            </Link>
            .
          </p>
        )}
        <CatalogTable
          caption="Images"
          testId="images-table"
          path="/images"
          params={params}
          rows={images}
          spec={spec}
          rowKey={(i) => i.id}
          searchPlaceholder="name, tag or manifest digest"
          filters={[
            { key: 'arch', label: 'Arch', options: archs.map((a) => [a, a]) },
            {
              key: 'data',
              label: 'Layer data',
              options: [
                ['layers', 'has layers'],
                ['declared', 'declared size only'],
                ['unknown', 'no layer data'],
              ],
            },
          ]}
          columns={[
            {
              key: 'image',
              header: 'Image',
              cell: (i) => (
                <Link href={`/images/${i.id}`} className="font-mono text-xs text-blue-800 hover:underline">
                  {i.reference}
                  <LayerDataBadge image={i} />
                </Link>
              ),
            },
            { key: 'arch', header: 'Arch', cell: (i) => i.arch },
            { key: 'layers', header: 'Layers', align: 'right', cell: (i) => i.layers },
            {
              key: 'size',
              header: 'Size (compressed)',
              align: 'right',
              cell: (i) => (i.layers ? formatBytes(i.sizeBytes) : i.declaredSizeBytes !== null ? `${formatBytes(i.declaredSizeBytes)} (declared)` : 'unknown'),
            },
            {
              key: 'shared',
              header: 'Shared with other images',
              align: 'right',
              cell: (i) => (i.layers ? `${formatBytes(i.sharedBytes)} (${formatPercent(i.sizeBytes ? i.sharedBytes / i.sizeBytes : 0, 0)})` : '—'),
            },
            { key: 'services', header: 'Used by services', align: 'right', cell: (i) => i.services },
          ]}
        />
      </div>
    );
  });
}
