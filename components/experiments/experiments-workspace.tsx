'use client';

import { useCallback, useEffect, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import type { ExperimentView as Experiment } from '@/lib/experiments/list-experiments';
import { ExperimentForm, type TradeoffNotes } from './experiment-form';
import { ExperimentView } from './experiment-view';

const ACTIVE = new Set(['queued', 'running']);
const KIND_LABELS = { containers: 'Fig. 4', capacity: 'Fig. 5', tradeoff: 'Trade-off sweep' } as const;

/** Start experiments, follow them while they run (polling once a second), and look at any saved one. */
export function ExperimentsWorkspace({
  scenarioId,
  initialExperiments,
  scenarioNote,
  tradeoffNotes,
}: {
  scenarioId: string;
  initialExperiments: Experiment[];
  scenarioNote: string | null;
  tradeoffNotes: TradeoffNotes;
}) {
  const [experiments, setExperiments] = useState(initialExperiments);
  const [selectedId, setSelectedId] = useState<string | null>(initialExperiments[0]?.id ?? null);
  const active = experiments.some((e) => ACTIVE.has(e.status));

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/scenarios/${scenarioId}/experiments`, { cache: 'no-store' });
    if (response.ok) setExperiments(((await response.json()) as { experiments: Experiment[] }).experiments);
  }, [scenarioId]);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [active, refresh]);

  const started = useCallback(
    (id: string) => {
      setSelectedId(id);
      void refresh();
    },
    [refresh],
  );

  const selected = experiments.find((e) => e.id === selectedId) ?? null;

  return (
    <div className="space-y-6">
      <ExperimentForm scenarioId={scenarioId} scenarioNote={scenarioNote} tradeoffNotes={tradeoffNotes} onStarted={started} />

      {experiments.length === 0 ? (
        <EmptyState title="No experiments yet">
          Choose an experiment and its points above and run it. Fig. 4 shows how storage grows with the number of containers; Fig. 5 how it falls as edge servers get more room.
          Each line is an algorithm; the dashed line is every container keeping its own copy of its layers. A trade-off sweep sets storage against start-up time and traffic cost
          and draws the placements no other beats on both.
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Saved experiments" className="rounded-lg border border-slate-200 bg-white">
            <h2 className="px-4 pt-3 text-sm font-semibold text-slate-700">Saved experiments</h2>
            <ul className="divide-y divide-slate-100">
              {experiments.map((e) => (
                <li key={e.id} data-testid="experiment-row" className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
                  <span>
                    <span className="font-medium">{KIND_LABELS[e.figure]}</span> ·{' '}
                    {e.figure !== 'tradeoff' && e.source === 'synthetic' ? `generated, ${e.params.servers} edge servers` : 'from this scenario'} · {e.status} · {e.pointsDone} of{' '}
                    {e.pointsTotal} solves · {new Date(e.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                  </span>
                  <button
                    type="button"
                    aria-pressed={e.id === selectedId}
                    onClick={() => setSelectedId(e.id)}
                    className={`rounded-md px-3 py-1 text-sm font-medium ${e.id === selectedId ? 'bg-blue-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
                  >
                    {e.id === selectedId ? 'Showing' : 'Show'}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {selected && <ExperimentView key={selected.id} scenarioId={scenarioId} experiment={selected} onChanged={() => void refresh()} />}
        </>
      )}
    </div>
  );
}
