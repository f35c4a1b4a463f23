'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { recomputeControlPlanAction } from '@/lib/actions/control-actions';

/** Compiles the control plan now and says what it stored (or why it could not). */
export function RecomputeControlPlanButton({ scenarioId }: { scenarioId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await recomputeControlPlanAction(scenarioId);
            setOutcome(result.ok ? { ok: true, text: result.message } : { ok: false, text: Object.values(result.errors).flat().join(' ') });
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? 'Recomputing…' : 'Recompute control plan'}
      </Button>
      {outcome && (
        <span role={outcome.ok ? 'status' : 'alert'} className={`text-sm ${outcome.ok ? 'text-green-800' : 'text-red-700'}`} data-testid="recompute-outcome">
          {outcome.text}
        </span>
      )}
    </div>
  );
}
