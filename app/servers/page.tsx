import type { Metadata } from 'next';
import { CatalogTable } from '@/components/catalog/catalog-table';
import type { CatalogSpec, SearchParams } from '@/components/catalog/catalog-query';
import { EmptyState } from '@/components/ui/empty-state';
import { listEdgeServers } from '@/lib/catalog/list-edge-servers';
import { getDb } from '@/lib/db';
import { formatBytes, formatCores, formatMbps, formatMiB } from '@/lib/format/format-units';
import { TIERS } from '@/lib/vocabulary/kinds-and-labels';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Servers' };

type Row = Awaited<ReturnType<typeof listEdgeServers>>[number];

const spec: CatalogSpec<Row> = {
  search: (s) => `${s.name} ${s.site ?? ''} ${s.arch} ${s.accelerators.join(' ')}`,
  sorts: {
    name: (s) => s.name,
    site: (s) => s.site ?? '',
    tier: (s) => s.tier,
    arch: (s) => s.arch,
    cpu: (s) => s.cpuCores,
    memory: (s) => s.memoryMiB,
    storage: (s) => s.storageBytes,
    bandwidth: (s) => s.bandwidthMbps,
    cached: (s) => s.cachedLayers,
  },
  defaultSort: 'name',
  filters: {
    tier: (s, v) => s.tier === v,
    arch: (s, v) => s.arch === v,
    accelerator: (s, v) => (v === 'none' ? s.accelerators.length === 0 : s.accelerators.includes(v)),
  },
};

export default async function ServersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return withScenario('Edge servers', 'Physical layer', async (scenario) => {
    const servers = await listEdgeServers(await getDb(), scenario.id);
    if (servers.length === 0) {
      return (
        <EmptyState title="No edge servers in this scenario">
          Edge servers are the machines containers run on. Add them on the Architecture page, or import a Kubernetes node list or an inventory CSV on the Import page.
        </EmptyState>
      );
    }
    const archs = [...new Set(servers.map((s) => s.arch))].sort();
    const accelerators = [...new Set(servers.flatMap((s) => s.accelerators))].sort();
    return (
      <CatalogTable
        caption="Edge servers"
        testId="servers-table"
        path="/servers"
        params={params}
        rows={servers}
        spec={spec}
        rowKey={(s) => s.id}
        searchPlaceholder="name, site, arch…"
        filters={[
          { key: 'tier', label: 'Tier', options: Object.entries(TIERS) },
          { key: 'arch', label: 'Arch', options: archs.map((a) => [a, a]) },
          { key: 'accelerator', label: 'Accelerator', options: [['none', 'none'], ...accelerators.map((a): [string, string] => [a, a.toUpperCase()])] },
        ]}
        columns={[
          { key: 'name', header: 'Name', cell: (s) => <span className="font-medium">{s.name}</span> },
          { key: 'site', header: 'Site', cell: (s) => s.site ?? '—' },
          { key: 'tier', header: 'Tier', cell: (s) => TIERS[s.tier] },
          { key: 'arch', header: 'Arch', cell: (s) => s.arch },
          { key: 'accelerators', header: 'Accelerators', cell: (s) => (s.accelerators.length ? s.accelerators.join(', ').toUpperCase() : '—') },
          { key: 'cpu', header: 'CPU', align: 'right', cell: (s) => formatCores(s.cpuCores) },
          { key: 'memory', header: 'Memory', align: 'right', cell: (s) => formatMiB(s.memoryMiB) },
          { key: 'storage', header: 'Storage', align: 'right', cell: (s) => formatBytes(s.storageBytes) },
          { key: 'bandwidth', header: 'Bandwidth', align: 'right', cell: (s) => formatMbps(s.bandwidthMbps) },
          { key: 'cached', header: 'Cached layers', align: 'right', cell: (s) => s.cachedLayers },
        ]}
      />
    );
  });
}
