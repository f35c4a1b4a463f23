import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { describePolicy } from '@/lib/catalog/describe-policy';
import { listPolicies } from '@/lib/catalog/list-policies';
import { getDb } from '@/lib/db';
import { POLICY_TYPES } from '@/lib/model/vocabulary';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Policies' };

export default async function PoliciesPage() {
  return withScenario('Placement policies', 'Placement', async (scenario) => {
    const policies = await listPolicies(await getDb(), scenario.id);
    if (policies.length === 0) {
      return (
        <EmptyState title="No placement policies">
          Policies constrain where replicas may run: affinity, anti-affinity, pinning, spreading across sites and utilisation caps.
        </EmptyState>
      );
    }
    return (
      <DataTable
        caption="Placement policies"
        rows={policies}
        rowKey={(p) => p.id}
        columns={[
          { header: 'Name', cell: (p) => <span className="font-medium">{p.name}</span> },
          { header: 'Type', cell: (p) => POLICY_TYPES[p.type].label },
          { header: 'Meaning', cell: (p) => describePolicy(p) },
        ]}
      />
    );
  });
}
