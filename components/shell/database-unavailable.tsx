'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useTransition } from 'react';
import { Button } from '@/components/ui/button';

const RETRY_SECONDS = 10;

/** Shown in place of a page while the database cannot be reached; it retries by itself. */
export function DatabaseUnavailable() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const timer = setInterval(() => startTransition(() => router.refresh()), RETRY_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold text-amber-900">The database cannot be reached</h1>
      <p className="mt-2 text-sm text-amber-900">
        The dashboard is running, but its database is not answering (stopped, restarting or cut off). Nothing was changed. This page tries again every {RETRY_SECONDS} s and comes
        back by itself once the database is back.
      </p>
      <Button className="mt-4" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
        {pending ? 'Trying…' : 'Try again now'}
      </Button>
    </div>
  );
}
