import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeclareSizeForm } from '@/components/catalog/declare-size-form';
import { PageHeader } from '@/components/ui/page-header';
import { readImage } from '@/lib/catalog/read-image';
import { getDb } from '@/lib/db';
import { formatBytes, formatCount } from '@/lib/format/format-units';
import { getCurrentScenario } from '../../current-scenario';

export const metadata: Metadata = { title: 'Image' };

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scenario = await getCurrentScenario();
  const image = await readImage(await getDb(), scenario?.id ?? '', id);
  if (!image) notFound();
  const { reference } = image;
  return (
    <>
      <PageHeader title={reference} layer={`Image · ${image.arch}`} />
      <dl className="mb-6 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">Repository</dt>
        <dd className="font-mono text-xs">{image.repository}</dd>
        <dt className="text-slate-500">Architecture</dt>
        <dd>{image.arch}</dd>
        <dt className="text-slate-500">Manifest digest</dt>
        <dd className="font-mono text-xs break-all">{image.manifestDigest ?? '—'}</dd>
        <dt className="text-slate-500">Registry</dt>
        <dd>{image.registry ?? '—'}</dd>
        <dt className="text-slate-500">Size (compressed)</dt>
        <dd data-testid="image-size">
          {image.layers.length
            ? `${formatBytes(image.totalBytes)} in ${formatCount(image.layers.length, 'layer')}; ${formatBytes(image.sharedBytes)} of it shared with other images`
            : image.declaredSizeBytes !== null
              ? `${formatBytes(image.declaredSizeBytes)} (declared; no layer data)`
              : 'unknown — no layer data'}
        </dd>
        <dt className="text-slate-500">Used by</dt>
        <dd>{image.services.length ? image.services.map((s) => `${s.name} (${formatCount(s.replicas, 'replica')})`).join(', ') : 'no service'}</dd>
      </dl>

      {image.layers.length === 0 ? (
        <section className="max-w-3xl space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="no-layer-data">
          <p className="font-medium text-amber-900">No layer data for this image.</p>
          <p className="text-amber-900">
            Placement refuses to count it as zero bytes. Import its manifest (<code>docker manifest inspect -v {reference}</code> gives one), or enter the size you expect.
          </p>
          <Link className="inline-block text-blue-700 underline" href={`/import?kind=images&reference=${encodeURIComponent(reference)}&arch=${image.arch}`}>
            Import a manifest for {reference}
          </Link>
          <DeclareSizeForm imageId={image.id} reference={reference} currentMiB={image.declaredSizeBytes === null ? null : image.declaredSizeBytes / 2 ** 20} />
        </section>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="image-layers">
            <caption className="sr-only">Layers in pull order</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
              <tr>
                <th className="px-3 py-2">#</th>
                <th className="px-3 py-2">Layer digest</th>
                <th className="px-3 py-2 text-right">Size</th>
                <th className="px-3 py-2 text-right">Cumulative</th>
                <th className="px-3 py-2 text-right">Shared by images</th>
                <th className="px-3 py-2 text-right">Cached on servers</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {image.layers.map((l) => {
                return (
                  <tr key={l.position}>
                    <td className="px-3 py-2 tabular-nums">{l.position === 0 ? '0 (base)' : l.position}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      <Link href={`/layers/${l.layerId}`} className="text-blue-800 hover:underline">
                        {l.digest.slice(0, 19)}…
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatBytes(l.sizeBytes)}</td>
                    <td className="px-3 py-2 text-right tabular-nums text-slate-500">{formatBytes(l.cumulativeBytes)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.sharedBy > 1 ? <strong>{l.sharedBy}</strong> : 1}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.cachedOn}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-sm">
        <Link href="/images" className="text-blue-700 underline">
          ← All images
        </Link>
      </p>
    </>
  );
}
