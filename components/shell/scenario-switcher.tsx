'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { selectScenarioAction } from '@/lib/actions/scenario-actions';

export function ScenarioSwitcher({ scenarios, currentId }: { scenarios: { id: string; name: string }[]; currentId: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (scenarios.length === 0) return <span className="text-sm text-slate-500">No scenario yet</span>;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="scenario-switcher" className="text-sm text-slate-600">
        Scenario
      </label>
      <select
        id="scenario-switcher"
        data-testid="scenario-switcher"
        value={currentId ?? ''}
        disabled={pending}
        onChange={(event) => {
          const id = event.target.value;
          startTransition(async () => {
            const result = await selectScenarioAction(id);
            setError(result.ok ? null : Object.values(result.errors).flat().join(' '));
            router.refresh();
          });
        }}
        className="max-w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
