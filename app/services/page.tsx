import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogTable } from '@/components/catalog/catalog-table';
import type { CatalogSpec, SearchParams } from '@/components/catalog/catalog-query';
import { ServicePortForm } from '@/components/catalog/service-port-form';
import { EmptyState } from '@/components/ui/empty-state';
import { listServices, type ServiceRow } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db';
import { formatCores, formatMbps, formatMiB } from '@/lib/format/format-units';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Services' };

const spec: CatalogSpec<ServiceRow> = {
  search: (s) => `${s.name} ${s.imageRef}`,
  sorts: {
    name: (s) => s.name,
    image: (s) => s.imageRef,
    replicas: (s) => s.replicas,
    port: (s) => s.port,
    cpu: (s) => s.cpuCores,
    memory: (s) => s.memoryMiB,
    bandwidth: (s) => s.bandwidthMbps,
  },
  defaultSort: 'name',
  filters: {
    data: (s, v) => s.layerData === v,
    arch: (s, v) => (v === 'any' ? s.arch === null : s.arch === v),
    accelerator: (s, v) => (v === 'none' ? s.accelerator === null : s.accelerator === v),
  },
};

export default async function ServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return withScenario('Services', 'Service layer', async (scenario) => {
    const services = await listServices(await getDb(), scenario.id);
    if (services.length === 0) {
      return (
        <EmptyState title="No services in this scenario">
          Import Kubernetes manifests or a docker-compose file on the{' '}
          <Link href="/import?kind=services" className="underline">
            Import page
          </Link>{' '}
          to describe your microservices.
        </EmptyState>
      );
    }
    const archs = [...new Set(services.map((s) => s.arch).filter((a): a is string => a !== null))].sort();
    const accelerators = [...new Set(services.map((s) => s.accelerator).filter((a): a is string => a !== null))].sort();
    return (
      <CatalogTable
        caption="Services"
        testId="services-table"
        path="/services"
        params={params}
        rows={services}
        spec={spec}
        rowKey={(s) => s.id}
        searchPlaceholder="name or image"
        filters={[
          {
            key: 'data',
            label: 'Image layer data',
            options: [
              ['layers', 'has layers'],
              ['declared', 'declared size'],
              ['unknown', 'no layer data'],
            ],
          },
          { key: 'arch', label: 'Arch', options: [['any', 'any'], ...archs.map((a): [string, string] => [a, a])] },
          { key: 'accelerator', label: 'Accelerator', options: [['none', 'none'], ...accelerators.map((a): [string, string] => [a, a.toUpperCase()])] },
        ]}
        columns={[
          { key: 'name', header: 'Name', cell: (s) => <span className="font-medium">{s.name}</span> },
          {
            key: 'image',
            header: 'Image',
            cell: (s) => (
              <span className="font-mono text-xs">
                {s.imageId ? (
                  <Link href={`/images/${s.imageId}`} className="text-blue-800 hover:underline">
                    {s.imageRef}
                  </Link>
                ) : (
                  s.imageRef
                )}
                {s.layerData === 'unknown' && <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-amber-900">no layer data</span>}
                {s.layerData === 'declared' && <span className="ml-1 rounded bg-sky-100 px-1 font-sans text-sky-900">declared size</span>}
              </span>
            ),
          },
          { key: 'replicas', header: 'Replicas', align: 'right', cell: (s) => s.replicas },
          { key: 'port', header: 'Port (TCP)', align: 'right', cell: (s) => <ServicePortForm serviceId={s.id} name={s.name} port={s.port} /> },
          { key: 'cpu', header: 'CPU / replica', align: 'right', cell: (s) => formatCores(s.cpuCores) },
          { key: 'memory', header: 'Memory / replica', align: 'right', cell: (s) => formatMiB(s.memoryMiB) },
          { key: 'bandwidth', header: 'Bandwidth / replica', align: 'right', cell: (s) => formatMbps(s.bandwidthMbps) },
          { key: 'needs', header: 'Needs', cell: (s) => [s.arch, s.accelerator?.toUpperCase()].filter(Boolean).join(', ') || '—' },
          { key: 'calls', header: 'Calls', cell: (s) => s.dependsOn.map((d) => `${d.name} (${formatMbps(d.trafficMbps)})`).join(', ') || '—' },
        ]}
      />
    );
  });
}
