'use client';

import { useActionState } from 'react';
import { useMayAct } from '@/components/auth/role-context';
import { FieldErrors } from '@/components/ui/field';
import { setServicePortAction } from '@/lib/actions/control-actions';

/** The TCP port a service listens on, edited in place: flow rules match it and the mesh routes to it. */
export function ServicePortForm({ serviceId, name, port }: { serviceId: string; name: string; port: number }) {
  const [state, action, pending] = useActionState(setServicePortAction, null);
  if (!useMayAct('planner')) return <span className="tabular-nums">{port}</span>;
  return (
    <form action={action} className="flex items-center justify-end gap-1" aria-label={`TCP port of ${name}`}>
      <input type="hidden" name="serviceId" value={serviceId} />
      <input
        name="port"
        type="number"
        min={1}
        max={65535}
        step={1}
        required
        defaultValue={port}
        aria-label={`TCP port of ${name}`}
        className="w-20 rounded-md border border-slate-300 px-1.5 py-0.5 text-right tabular-nums"
      />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-50">
        {pending ? 'Saving…' : 'Set'}
      </button>
      {state?.ok && (
        <span role="status" className="text-xs text-green-700">
          Saved
        </span>
      )}
      {state && !state.ok && <FieldErrors errors={Object.values(state.errors).flat()} />}
    </form>
  );
}
