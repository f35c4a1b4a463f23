'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useEffect, useState } from 'react';
import { ReadOnlyNote, useMayAct } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FieldErrors } from '@/components/ui/field';
import { deletePolicyAction } from '@/lib/actions/policy-actions';
import { POLICY_TYPES } from '@/lib/vocabulary/kinds-and-labels';
import type { PolicyChoices } from '@/lib/policies/list-policy-choices';
import { PolicyForm, type EditablePolicy } from './policy-form';

export type ListedPolicy = EditablePolicy & { meaning: string };

type Mode = { kind: 'create' } | { kind: 'edit' | 'delete'; policy: ListedPolicy } | null;

export function PoliciesManager({ scenarioId, policies, choices }: { scenarioId: string; policies: ListedPolicy[]; choices: PolicyChoices }) {
  const [mode, setMode] = useState<Mode>(null);
  const router = useRouter();
  const close = useCallback(() => setMode(null), []);
  const saved = useCallback(() => {
    setMode(null);
    router.refresh();
  }, [router]);
  const mayEdit = useMayAct('planner');

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        {mayEdit ? (
          <Button variant="primary" onClick={() => setMode({ kind: 'create' })}>
            New policy
          </Button>
        ) : (
          <ReadOnlyNote min="planner" what="Adding, editing and deleting policies" />
        )}
        <p className="text-sm text-slate-600">Every run on the Placement page must satisfy these; a policy over a service applies to each of its replicas.</p>
      </div>

      {policies.length === 0 ? (
        <EmptyState title="No placement policies">
          Policies constrain where replicas may run: keep replicas apart (anti-affinity) or together (affinity), pin a service to chosen edge servers, spread replicas across sites,
          or cap how full an edge server may get. Choose “New policy” to add one.
        </EmptyState>
      ) : (
        <DataTable
          caption="Placement policies"
          rows={policies}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Name', cell: (p) => <span className="font-medium">{p.name}</span> },
            { header: 'Type', cell: (p) => POLICY_TYPES[p.type].label },
            { header: 'Meaning', cell: (p) => p.meaning },
            ...(mayEdit
              ? [
                  {
                    header: 'Actions',
                    cell: (p: ListedPolicy) => (
                      <div className="flex gap-1">
                        <Button variant="ghost" onClick={() => setMode({ kind: 'edit', policy: p })} aria-label={`Edit ${p.name}`}>
                          Edit
                        </Button>
                        <Button variant="ghost" className="text-red-700" onClick={() => setMode({ kind: 'delete', policy: p })} aria-label={`Delete ${p.name}`}>
                          Delete
                        </Button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}

      <Dialog open={mode?.kind === 'create'} title="New policy" onClose={close}>
        {mode?.kind === 'create' && <PolicyForm scenarioId={scenarioId} choices={choices} policy={null} onDone={saved} />}
      </Dialog>
      {mode?.kind === 'edit' && (
        <Dialog open title={`Edit “${mode.policy.name}”`} onClose={close}>
          <PolicyForm scenarioId={scenarioId} choices={choices} policy={mode.policy} onDone={saved} />
        </Dialog>
      )}
      {mode?.kind === 'delete' && (
        <Dialog open title={`Delete “${mode.policy.name}”?`} onClose={close}>
          <DeletePolicy scenarioId={scenarioId} policy={mode.policy} onCancel={close} onDone={saved} />
        </Dialog>
      )}
    </>
  );
}

function DeletePolicy({ scenarioId, policy, onCancel, onDone }: { scenarioId: string; policy: ListedPolicy; onCancel: () => void; onDone: () => void }) {
  const [state, formAction, pending] = useActionState(deletePolicyAction, null);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <form action={formAction}>
      <input type="hidden" name="scenarioId" value={scenarioId} />
      <input type="hidden" name="policyId" value={policy.id} />
      <p className="mb-4 text-sm text-slate-700">
        Placements will no longer have to satisfy: <span className="font-medium">{policy.meaning}</span>. Runs already finished keep their results.
      </p>
      <FieldErrors errors={state && !state.ok ? state.errors._form : undefined} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Deleting…' : 'Delete policy'}
        </Button>
      </div>
    </form>
  );
}
