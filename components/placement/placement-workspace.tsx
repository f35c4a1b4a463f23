'use client';

import Link from 'next/link';
import { useActionState, useCallback, useEffect, useState, useTransition } from 'react';
import { IfRole, ReadOnlyNote, useMayAct } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { cancelPlacementRunAction, startPlacementRunsAction } from '@/lib/actions/placement-actions';
import { formatBytes, formatMs, formatPercent } from '@/lib/format/format-units';
import { ALGORITHM_LABELS, RUN_STATUS_LABELS } from '@/lib/vocabulary/kinds-and-labels';
import { compareRuns } from '@/lib/placement-runs/compare-runs';
import type { RunSummary } from '@/lib/placement-runs/list-placement-runs';
import { describeStoredWeights } from '@/lib/placement-runs/objective-weights';
import { ObjectiveEditor } from './objective-editor';
import { ProgressBar } from './progress-bar';

type Summary = { containers: number; edgeServers: number; layers: number; policies: number } | null;

type Algorithm = keyof typeof ALGORITHM_LABELS;
const ALGORITHMS = Object.keys(ALGORITHM_LABELS) as Algorithm[];
// Typed as every algorithm, not the narrowed "all but exact" that filter infers: the checkboxes add it back.
const DEFAULT_ALGORITHMS: Algorithm[] = ALGORITHMS.filter((a) => a !== 'exact');
const ACTIVE = new Set(['queued', 'running']);

function statusTone(status: string) {
  if (status === 'optimal' || status === 'feasible') return 'bg-emerald-100 text-emerald-900';
  if (ACTIVE.has(status)) return 'bg-blue-100 text-blue-900';
  if (status === 'cancelled') return 'bg-slate-200 text-slate-800';
  return 'bg-amber-100 text-amber-900';
}

export function PlacementWorkspace({
  scenarioId,
  initialRuns,
  summary,
  blocked,
  missingServices,
  appliedRun,
}: {
  scenarioId: string;
  initialRuns: RunSummary[];
  summary: Summary;
  blocked: string | null;
  missingServices: { name: string; imageRef: string }[];
  /** the scenario's applied run, which Re-plan starts from */
  appliedRun: { id: string; algorithm: string } | null;
}) {
  const [runs, setRuns] = useState(initialRuns);
  const [now, setNow] = useState(() => Date.now());
  // Controlled, so the choices survive the form reset that follows every submitted action.
  const [choice, setChoice] = useState({ algorithms: DEFAULT_ALGORITHMS, engine: 'auto', objective: 'storage', timeLimitSec: '30' });
  const [, startTransition] = useTransition();
  const active = runs.some((r) => ACTIVE.has(r.status));

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/scenarios/${scenarioId}/placement-runs`, { cache: 'no-store' });
    if (response.ok) setRuns(((await response.json()) as { runs: RunSummary[] }).runs);
  }, [scenarioId]);

  // The new runs are listed as part of the action, not by an effect reacting to its result.
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await startPlacementRunsAction(previous, form);
    if (result.ok) await refresh();
    return result;
  }, null);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      void refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, refresh]);

  const latest = runs[0];
  const comparison = compareRuns(runs);
  const weightedColumn = comparison.some((c) => c.run.weighted);
  const errors = state && !state.ok ? state.errors : {};

  return (
    <div className="space-y-8">
      <section aria-labelledby="problem-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="problem-heading" className="text-sm font-semibold text-slate-700">
              The problem
            </h2>
            {summary ? (
              <p className="text-sm text-slate-600">
                {summary.containers} containers (every replica of every service) on {summary.edgeServers} edge servers, {summary.layers} distinct layers, {summary.policies} policy
                constraints.
              </p>
            ) : (
              <p role="alert" className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="placement-blocked">
                {blocked}
              </p>
            )}
            {missingServices.length > 0 && (
              <p className="mt-1 text-sm text-slate-600">
                Import the image manifests on the{' '}
                <Link className="text-blue-700 underline" href="/images">
                  Images
                </Link>{' '}
                page, then come back.
              </p>
            )}
          </div>
          {summary && (
            <a className="text-sm text-blue-700 hover:underline" href={`/api/scenarios/${scenarioId}/placement-problem`} download>
              Download problem JSON
            </a>
          )}
        </div>

        <form action={formAction} className="mt-4 grid gap-4 md:grid-cols-[2fr_1fr_1fr_1fr_auto] md:items-end">
          <input type="hidden" name="scenarioId" value={scenarioId} />
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Algorithms</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {ALGORITHMS.map((a) => (
                <label key={a} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    name="algorithms"
                    value={a}
                    checked={choice.algorithms.includes(a)}
                    onChange={(e) => setChoice((c) => ({ ...c, algorithms: e.target.checked ? [...c.algorithms, a] : c.algorithms.filter((x) => x !== a) }))}
                  />
                  {ALGORITHM_LABELS[a]}
                </label>
              ))}
            </div>
            <FieldErrors errors={errors.algorithms} />
          </fieldset>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">LP/MIP engine</span>
            <select
              name="engine"
              value={choice.engine}
              onChange={(e) => setChoice((c) => ({ ...c, engine: e.target.value }))}
              className="w-full rounded-md border border-slate-300 px-2 py-1.5"
            >
              <option value="auto">auto (by benchmark)</option>
              <option value="highs">HiGHS</option>
              <option value="glpk">GLPK</option>
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">Objective</span>
            <select
              name="objective"
              value={choice.objective}
              onChange={(e) => setChoice((c) => ({ ...c, objective: e.target.value }))}
              className="w-full rounded-md border border-slate-300 px-2 py-1.5"
            >
              <option value="storage">storage (bytes stored)</option>
              <option value="download">download (bytes pulled)</option>
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">Time limit (s)</span>
            <input
              name="timeLimitSec"
              type="number"
              min={1}
              max={600}
              step={1}
              value={choice.timeLimitSec}
              onChange={(e) => setChoice((c) => ({ ...c, timeLimitSec: e.target.value }))}
              className="w-full rounded-md border border-slate-300 px-2 py-1.5"
            />
            <FieldErrors errors={errors.timeLimitSec} />
          </label>
          <IfRole min="planner" fallback={<ReadOnlyNote min="planner" what="Starting a run" />}>
            <Button type="submit" variant="primary" data-testid="run-start" disabled={pending || !summary}>
              {pending ? 'Starting…' : 'Start'}
            </Button>
          </IfRole>
          <div className="md:col-span-5">
            <ObjectiveEditor scenarioId={scenarioId} errors={errors} />
          </div>
          <div className="md:col-span-5">
            <ReplanControl appliedRun={appliedRun} pending={pending} disabled={!summary} />
            <FieldErrors errors={errors.replan} />
          </div>
          <div className="md:col-span-5">
            <FieldErrors errors={[...(errors._form ?? []), ...(errors.engine ?? []), ...(errors.objective ?? [])]} />
          </div>
        </form>
      </section>

      {latest && (
        <section aria-labelledby="latest-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="latest-heading" className="mb-2 text-sm font-semibold text-slate-700">
            Latest run
          </h2>
          <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
            <div>
              <dt className="text-slate-500">Algorithm</dt>
              <dd>{ALGORITHM_LABELS[latest.algorithm as keyof typeof ALGORITHM_LABELS] ?? latest.algorithm}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <span data-testid="run-status" className={`rounded px-1.5 py-0.5 ${statusTone(latest.status)}`}>
                  {latest.status}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Storage cost</dt>
              <dd>{formatBytes(latest.costBytes ?? latest.progress?.incumbentCost ?? null)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">No-sharing cost</dt>
              <dd data-testid="no-sharing-cost">{formatBytes(latest.noSharingBytes)}</dd>
            </div>
            {latest.weighted && (
              <div>
                <dt className="text-slate-500">Weighted total (bytes-equivalent)</dt>
                <dd data-testid="weighted-cost">{formatBytes(latest.weighted.cost)}</dd>
              </div>
            )}
          </dl>
        </section>
      )}

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-2 text-sm font-semibold text-slate-700">
          Runs
        </h2>
        {runs.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
            No runs yet. Choose algorithms above and press Start: runs are queued, solved off the web server&rsquo;s thread, and keep going if you close this tab.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="run-list">
            {runs.map((run) => (
              <RunRow key={run.id} run={run} now={now} onCancel={() => startTransition(async () => void (await cancelPlacementRunAction(run.id), await refresh()))} />
            ))}
          </ul>
        )}
      </section>

      {comparison.length > 0 && (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading" className="mb-2 text-sm font-semibold text-slate-700">
            Comparison (latest finished run of each algorithm)
          </h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="comparison-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
                <tr>
                  <th className="px-3 py-2">Algorithm</th>
                  <th className="px-3 py-2">Status</th>
                  <th className="px-3 py-2 text-right">Storage cost</th>
                  {weightedColumn && <th className="px-3 py-2 text-right">Weighted total</th>}
                  <th className="px-3 py-2 text-right">Saving vs no sharing</th>
                  <th className="px-3 py-2 text-right">Saving vs Kubernetes</th>
                  <th className="px-3 py-2 text-right">Gap to bound</th>
                  <th className="px-3 py-2 text-right">Time</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {comparison.map(({ run, cost, weightedCost, savingVsNoSharing, savingVsKube, gap }) => (
                  <tr key={run.id}>
                    <td className="px-3 py-2">
                      <Link className="text-blue-700 hover:underline" href={`/placement/runs/${run.id}`}>
                        {ALGORITHM_LABELS[run.algorithm as keyof typeof ALGORITHM_LABELS] ?? run.algorithm}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{RUN_STATUS_LABELS[run.status] ?? run.status}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatBytes(cost)}</td>
                    {weightedColumn && <td className="px-3 py-2 text-right tabular-nums">{weightedCost === null ? '—' : formatBytes(weightedCost)}</td>}
                    <td className="px-3 py-2 text-right tabular-nums">{savingVsNoSharing === null ? '—' : formatPercent(savingVsNoSharing)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{savingVsKube === null ? '—' : formatPercent(savingVsKube)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{gap === null ? '—' : formatPercent(gap, 2)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{run.elapsedMs === null ? '—' : formatMs(run.elapsedMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

function RunRow({ run, now, onCancel }: { run: RunSummary; now: number; onCancel: () => void }) {
  const mayCancel = useMayAct('planner');
  const started = run.startedAt ? Date.parse(run.startedAt) : null;
  const elapsedMs = run.status === 'running' && started ? Math.max(run.progress?.elapsedMs ?? 0, now - started) : (run.elapsedMs ?? 0);
  const incumbent = run.costBytes ?? run.progress?.incumbentCost ?? null;
  const bound = run.lowerBoundBytes ?? run.progress?.bound ?? null;
  const gap = incumbent !== null && bound !== null && incumbent > 0 ? Math.max(0, (incumbent - bound) / incumbent) : null;
  const label = ALGORITHM_LABELS[run.algorithm as keyof typeof ALGORITHM_LABELS] ?? run.algorithm;
  return (
    <li className="grid gap-2 px-4 py-3 md:grid-cols-[14rem_8rem_1fr_auto] md:items-center" data-testid="run-row" data-status={run.status}>
      <div>
        <Link href={`/placement/runs/${run.id}`} className="font-medium text-blue-700 hover:underline">
          {label}
        </Link>
        <p className="text-xs text-slate-500">
          {run.engineUsed ?? run.engine} · {run.objective} · limit {run.timeLimitSec} s{run.applied ? ' · applied' : ''}
          {run.replan && (
            <span className="ml-1 rounded bg-violet-100 px-1 text-violet-900" data-testid="run-replan">
              re-plan
            </span>
          )}
        </p>
        {run.weights && (
          <p className="text-xs text-slate-500" data-testid="run-weights">
            {describeStoredWeights(run.weights)}
          </p>
        )}
      </div>
      <span className={`w-fit rounded px-1.5 py-0.5 text-xs ${statusTone(run.status)}`}>{RUN_STATUS_LABELS[run.status] ?? run.status}</span>
      <div className="min-w-0 text-sm">
        {run.status === 'running' ? (
          <>
            <ProgressBar value={elapsedMs / 1000} max={run.timeLimitSec} label={`${label}: ${formatMs(elapsedMs)} of ${run.timeLimitSec} s`} />
            <p className="mt-1 text-xs text-slate-600">
              {formatMs(elapsedMs)} of {run.timeLimitSec} s · best so far {formatBytes(incumbent)} · lower bound {formatBytes(bound)}
              {gap !== null && ` · gap ${formatPercent(gap, 2)}`}
              {run.progress?.phase && ` · ${run.progress.phase}`}
            </p>
          </>
        ) : run.status === 'queued' ? (
          <p className="text-xs text-slate-600">Waiting for a solver worker…</p>
        ) : (
          <p className="text-xs text-slate-600">
            {incumbent !== null && (run.status === 'optimal' || run.status === 'feasible') ? `cost ${formatBytes(incumbent)} · ` : ''}
            {run.weighted?.cost !== null && run.weighted?.cost !== undefined ? `weighted total ${formatBytes(run.weighted.cost)} · ` : ''}
            {bound !== null ? `lower bound ${formatBytes(bound)} · ` : ''}
            {run.elapsedMs !== null ? formatMs(run.elapsedMs) : ''}
            {run.message ? ` · ${run.message}` : ''}
          </p>
        )}
      </div>
      <div>
        {ACTIVE.has(run.status) && mayCancel && (
          <Button onClick={onCancel} disabled={run.cancelRequested} aria-label={`Cancel ${label}`}>
            {run.cancelRequested ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
      </div>
    </li>
  );
}

/** Re-plan: the applied placement, moved as little as the objective allows to fit the scenario as it is now. */
function ReplanControl({ appliedRun, pending, disabled }: { appliedRun: { id: string; algorithm: string } | null; pending: boolean; disabled: boolean }) {
  if (!appliedRun) {
    return <p className="text-sm text-slate-500">Re-plan needs an applied placement: run one, open it and apply it, then come back after the scenario changes.</p>;
  }
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-violet-200 bg-violet-50 p-3">
      <p className="min-w-0 flex-1 text-sm text-slate-700">
        Re-plan solves the scenario as it is now against the applied placement (the{' '}
        <Link className="text-blue-700 underline" href={`/placement/runs/${appliedRun.id}`}>
          {ALGORITHM_LABELS[appliedRun.algorithm as Algorithm] ?? appliedRun.algorithm} run
        </Link>
        ): it keeps what still fits and moves as few replicas as the objective allows. The re-plan&rsquo;s page lists the moves and what they cost before you apply it.
      </p>
      <IfRole min="planner" fallback={<ReadOnlyNote min="planner" what="Re-planning" />}>
        <Button type="submit" name="replan" value="true" data-testid="run-replan" disabled={pending || disabled}>
          Re-plan
        </Button>
      </IfRole>
    </div>
  );
}
