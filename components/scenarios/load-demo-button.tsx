'use client';

import { useMayAct } from '@/components/auth/role-context';
import { ActionButton } from '@/components/ui/action-button';
import { seedDemoAction } from '@/lib/actions/scenario-actions';

export function LoadDemoButton() {
  if (!useMayAct('planner')) return null;
  return (
    <ActionButton action={seedDemoAction} pendingLabel="Loading the demo…">
      Load the demo metro edge
    </ActionButton>
  );
}
