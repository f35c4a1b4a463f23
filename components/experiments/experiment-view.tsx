'use client';

import { useState, useTransition, type ReactNode } from 'react';
import { ProgressBar } from '@/components/placement/progress-bar';
import { IfRole } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { cancelExperimentAction } from '@/lib/actions/experiment-actions';
import type { ExperimentView as Experiment } from '@/lib/experiments/list-experiments';
import { summarizeExperiment } from '@/lib/experiments/summarize-experiment';
import { formatWeight, summarizeTradeoff, titleTradeoff } from '@/lib/experiments/summarize-tradeoff';
import { FigureCharts } from './figure-charts';
import { TradeoffCharts } from './tradeoff-charts';

const ACTIVE = new Set(['queued', 'running']);
const STATUS_TONE: Record<string, string> = {
  queued: 'bg-blue-100 text-blue-900',
  running: 'bg-blue-100 text-blue-900',
  done: 'bg-emerald-100 text-emerald-900',
  cancelled: 'bg-slate-200 text-slate-800',
  error: 'bg-red-100 text-red-900',
};

function describeParams(e: Experiment): string {
  if (e.figure === 'tradeoff') {
    const p = e.params;
    const lists = [
      p.startupWeights.length ? `start-up at ${p.startupWeights.map((w) => formatWeight('startup', w)).join(', ')}` : null,
      p.trafficWeights.length ? `traffic at ${p.trafficWeights.map((w) => formatWeight('traffic', w)).join(', ')}` : null,
    ].filter(Boolean);
    return `This scenario’s placement problem, solved per weight: ${lists.join('; ')}; seed ${p.seed}; at most ${p.timeLimitSec} s per solve, ${p.engine === 'auto' ? 'automatic' : p.engine} engine.`;
  }
  const p = e.params;
  const where = e.source === 'synthetic' ? `Generated instances on ${p.servers} edge servers` : 'Instances derived from this scenario';
  const xs =
    e.figure === 'containers'
      ? `${p.containers.join(', ')} containers at capacity ×${p.capacityScales[0]}`
      : `${p.containers[0]} containers at capacity ×${p.capacityScales.join(', ×')}`;
  return `${where}: ${xs}; seed ${p.seed}; at most ${p.timeLimitSec} s per solve, ${p.engine === 'auto' ? 'automatic' : p.engine} engine.`;
}

/** The title, takeaway sentences and charts of an experiment, by its kind. */
function describeResults(experiment: Experiment): { title: string; takeaways: string[]; charts: ReactNode } {
  const stem = `${{ containers: 'fig4', capacity: 'fig5', tradeoff: 'tradeoff' }[experiment.figure]}-${experiment.id.slice(0, 8)}`;
  if (experiment.figure === 'tradeoff') {
    const axes = summarizeTradeoff(experiment.params, experiment.points);
    return {
      title: titleTradeoff(axes.map((a) => a.axis)),
      takeaways: axes.map((a) => a.takeaway),
      charts: <TradeoffCharts summaries={axes} points={experiment.points} stem={stem} />,
    };
  }
  const summary = summarizeExperiment(experiment.figure, experiment.params.algorithms, experiment.points);
  return { title: summary.title, takeaways: [summary.takeaway], charts: <FigureCharts figure={experiment.figure} summary={summary} points={experiment.points} stem={stem} /> };
}

export function ExperimentView({ scenarioId, experiment, onChanged }: { scenarioId: string; experiment: Experiment; onChanged: () => void }) {
  const [pending, startTransition] = useTransition();
  const [cancelError, setCancelError] = useState<string[] | undefined>();
  const { title, takeaways, charts } = describeResults(experiment);
  const active = ACTIVE.has(experiment.status);

  const cancel = () =>
    startTransition(async () => {
      const result = await cancelExperimentAction(scenarioId, experiment.id);
      setCancelError(result.ok ? undefined : Object.values(result.errors).flat());
      onChanged();
    });

  return (
    <section aria-labelledby="experiment-heading" className="space-y-4" data-testid="experiment-view" data-figure={experiment.figure}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="experiment-heading" className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-slate-600">{describeParams(experiment)}</p>
        </div>
        <div className="flex items-center gap-2">
          <span data-testid="experiment-status" className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[experiment.status] ?? ''}`}>
            {experiment.status === 'running' && experiment.cancelRequested ? 'cancelling' : experiment.status}
          </span>
          <a
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            href={`/api/scenarios/${scenarioId}/experiments/${experiment.id}/csv`}
            download
          >
            Download CSV
          </a>
        </div>
      </div>

      {active && (
        <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="experiment-progress">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
            <span>{experiment.status === 'queued' ? 'Waiting for a solver worker…' : `${experiment.pointsDone} of ${experiment.pointsTotal} solves done`}</span>
            <IfRole min="planner">
              <Button variant="danger" onClick={cancel} disabled={pending || experiment.cancelRequested}>
                {experiment.cancelRequested ? 'Cancelling…' : 'Cancel experiment'}
              </Button>
            </IfRole>
          </div>
          <ProgressBar value={experiment.pointsDone} max={experiment.pointsTotal} label="Experiment progress (solves done)" />
          <FieldErrors errors={cancelError} />
        </div>
      )}
      {experiment.message && <p className={`text-sm ${experiment.status === 'error' ? 'text-red-700' : 'text-slate-600'}`}>{experiment.message}</p>}

      <div className="space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-950" data-testid="experiment-takeaway">
        {takeaways.map((takeaway) => (
          <p key={takeaway}>{takeaway}</p>
        ))}
      </div>

      {charts}
    </section>
  );
}
