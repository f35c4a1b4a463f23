import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CatalogTable, YES_NO_OPTIONS } from '@/components/catalog/catalog-table';
import { digestQuery, type CatalogSpec, type SearchParams } from '@/components/catalog/catalog-query';
import { listLayers, type LayerRow } from '@/lib/catalog/list-layers';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db';
import { formatBytes } from '@/lib/format/format-units';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Layers' };

const spec: CatalogSpec<LayerRow> = {
  search: (l) => l.digest,
  sorts: { digest: (l) => l.digest, size: (l) => l.sizeBytes, images: (l) => l.images, cached: (l) => l.cachedOn },
  defaultSort: 'images',
  defaultDir: 'desc',
  filters: {
    shared: (l, v) => (v === 'shared' ? l.images > 1 : v === 'single' ? l.images === 1 : l.images === 0),
    cached: (l, v) => (v === 'yes' ? l.cachedOn > 0 : l.cachedOn === 0),
  },
};

export default async function LayersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const rawQuery = typeof params.q === 'string' ? params.q : '';
  return withScenario('Layers', 'Service layer', async (scenario) => {
    const layers = await listLayers(await getDb(), scenario.id);
    // "Where is this layer?": a digest that names exactly one layer opens it.
    const q = digestQuery(rawQuery);
    if (q.length >= 8 && params.list === undefined) {
      const matches = layers.filter((l) => l.digest.includes(q));
      if (matches.length === 1) redirect(`/layers/${matches[0].id}`);
    }
    if (layers.length === 0) {
      return <EmptyState title="No layers in the catalog">Import image manifests on the Import page; each layer appears here once, however many images use it.</EmptyState>;
    }
    const shared = layers.filter((l) => l.images > 1);
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          {layers.length.toLocaleString('en-US')} distinct layers, {shared.length.toLocaleString('en-US')} shared by two images or more. Search by digest to find where a layer is:
          paste a whole digest (<code>sha256:…</code>) or its first characters.{' '}
          <Link href="/images/sharing" className="text-blue-700 underline">
            See the sharing view
          </Link>
          .
        </p>
        <CatalogTable
          caption="Layers"
          testId="layers-table"
          path="/layers"
          params={params}
          rows={layers}
          spec={{ ...spec, search: (l) => l.digest }}
          rowKey={(l) => l.id}
          searchPlaceholder="sha256:… (digest or prefix)"
          filters={[
            {
              key: 'shared',
              label: 'Sharing',
              options: [
                ['shared', 'shared (2+ images)'],
                ['single', 'one image'],
                ['unused', 'no image'],
              ],
            },
            {
              key: 'cached',
              label: 'Cached on a server',
              options: YES_NO_OPTIONS,
            },
          ]}
          columns={[
            {
              key: 'digest',
              header: 'Digest',
              cell: (l) => (
                <Link href={`/layers/${l.id}`} className="font-mono text-xs text-blue-800 hover:underline" title={l.digest}>
                  {l.digest.slice(0, 27)}…
                </Link>
              ),
            },
            { key: 'size', header: 'Size (compressed)', align: 'right', cell: (l) => formatBytes(l.sizeBytes) },
            { key: 'images', header: 'Images using it', align: 'right', cell: (l) => (l.images > 1 ? <strong>{l.images}</strong> : l.images) },
            { key: 'cached', header: 'Cached on servers', align: 'right', cell: (l) => l.cachedOn },
          ]}
        />
      </div>
    );
  });
}
