'use client';

import { ActionButton } from '@/components/ui/action-button';
import { seedDemoAction } from '@/lib/actions/scenario-actions';

export function LoadDemoButton() {
  return (
    <ActionButton action={seedDemoAction} pendingLabel="Loading the demo…">
      Load the demo metro edge
    </ActionButton>
  );
}
