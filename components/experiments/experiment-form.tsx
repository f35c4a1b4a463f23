'use client';

import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { IfRole, ReadOnlyNote } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { Field, FieldErrors } from '@/components/ui/field';
import { startExperimentAction } from '@/lib/actions/experiment-actions';
import type { ExperimentKind } from '@/lib/experiments/experiment-schema';
import { ALGORITHM_LABELS } from '@/lib/vocabulary/kinds-and-labels';

const ALGORITHMS = Object.keys(ALGORITHM_LABELS) as (keyof typeof ALGORITHM_LABELS)[];
const listCount = (text: string) => text.split(/[\s,;]+/).filter(Boolean).length;

/** Errors of list fields arrive per item ("containers.1"); show them at the field. */
function errorsFor(errors: Record<string, string[]>, ...names: string[]): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => names.some((name) => key === name || key.startsWith(`${name}.`)))
    .flatMap(([, messages]) => messages);
  return found.length ? [...new Set(found)] : undefined;
}

/** Why the scenario cannot answer an axis of a trade-off sweep (what to do), or null when it can. */
export type TradeoffNotes = { startup: string | null; traffic: string | null };

export function ExperimentForm({
  scenarioId,
  scenarioNote,
  tradeoffNotes,
  onStarted,
}: {
  scenarioId: string;
  scenarioNote: string | null;
  tradeoffNotes: TradeoffNotes;
  onStarted: (id: string) => void;
}) {
  const [state, formAction, pending] = useActionState(startExperimentAction, null);
  const [figure, setFigure] = useState<ExperimentKind>('containers');
  const [source, setSource] = useState<'synthetic' | 'scenario'>('synthetic');
  const [containers, setContainers] = useState('10, 20, 40, 80');
  const [capacityScales, setCapacityScales] = useState('0.6, 0.8, 1, 1.5, 2');
  const [algorithms, setAlgorithms] = useState<string[]>(['relax', 'greedy', 'kube-default', 'no-sharing']);
  const [timeLimit, setTimeLimit] = useState('10');
  // Every field is controlled: React resets uncontrolled ones after an action, and a second run
  // usually changes one parameter of the first.
  const [servers, setServers] = useState('10');
  const [capacityScale, setCapacityScale] = useState('1');
  const [containerCount, setContainerCount] = useState('40');
  const [seed, setSeed] = useState('1');
  const [engine, setEngine] = useState('auto');
  // An axis the scenario cannot answer starts empty, so the sweep runs the other one.
  const [startupWeights, setStartupWeights] = useState(tradeoffNotes.startup ? '' : '0, 1, 3, 10, 30, 100');
  const [trafficWeights, setTrafficWeights] = useState(tradeoffNotes.traffic ? '' : '0, 0.01, 0.1, 1, 10');

  useEffect(() => {
    if (state?.ok) onStarted(state.id);
  }, [state, onStarted]);

  // Sent from onSubmit rather than as the form's action: React resets a form after its action,
  // and the reset puts the controlled radios back to the first figure in the page while the
  // state (and the fields shown) keep the one chosen.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  const errors = state && !state.ok ? state.errors : {};
  const startupErrors = errorsFor(errors, 'startupWeights');
  const trafficErrors = errorsFor(errors, 'trafficWeights');
  const xCount = figure === 'containers' ? listCount(containers) : figure === 'capacity' ? listCount(capacityScales) : listCount(startupWeights) + listCount(trafficWeights);
  const solves = xCount * algorithms.length;
  const limit = Number(timeLimit);
  const worst = Number.isFinite(limit) && limit > 0 ? solves * limit : null;

  return (
    <form onSubmit={submit} noValidate className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="new-experiment-heading">
      <h2 id="new-experiment-heading" className="mb-3 text-sm font-semibold text-slate-700">
        New experiment
      </h2>
      <input type="hidden" name="scenarioId" value={scenarioId} />

      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">Experiment</legend>
        <label className="mr-4 inline-flex items-center gap-2 text-sm">
          <input type="radio" name="figure" value="containers" checked={figure === 'containers'} onChange={() => setFigure('containers')} />
          Fig. 4 — cost vs number of containers
        </label>
        <label className="mr-4 inline-flex items-center gap-2 text-sm">
          <input type="radio" name="figure" value="capacity" checked={figure === 'capacity'} onChange={() => setFigure('capacity')} />
          Fig. 5 — cost vs capacity multiplier
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="radio" name="figure" value="tradeoff" checked={figure === 'tradeoff'} onChange={() => setFigure('tradeoff')} />
          Trade-off sweep — storage against start-up time and traffic cost
        </label>
      </fieldset>

      {figure === 'tradeoff' ? (
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-medium text-slate-700">Weights</legend>
          <p className="mb-2 text-xs text-slate-500">
            This scenario’s placement problem is solved once per weight and algorithm, storage against one other term. A weight says how many MiB of storage one unit of the other
            term is worth; 0 is storage alone. Leave a list empty to skip that term.
          </p>
          <FieldErrors errors={errorsFor(errors, 'source')} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <div>
              <Field
                label="Start-up weights (MiB/s)"
                name="startupWeights"
                value={startupWeights}
                onChange={(e) => setStartupWeights(e.target.value)}
                hint="MiB of storage per second of start-up makespan, comma-separated (at most 20)."
                errors={startupErrors}
              />
              {tradeoffNotes.startup && !startupErrors && (
                <p className="-mt-2 mb-3 text-xs text-amber-800" data-testid="tradeoff-note-startup">
                  {tradeoffNotes.startup}
                </p>
              )}
            </div>
            <div>
              <Field
                label="Traffic weights (MiB per Mbit/s·ms)"
                name="trafficWeights"
                value={trafficWeights}
                onChange={(e) => setTrafficWeights(e.target.value)}
                hint="MiB of storage per Mbit/s·ms of traffic cost, comma-separated (at most 20)."
                errors={trafficErrors}
              />
              {tradeoffNotes.traffic && !trafficErrors && (
                <p className="-mt-2 mb-3 text-xs text-amber-800" data-testid="tradeoff-note-traffic">
                  {tradeoffNotes.traffic}
                </p>
              )}
            </div>
          </div>
        </fieldset>
      ) : (
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-medium text-slate-700">Instances</legend>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="source" value="synthetic" checked={source === 'synthetic'} onChange={() => setSource('synthetic')} />
            Generated in the paper’s shape
          </label>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name="source" value="scenario" checked={source === 'scenario'} onChange={() => setSource('scenario')} />
            Derived from this scenario
          </label>
          <p className="mt-1 text-xs text-slate-500">
            {source === 'synthetic'
              ? 'Shared OS and runtime layers under private application layers, with popular images replicated; edge servers of mixed sizes.'
              : (scenarioNote ?? 'Replicas of this scenario’s services, repeated to reach each count, on its edge servers; only utilisation caps are kept.')}
          </p>
          <FieldErrors errors={errorsFor(errors, 'source')} />
        </fieldset>
      )}

      <div className="grid gap-x-4 sm:grid-cols-2">
        {figure !== 'tradeoff' && source === 'synthetic' && (
          <Field
            label="Edge servers"
            name="servers"
            type="number"
            min={1}
            max={100}
            value={servers}
            onChange={(e) => setServers(e.target.value)}
            errors={errorsFor(errors, 'servers')}
          />
        )}
        {figure === 'containers' ? (
          <>
            <Field
              label="Container counts"
              name="containers"
              value={containers}
              onChange={(e) => setContainers(e.target.value)}
              hint="Comma-separated, one point per count (2–20 points)."
              errors={errorsFor(errors, 'containers')}
            />
            <Field
              label="Capacity multiplier (×)"
              name="capacityScale"
              inputMode="decimal"
              value={capacityScale}
              onChange={(e) => setCapacityScale(e.target.value)}
              errors={errorsFor(errors, 'capacityScales')}
            />
          </>
        ) : figure === 'capacity' ? (
          <>
            <Field
              label="Containers"
              name="containerCount"
              type="number"
              min={1}
              max={2000}
              value={containerCount}
              onChange={(e) => setContainerCount(e.target.value)}
              errors={errorsFor(errors, 'containers')}
            />
            <Field
              label="Capacity multipliers (×)"
              name="capacityScales"
              value={capacityScales}
              onChange={(e) => setCapacityScales(e.target.value)}
              hint="Comma-separated; 1 is each edge server’s base capacity."
              errors={errorsFor(errors, 'capacityScales')}
            />
          </>
        ) : null}
        <Field
          label="Time limit per solve (s)"
          name="timeLimitSec"
          type="number"
          min={1}
          max={300}
          value={timeLimit}
          onChange={(e) => setTimeLimit(e.target.value)}
          errors={errorsFor(errors, 'timeLimitSec')}
        />
        <Field
          label="Seed"
          name="seed"
          type="number"
          min={0}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          hint={figure === 'tradeoff' ? 'Same seed, same randomised choices.' : 'Same seed, same instances.'}
          errors={errorsFor(errors, 'seed')}
        />
      </div>

      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">Algorithms</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ALGORITHMS.map((a) => (
            <label key={a} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="algorithms"
                value={a}
                checked={algorithms.includes(a)}
                onChange={() => setAlgorithms((current) => (current.includes(a) ? current.filter((x) => x !== a) : [...current, a]))}
              />
              {ALGORITHM_LABELS[a]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">
          {figure === 'tradeoff'
            ? 'No sharing is drawn as the reference point, apart from the front; weights change nothing for the Kubernetes default scheduler.'
            : 'The no-sharing line is always drawn: it is defined at every point whatever runs.'}
        </p>
        <FieldErrors errors={errorsFor(errors, 'algorithms')} />
      </fieldset>

      <div className="mb-3">
        <label htmlFor="field-engine" className="mb-1 block text-sm font-medium text-slate-700">
          Solver engine (exact and relaxation)
        </label>
        <select id="field-engine" name="engine" value={engine} onChange={(e) => setEngine(e.target.value)} className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm">
          <option value="auto">automatic</option>
          <option value="highs">HiGHS</option>
          <option value="glpk">GLPK</option>
        </select>
      </div>

      <FieldErrors errors={errors._form} />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <IfRole min="planner" fallback={<ReadOnlyNote min="planner" what="Running an experiment" />}>
          <Button type="submit" variant="primary" disabled={pending} data-testid="experiment-start">
            {pending ? 'Starting…' : 'Run experiment'}
          </Button>
        </IfRole>
        <p className="text-xs text-slate-500">
          {solves} {solves === 1 ? 'solve' : 'solves'}
          {worst !== null ? `, at most ${formatDuration(worst)} in all` : ''}; it keeps running if you leave the page.
        </p>
      </div>
    </form>
  );
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}
