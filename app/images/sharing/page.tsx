import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { loadSharingImages, sharingMatrix, summarizeSharing } from '@/lib/catalog/image-sharing';
import { getDb } from '@/lib/db';
import { formatBytes, formatPercent } from '@/lib/format/format-units';
import { withScenario } from '../../require-scenario';

export const metadata: Metadata = { title: 'Layer sharing' };

function cellColour(value: number, max: number): string {
  if (value === 0 || max === 0) return 'rgb(248 250 252)';
  const t = Math.sqrt(value / max);
  const lightness = 95 - t * 60;
  return `hsl(160 70% ${lightness}%)`;
}

export default async function SharingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return withScenario('Layer sharing', 'Service layer', async (scenario) => {
    const images = await loadSharingImages(await getDb(), scenario.id);
    const summaries = summarizeSharing(images).filter((s) => s.images > 0);
    if (summaries.length === 0) {
      return <EmptyState title="No layer data yet">Import image manifests to see how much storage layer sharing saves in this catalog.</EmptyState>;
    }
    const arch = typeof params.arch === 'string' && summaries.some((s) => s.arch === params.arch) ? params.arch : summaries[0].arch;
    const limit = Math.min(60, Math.max(4, Number(params.top) || 24));
    const matrix = sharingMatrix(images, arch, limit);
    return (
      <div className="space-y-6">
        <p className="max-w-3xl text-sm text-slate-600">
          A container needs every layer of its image; containers placed on one edge server store and pull a shared layer once. Here is what that is worth in this catalog: storing
          every image with private copies of its layers, against storing each distinct layer once. Sharing only happens between images of the same architecture.
        </p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="sharing-summary">
            <caption className="sr-only">Storage with and without layer sharing, per architecture</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
              <tr>
                <th className="px-3 py-2">Arch</th>
                <th className="px-3 py-2 text-right">Images</th>
                <th className="px-3 py-2 text-right">Distinct layers</th>
                <th className="px-3 py-2 text-right">Shared by ≥ 2</th>
                <th className="px-3 py-2 text-right">Without sharing</th>
                <th className="px-3 py-2 text-right">With sharing</th>
                <th className="px-3 py-2 text-right">Saving</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {summaries.map((s) => (
                <tr key={s.arch} data-arch={s.arch} className={s.arch === arch ? 'bg-emerald-50' : ''}>
                  <td className="px-3 py-2">
                    <Link href={`/images/sharing?arch=${s.arch}`} className="text-blue-800 underline">
                      {s.arch}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.images}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.distinctLayers}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {s.layersSharedBy2Plus} (max {s.maxSharing} images)
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" title={`${s.bytesWithoutSharing.toLocaleString('en-US')} bytes`}>
                    {formatBytes(s.bytesWithoutSharing)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" title={`${s.bytesWithSharing.toLocaleString('en-US')} bytes`}>
                    {formatBytes(s.bytesWithSharing)}
                  </td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatPercent(s.saving)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <section>
          <h2 className="mb-1 text-sm font-semibold text-slate-700">
            Bytes shared between pairs of images ({arch}, the {matrix.images.length} images sharing the most)
          </h2>
          <p className="mb-2 text-xs text-slate-500">
            Each cell is the compressed size of the layers both images contain; darker is more. Show the top{' '}
            {[12, 24, 48].map((n) => (
              <Link key={n} href={`/images/sharing?arch=${arch}&top=${n}`} className={`mx-0.5 underline ${n === limit ? 'font-semibold' : ''}`}>
                {n}
              </Link>
            ))}
            .
          </p>
          {matrix.images.length === 0 ? (
            <p className="text-sm text-slate-600">No two {arch} images share a layer.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
              <table className="border-separate border-spacing-0.5 text-[10px]" data-testid="sharing-matrix" aria-label="Shared bytes between images">
                <thead>
                  <tr>
                    <th />
                    {matrix.images.map((img) => (
                      <th key={img.id} className="h-28 w-6 align-bottom font-normal text-slate-600">
                        <span className="inline-block origin-bottom-left translate-x-3 -rotate-60 whitespace-nowrap">{img.reference}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.images.map((row, a) => (
                    <tr key={row.id}>
                      <th scope="row" className="pr-2 text-right font-normal whitespace-nowrap text-slate-700">
                        <Link href={`/images/${row.id}`} className="hover:underline">
                          {row.reference}
                        </Link>
                      </th>
                      {matrix.bytes[a].map((v, b) => (
                        <td
                          key={b}
                          className="h-6 w-6 rounded-sm"
                          style={{ background: a === b ? 'rgb(226 232 240)' : cellColour(v, matrix.max) }}
                          title={a === b ? `${row.reference}: ${formatBytes(row.sizeBytes)}` : `${row.reference} and ${matrix.images[b].reference} share ${formatBytes(v)}`}
                        />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    );
  });
}
