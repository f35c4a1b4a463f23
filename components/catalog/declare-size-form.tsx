'use client';

import { useActionState } from 'react';
import { useMayAct } from '@/components/auth/role-context';
import { FieldErrors } from '@/components/ui/field';
import { declareImageSizeAction } from '@/lib/actions/import-actions';

/** Enter a size for an image nobody has layer data for, so placement can count it. */
export function DeclareSizeForm({ imageId, reference, currentMiB }: { imageId: string; reference: string; currentMiB: number | null }) {
  const [state, action, pending] = useActionState(declareImageSizeAction, null);
  if (!useMayAct('planner')) return null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="imageId" value={imageId} />
      <label className="flex flex-col">
        <span className="text-xs font-medium text-slate-600">Size of {reference} (MiB)</span>
        <input name="sizeMiB" type="number" min="0" step="any" required defaultValue={currentMiB ?? ''} className="w-32 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-50">
        {pending ? 'Saving…' : 'Save size'}
      </button>
      {state?.ok && (
        <span role="status" className="text-green-700">
          Saved.
        </span>
      )}
      {state && !state.ok && <FieldErrors errors={Object.values(state.errors).flat()} />}
    </form>
  );
}
