import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listNetwork } from '@/lib/catalog/list-network';
import { getDb } from '@/lib/db';
import { formatCores, formatMbps, formatMiB, formatMs } from '@/lib/format/format-units';
import { LINK_MEDIA, NETWORK_NODE_KINDS, VNF_KINDS } from '@/lib/model/vocabulary';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Network' };

export default async function NetworkPage() {
  return withScenario('Network', 'Network layer', async (scenario) => {
    const { nodes, links, vnfs } = await listNetwork(await getDb(), scenario.id);
    if (nodes.length + links.length + vnfs.length === 0) {
      return (
        <EmptyState title="No network in this scenario">
          Switches, routers, base stations and the links between them live here. Draw them on the Architecture page or import a topology.
        </EmptyState>
      );
    }
    return (
      <div className="space-y-8">
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Network nodes ({nodes.length})</h2>
          <DataTable
            caption="Network nodes"
            rows={nodes}
            rowKey={(n) => n.id}
            columns={[
              { header: 'Name', cell: (n) => <span className="font-medium">{n.name}</span> },
              { header: 'Kind', cell: (n) => NETWORK_NODE_KINDS[n.kind] },
              { header: 'Site', cell: (n) => n.site ?? '—' },
              { header: 'SDN-managed', cell: (n) => (n.sdnManaged ? 'yes' : 'no') },
            ]}
          />
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Links ({links.length})</h2>
          <DataTable
            caption="Links"
            rows={links}
            rowKey={(l) => l.id}
            columns={[
              { header: 'From', cell: (l) => l.a },
              { header: 'To', cell: (l) => l.b },
              { header: 'Medium', cell: (l) => LINK_MEDIA[l.medium] },
              { header: 'Bandwidth', align: 'right', cell: (l) => formatMbps(l.bandwidthMbps) },
              { header: 'Latency', align: 'right', cell: (l) => formatMs(l.latencyMs) },
              { header: 'Loss', align: 'right', cell: (l) => `${l.lossPercent} %` },
            ]}
          />
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">Virtual network functions ({vnfs.length})</h2>
          <DataTable
            caption="Virtual network functions"
            rows={vnfs}
            rowKey={(v) => v.id}
            columns={[
              { header: 'Name', cell: (v) => <span className="font-medium">{v.name}</span> },
              { header: 'Function', cell: (v) => VNF_KINDS[v.kind] },
              { header: 'Runs on', cell: (v) => v.host },
              { header: 'Chained to', cell: (v) => v.next ?? '—' },
              { header: 'CPU', align: 'right', cell: (v) => formatCores(v.cpuCores) },
              { header: 'Memory', align: 'right', cell: (v) => formatMiB(v.memoryMiB) },
            ]}
          />
        </section>
      </div>
    );
  });
}
