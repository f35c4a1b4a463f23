import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listEdgeServers } from '@/lib/catalog/list-edge-servers';
import { getDb } from '@/lib/db';
import { formatBytes, formatCores, formatMbps, formatMiB } from '@/lib/format/format-units';
import { TIERS } from '@/lib/model/vocabulary';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Servers' };

export default async function ServersPage() {
  return withScenario('Edge servers', 'Physical layer', async (scenario) => {
    const servers = await listEdgeServers(await getDb(), scenario.id);
    if (servers.length === 0) {
      return (
        <EmptyState title="No edge servers in this scenario">
          Edge servers are the machines containers run on. Add them on the Architecture page, or import a scenario or a Kubernetes node list.
        </EmptyState>
      );
    }
    return (
      <DataTable
        caption="Edge servers"
        rows={servers}
        rowKey={(s) => s.id}
        columns={[
          { header: 'Name', cell: (s) => <span className="font-medium">{s.name}</span> },
          { header: 'Site', cell: (s) => s.site ?? '—' },
          { header: 'Tier', cell: (s) => TIERS[s.tier] },
          { header: 'Arch', cell: (s) => s.arch },
          { header: 'Accelerators', cell: (s) => (s.accelerators.length ? s.accelerators.join(', ').toUpperCase() : '—') },
          { header: 'CPU', align: 'right', cell: (s) => formatCores(s.cpuCores) },
          { header: 'Memory', align: 'right', cell: (s) => formatMiB(s.memoryMiB) },
          { header: 'Storage', align: 'right', cell: (s) => formatBytes(s.storageBytes) },
          { header: 'Bandwidth', align: 'right', cell: (s) => formatMbps(s.bandwidthMbps) },
          { header: 'Cached layers', align: 'right', cell: (s) => s.cachedLayers },
        ]}
      />
    );
  });
}
