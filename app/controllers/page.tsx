import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listControllers } from '@/lib/catalog/list-controllers';
import { getDb } from '@/lib/db';
import { formatCount } from '@/lib/format/format-units';
import { CONTROLLER_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Controllers' };

export default async function ControllersPage() {
  return withScenario('Controllers', 'Control layer', async (scenario) => {
    const controllers = await listControllers(await getDb(), scenario.id);
    if (controllers.length === 0) {
      return (
        <EmptyState title="No controllers in this scenario">
          The control layer holds the Kubernetes control plane, the service-mesh controller, the SDN controller and the VNF orchestrator.
        </EmptyState>
      );
    }
    return (
      <DataTable
        caption="Controllers"
        rows={controllers}
        rowKey={(c) => c.id}
        columns={[
          { header: 'Name', cell: (c) => <span className="font-medium">{c.name}</span> },
          { header: 'Kind', cell: (c) => CONTROLLER_KINDS[c.kind] },
          { header: 'Product', cell: (c) => c.product || '—' },
          { header: 'Runs on', cell: (c) => c.host },
          {
            header: 'Manages',
            cell: (c) =>
              [
                c.manages.edgeServers && formatCount(c.manages.edgeServers, 'edge server'),
                c.manages.networkNodes && formatCount(c.manages.networkNodes, 'network node'),
                c.manages.services && formatCount(c.manages.services, 'service'),
                c.manages.vnfs && formatCount(c.manages.vnfs, 'VNF'),
              ]
                .filter(Boolean)
                .join(', ') || 'nothing yet',
          },
        ]}
      />
    );
  });
}
