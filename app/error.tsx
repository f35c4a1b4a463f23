'use client';

import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locked = /in use by another process/.test(error.message);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not be shown</h1>
      <p className="mt-2 text-sm text-red-900">
        {locked ? error.message : 'The server ran into a problem reading the data. Nothing was changed.'}
        {error.digest && <span className="block text-xs text-red-700">Reference: {error.digest}</span>}
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
