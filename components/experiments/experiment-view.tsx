'use client';

import { useState, useTransition } from 'react';
import { ProgressBar } from '@/components/placement/progress-bar';
import { IfRole } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { FieldErrors } from '@/components/ui/field';
import { cancelExperimentAction } from '@/lib/actions/experiment-actions';
import type { ExperimentView as Experiment } from '@/lib/experiments/list-experiments';
import { formatX, summarizeExperiment } from '@/lib/experiments/summarize-experiment';
import { formatBytes, formatMs, formatPercent } from '@/lib/format/format-units';
import { ALGORITHM_LABELS, RUN_STATUS_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import { ExperimentLineChart } from './experiment-line-chart';

const ACTIVE = new Set(['queued', 'running']);
const STATUS_TONE: Record<string, string> = {
  queued: 'bg-blue-100 text-blue-900',
  running: 'bg-blue-100 text-blue-900',
  done: 'bg-emerald-100 text-emerald-900',
  cancelled: 'bg-slate-200 text-slate-800',
  error: 'bg-red-100 text-red-900',
};

function describeParams(e: Experiment): string {
  const p = e.params;
  const where = e.source === 'synthetic' ? `Generated instances on ${p.servers} edge servers` : 'Instances derived from this scenario';
  const xs =
    e.figure === 'containers'
      ? `${p.containers.join(', ')} containers at capacity ×${p.capacityScales[0]}`
      : `${p.containers[0]} containers at capacity ×${p.capacityScales.join(', ×')}`;
  return `${where}: ${xs}; seed ${p.seed}; at most ${p.timeLimitSec} s per solve, ${p.engine === 'auto' ? 'automatic' : p.engine} engine.`;
}

export function ExperimentView({ scenarioId, experiment, onChanged }: { scenarioId: string; experiment: Experiment; onChanged: () => void }) {
  const [pending, startTransition] = useTransition();
  const [cancelError, setCancelError] = useState<string[] | undefined>();
  const summary = summarizeExperiment(experiment.figure, experiment.params.algorithms, experiment.points);
  const active = ACTIVE.has(experiment.status);
  const figureName = experiment.figure === 'containers' ? 'fig4' : 'fig5';
  const stem = `${figureName}-${experiment.id.slice(0, 8)}`;
  const xWord = experiment.figure === 'containers' ? 'number of containers' : 'capacity multiplier';

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
            {summary.title}
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

      <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-950" data-testid="experiment-takeaway">
        {summary.takeaway}
      </p>

      <div className="grid gap-4 xl:grid-cols-2">
        <ExperimentLineChart
          testId="cost-chart"
          title={`Storage needed for container images vs ${xWord}`}
          xLabel={summary.xLabel}
          yLabel="Storage cost (GiB)"
          yUnit="GiB"
          series={summary.cost.series}
          rows={summary.cost.rows}
          layered
          fileName={`${stem}-storage-cost.png`}
        />
        <ExperimentLineChart
          testId="runtime-chart"
          title={`Solve time vs ${xWord} (log scale)`}
          xLabel={summary.xLabel}
          yLabel="Solve time (s, log scale)"
          yUnit="s"
          series={summary.runtime.series}
          rows={summary.runtime.rows}
          log={summary.runtime.domain ? { domain: summary.runtime.domain } : null}
          fileName={`${stem}-solve-time.png`}
        />
      </div>

      {experiment.points.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Every solved point ({experiment.points.length})</summary>
          <div className="mt-3">
            <DataTable
              caption="Solved points of the experiment"
              rows={experiment.points}
              rowKey={(p) => `${p.x}-${p.algorithm}`}
              columns={[
                { header: experiment.figure === 'containers' ? 'Containers' : 'Capacity', cell: (p) => formatX(experiment.figure, p.x), align: 'right' },
                { header: 'Algorithm', cell: (p) => ALGORITHM_LABELS[p.algorithm as keyof typeof ALGORITHM_LABELS] ?? p.algorithm },
                { header: 'Status', cell: (p) => RUN_STATUS_LABELS[p.status] ?? p.status },
                { header: 'Cost', cell: (p) => formatBytes(p.cost), align: 'right' },
                { header: 'Without sharing', cell: (p) => formatBytes(p.noSharingCost), align: 'right' },
                { header: 'Saving', cell: (p) => (p.cost !== null && p.noSharingCost > 0 ? formatPercent(1 - p.cost / p.noSharingCost, 0) : '—'), align: 'right' },
                { header: 'Time', cell: (p) => formatMs(p.elapsedMs), align: 'right' },
              ]}
            />
          </div>
        </details>
      )}
    </section>
  );
}
