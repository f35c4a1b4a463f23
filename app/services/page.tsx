import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listServices } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db';
import { formatCores, formatMbps, formatMiB } from '@/lib/format/format-units';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Services' };

export default async function ServicesPage() {
  return withScenario('Services', 'Service layer', async (scenario) => {
    const services = await listServices(await getDb(), scenario.id);
    if (services.length === 0) {
      return <EmptyState title="No services in this scenario">Import Kubernetes manifests or a docker-compose file to describe your microservices.</EmptyState>;
    }
    return (
      <DataTable
        caption="Services"
        rows={services}
        rowKey={(s) => s.id}
        columns={[
          { header: 'Name', cell: (s) => <span className="font-medium">{s.name}</span> },
          {
            header: 'Image',
            cell: (s) => (
              <span className="font-mono text-xs">
                {s.imageRef}
                {!s.hasLayerData && <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-amber-900">no layer data</span>}
              </span>
            ),
          },
          { header: 'Replicas', align: 'right', cell: (s) => s.replicas },
          { header: 'CPU / replica', align: 'right', cell: (s) => formatCores(s.cpuCores) },
          { header: 'Memory / replica', align: 'right', cell: (s) => formatMiB(s.memoryMiB) },
          { header: 'Bandwidth / replica', align: 'right', cell: (s) => formatMbps(s.bandwidthMbps) },
          { header: 'Needs', cell: (s) => [s.arch, s.accelerator?.toUpperCase()].filter(Boolean).join(', ') || '—' },
          { header: 'Calls', cell: (s) => s.dependsOn.map((d) => `${d.name} (${formatMbps(d.trafficMbps)})`).join(', ') || '—' },
        ]}
      />
    );
  });
}
