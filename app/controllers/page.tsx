import type { Metadata } from 'next';
import { RecomputeControlPlanButton } from '@/components/control/recompute-control-plan-button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listControllers } from '@/lib/catalog/list-controllers';
import { getActor } from '@/lib/auth/get-actor';
import { roleAtLeast } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { formatCount } from '@/lib/format/format-units';
import { CONTROLLER_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Controllers' };

export default async function ControllersPage() {
  return withScenario('Controllers', 'Control layer', async (scenario) => {
    const [controllers, actor] = await Promise.all([listControllers(await getDb(), scenario.id), getActor()]);
    // Operators see the button; the action checks the role again.
    const recompute = roleAtLeast(actor?.role, 'operator') && (
      <div className="mb-4">
        <RecomputeControlPlanButton scenarioId={scenario.id} />
      </div>
    );
    if (controllers.length === 0) {
      return (
        <>
          {recompute}
          <EmptyState title="No controllers in this scenario">
            The control layer holds the Kubernetes control plane, the service-mesh controller, the SDN controller and the VNF orchestrator.
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {recompute}
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
      </>
    );
  });
}
