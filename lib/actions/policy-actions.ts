'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { createPolicy } from '@/lib/policies/create-policy';
import { deletePolicy } from '@/lib/policies/delete-policy';
import { policyInputFromForm } from '@/lib/policies/policy-form-data';
import { policyInputSchema } from '@/lib/policies/policy-schema';
import { updatePolicy } from '@/lib/policies/update-policy';
import { runAction, type ActionResult } from './action-result';
import { readFormText } from './read-form-text';

function refreshPolicyViews() {
  // The placement page counts policy constraints and the architecture page shows them.
  revalidatePath('/', 'layout');
}

/** Creates a policy, or replaces the one named by `policyId`. */
export async function savePolicyAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const scenarioId = readFormText(form, 'scenarioId') ?? '';
      const policyId = readFormText(form, 'policyId') ?? '';
      const input = policyInputSchema.parse(policyInputFromForm(form));
      const db = await getDb();
      const saved = policyId ? await updatePolicy(db, scenarioId, policyId, input) : await createPolicy(db, scenarioId, input);
      refreshPolicyViews();
      return saved;
    }),
  );
}

export async function deletePolicyAction(_prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const deleted = await deletePolicy(await getDb(), readFormText(form, 'scenarioId') ?? '', readFormText(form, 'policyId') ?? '');
      refreshPolicyViews();
      return deleted;
    }),
  );
}
