'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { Button } from './button';

/** A button that runs one server action, shows that it is working, says why it failed, and
 * refreshes the page's server data when it succeeds. */
export function ActionButton({
  action,
  children,
  pendingLabel,
  variant = 'secondary',
}: {
  action: () => Promise<ActionResult>;
  children: ReactNode;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            setError(result.ok ? null : Object.values(result.errors).flat().join(' '));
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? pendingLabel : children}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
