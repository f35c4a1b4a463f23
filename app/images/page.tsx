import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listImages } from '@/lib/catalog/list-images';
import { getDb } from '@/lib/db';
import { formatBytes, formatPercent } from '@/lib/format/format-units';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Images' };

export default async function ImagesPage() {
  return withScenario('Images and layers', 'Service layer', async (scenario) => {
    const images = await listImages(await getDb(), scenario.id);
    if (images.length === 0) {
      return <EmptyState title="No images in the catalog">Import image manifests to know which layers each container needs.</EmptyState>;
    }
    return (
      <DataTable
        caption="Images"
        rows={images}
        rowKey={(i) => i.id}
        columns={[
          { header: 'Image', cell: (i) => <span className="font-mono text-xs">{i.reference}</span> },
          { header: 'Arch', cell: (i) => i.arch },
          { header: 'Registry', cell: (i) => i.registry ?? '—' },
          { header: 'Layers', align: 'right', cell: (i) => i.layers },
          { header: 'Size (compressed)', align: 'right', cell: (i) => formatBytes(i.sizeBytes) },
          { header: 'Shared with other images', align: 'right', cell: (i) => `${formatBytes(i.sharedBytes)} (${formatPercent(i.sizeBytes ? i.sharedBytes / i.sizeBytes : 0, 0)})` },
          { header: 'Used by services', align: 'right', cell: (i) => i.services },
        ]}
      />
    );
  });
}
