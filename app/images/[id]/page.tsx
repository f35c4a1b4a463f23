import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeclareSizeForm } from '@/components/catalog/declare-size-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/db';
import { formatBytes, formatCount } from '@/lib/format/format-units';
import { displayRepository } from '@/lib/importers/images/image-reference';
import { getCurrentScenario } from '../../current-scenario';

export const metadata: Metadata = { title: 'Image' };

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scenario = await getCurrentScenario();
  const db = await getDb();
  const image = await db.image.findFirst({
    where: { id, scenarioId: scenario?.id ?? '' },
    include: {
      registry: { select: { name: true } },
      layers: { orderBy: { position: 'asc' }, include: { layer: { include: { _count: { select: { images: true, cachedOn: true } } } } } },
      services: { select: { id: true, name: true, replicas: true }, orderBy: { name: 'asc' } },
    },
  });
  if (!image) notFound();
  const reference = `${displayRepository(image.repository)}:${image.tag}`;
  const seen = new Set<string>();
  let total = 0;
  let shared = 0;
  for (const l of image.layers) {
    if (seen.has(l.layerId)) continue;
    seen.add(l.layerId);
    total += Number(l.layer.sizeBytes);
    if (l.layer._count.images > 1) shared += Number(l.layer.sizeBytes);
  }
  // The size pulled so far after each layer, in pull order.
  const cumulative: number[] = [];
  for (const l of image.layers) cumulative.push((cumulative.at(-1) ?? 0) + Number(l.layer.sizeBytes));
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
        <dd>{image.registry?.name ?? '—'}</dd>
        <dt className="text-slate-500">Size (compressed)</dt>
        <dd data-testid="image-size">
          {image.layers.length
            ? `${formatBytes(total)} in ${formatCount(image.layers.length, 'layer')}; ${formatBytes(shared)} of it shared with other images`
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
          <DeclareSizeForm imageId={image.id} reference={reference} currentMiB={image.declaredSizeBytes === null ? null : Number(image.declaredSizeBytes) / 2 ** 20} />
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
              {image.layers.map((l, i) => {
                return (
                  <tr key={l.position}>
                    <td className="px-3 py-2 tabular-nums">{l.position === 0 ? '0 (base)' : l.position}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      <Link href={`/layers/${l.layerId}`} className="text-blue-800 hover:underline">
                        {l.layer.digest.slice(0, 19)}…
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatBytes(l.layer.sizeBytes)}</td>
                    <td className="px-3 py-2 text-right tabular-nums text-slate-500">{formatBytes(cumulative[i])}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.layer._count.images > 1 ? <strong>{l.layer._count.images}</strong> : 1}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.layer._count.cachedOn}</td>
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
