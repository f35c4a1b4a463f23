import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { readLayer } from '@/lib/catalog/read-layer';
import { getDb } from '@/lib/db';
import { formatBytes, formatCount } from '@/lib/format/format-units';
import { getCurrentScenario } from '../../current-scenario';

export const metadata: Metadata = { title: 'Layer' };

export default async function LayerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scenario = await getCurrentScenario();
  const layer = await readLayer(await getDb(), scenario?.id ?? '', id);
  if (!layer) notFound();
  const images = layer.images;
  const size = layer.sizeBytes;
  return (
    <>
      <PageHeader title="Layer" layer="Service layer" />
      <dl className="mb-6 grid max-w-4xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">Digest</dt>
        <dd className="font-mono text-xs break-all" data-testid="layer-digest">
          {layer.digest}
        </dd>
        <dt className="text-slate-500">Size (compressed)</dt>
        <dd>{formatBytes(size)}</dd>
        <dt className="text-slate-500">Shared by</dt>
        <dd data-testid="layer-sharing">
          {formatCount(images.length, 'image')}
          {images.length > 1 && ` — stored once with sharing, ${formatBytes(size * (images.length - 1))} saved on a server that runs them all`}
        </dd>
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Images that use it ({images.length})</h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="layer-images">
            {images.map((image) => (
              <li key={image.id} className="flex justify-between gap-3 px-3 py-2">
                <Link href={`/images/${image.id}`} className="font-mono text-xs text-blue-800 hover:underline">
                  {image.reference} ({image.arch})
                </Link>
                <span className="text-xs text-slate-500">
                  layer {image.positions.map((p) => p + 1).join(', ')} of {image.layerCount}
                  {image.services ? ` · ${formatCount(image.services, 'service')}` : ''}
                </span>
              </li>
            ))}
            {images.length === 0 && <li className="px-3 py-2 text-slate-500">No image uses it.</li>}
          </ul>
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Where it is cached ({layer.cachedOn.length})</h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="layer-cached-on">
            {layer.cachedOn.map((c) => (
              <li key={c.edgeServerId} className="flex justify-between px-3 py-2">
                <span className="font-medium">{c.name}</span>
                <span className="text-xs text-slate-500">
                  {c.site ?? 'no site'} · {c.arch}
                </span>
              </li>
            ))}
            {layer.cachedOn.length === 0 && <li className="px-3 py-2 text-slate-500">Not cached on any edge server before placement.</li>}
          </ul>
        </section>
      </div>
      <p className="mt-4 text-sm">
        <Link href="/layers" className="text-blue-700 underline">
          ← All layers
        </Link>
      </p>
    </>
  );
}
