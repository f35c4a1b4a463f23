import type { Metadata } from 'next';
import { PoliciesManager } from '@/components/policies/policies-manager';
import { describePolicy } from '@/lib/catalog/describe-policy';
import { listPolicies } from '@/lib/catalog/list-policies';
import { getDb } from '@/lib/db';
import { listPolicyChoices } from '@/lib/policies/list-policy-choices';
import { withScenario } from '../require-scenario';

export const metadata: Metadata = { title: 'Policies' };

export default async function PoliciesPage() {
  return withScenario('Placement policies', 'Placement', async (scenario) => {
    const db = await getDb();
    const [policies, choices] = await Promise.all([listPolicies(db, scenario.id), listPolicyChoices(db, scenario.id)]);
    return <PoliciesManager scenarioId={scenario.id} policies={policies.map((p) => ({ ...p, meaning: describePolicy(p) }))} choices={choices} />;
  });
}
