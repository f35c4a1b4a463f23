'use client';

import { ActionButton } from '@/components/ui/action-button';
import { applyPlacementRunAction } from '@/lib/actions/placement-actions';

export function ApplyRunButton({ runId, applied }: { runId: string; applied: boolean }) {
  if (applied) return <span className="rounded bg-emerald-100 px-2 py-1 text-sm text-emerald-900">This is the scenario&rsquo;s current placement</span>;
  return (
    <ActionButton variant="primary" action={() => applyPlacementRunAction(runId)} pendingLabel="Applying…">
      Apply as current placement
    </ActionButton>
  );
}
