'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { seedDemoAction } from '@/lib/actions/scenario-actions';

export function LoadDemoButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-center gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await seedDemoAction();
            if (!result.ok) setError(Object.values(result.errors).flat().join(' '));
            else router.refresh();
          })
        }
      >
        {pending ? 'Loading the demo…' : 'Load the demo metro edge'}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
