'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { applyPlacementRunAction } from '@/lib/actions/placement-actions';

export function ApplyRunButton({ runId, applied }: { runId: string; applied: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (applied) return <span className="rounded bg-emerald-100 px-2 py-1 text-sm text-emerald-900">This is the scenario&rsquo;s current placement</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await applyPlacementRunAction(runId);
            if (!result.ok) setError(Object.values(result.errors).flat().join(' '));
            else router.refresh();
          })
        }
      >
        {pending ? 'Applying…' : 'Apply as current placement'}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
