'use client';

import { ReadOnlyNote, useMayAct } from '@/components/auth/role-context';
import { ActionButton } from '@/components/ui/action-button';
import { applyPlacementRunAction } from '@/lib/actions/placement-actions';

export function ApplyRunButton({ runId, applied }: { runId: string; applied: boolean }) {
  const mayApply = useMayAct('operator');
  if (applied) return <span className="rounded bg-emerald-100 px-2 py-1 text-sm text-emerald-900">This is the scenario&rsquo;s current placement</span>;
  if (!mayApply) return <ReadOnlyNote min="operator" what="Applying a placement" />;
  return (
    <ActionButton variant="primary" action={() => applyPlacementRunAction(runId)} pendingLabel="Applying…">
      Apply as current placement
    </ActionButton>
  );
}
