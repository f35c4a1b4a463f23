import path from 'node:path';
import { appRoot } from '@/lib/ops/app-root';
import { runInWorker } from '@/lib/ops/run-in-worker';
import type { ControlInput } from './control-input-schema';
import { assembleControlPlan } from './assemble-control-plan';
import { prepareControl } from './prepare-control';
import { routeDemandsGreedy } from './route-demands';
import { DEFAULT_K, DEFAULT_OPTIMAL_TIME_LIMIT_SEC, routeDemandsOptimal } from './route-demands-optimal';
import type { ControlOptions, ControlPlan, OptimalReport } from './types';

/** The greedy plan, computed on the calling thread (fast: no LP). */
export function computeGreedyControlPlan(input: ControlInput, options: ControlOptions = {}): ControlPlan {
  const started = performance.now();
  const prepared = prepareControl(input);
  return assembleControlPlan(prepared, routeDemandsGreedy(prepared.network, prepared.demands, prepared.vnfHost), 'greedy', options, started);
}

/** The optimal-mode plan on the calling thread; the worker runs this. */
export async function computeOptimalControlPlanHere(input: ControlInput, options: ControlOptions = {}, shouldStop?: () => boolean): Promise<ControlPlan> {
  const started = performance.now();
  const prepared = prepareControl(input);
  const result = await routeDemandsOptimal(prepared, { k: options.k, timeLimitSec: options.timeLimitSec, shouldStop });
  const plan = assembleControlPlan(prepared, result.routing, result.keptGreedy ? 'greedy' : 'optimal', options, started, result.report);
  if (result.keptGreedy && result.report.message) plan.warnings.push({ code: 'optimal-fallback', message: result.report.message });
  return plan;
}

export type ControlWorkerRequest = {
  type: 'compute';
  input: ControlInput;
  options: Omit<ControlOptions, 'signal'>;
  /** Int32Array over this buffer: [0] = 1 once the caller cancels */
  stopBuffer: SharedArrayBuffer;
};
export type ControlWorkerMessage = { type: 'plan'; plan: ControlPlan } | { type: 'failed'; message: string };

/** Path of control-worker-entry.mjs: $EDGESTACK_CONTROL_WORKER, else under the application's directory (appRoot()). */
function defaultControlWorkerEntry(): string {
  return process.env.EDGESTACK_CONTROL_WORKER ?? [appRoot(), 'lib', 'control', 'control-worker-entry.mjs'].join(path.sep);
}

/**
 * Computes the control plan. Greedy runs here; `optimal` runs the LP in a worker thread with a
 * time limit and cancellation through `signal`. A failed, cancelled or late optimal run still
 * resolves, with the greedy plan and `optimal.status` saying what happened.
 */
export async function computeControlPlan(input: ControlInput, options: ControlOptions & { workerEntry?: string } = {}): Promise<ControlPlan> {
  if (!options.optimal) return computeGreedyControlPlan(input, options);
  const started = performance.now();
  const timeLimitSec = options.timeLimitSec ?? DEFAULT_OPTIMAL_TIME_LIMIT_SEC;
  const fallback = (status: OptimalReport['status'], message: string): ControlPlan => {
    const plan = computeGreedyControlPlan(input, options);
    plan.optimal = {
      status,
      k: options.k ?? DEFAULT_K,
      lpMaxUtilisationPct: null,
      greedyMaxUtilisationPct: plan.summary.maxUtilisationPct,
      elapsedMs: Math.round(performance.now() - started),
      message,
    };
    plan.warnings.push({ code: 'optimal-fallback', message });
    return plan;
  };
  const cancelled = 'the optimal routing was cancelled; the greedy routes stand';
  const entry = options.workerEntry ?? defaultControlWorkerEntry();
  const outcome = await runInWorker<ControlWorkerMessage, ControlWorkerMessage>({
    entry,
    request: (stopBuffer) => {
      const { signal: _signal, workerEntry: _entry, ...plain } = options;
      return { type: 'compute', input, options: { ...plain, timeLimitSec }, stopBuffer } satisfies ControlWorkerRequest;
    },
    onMessage: (message) => message,
    hardLimitMs: (timeLimitSec + 10) * 1000,
    signal: options.signal,
  });
  switch (outcome.kind) {
    case 'answer':
      return outcome.value.type === 'plan' ? outcome.value.plan : fallback('error', `the optimal routing failed: ${outcome.value.message}; the greedy routes stand`);
    case 'cancelled':
      return fallback('cancelled', cancelled);
    case 'late':
      return fallback('time-limit', `the optimal routing did not answer within ${timeLimitSec} s and was stopped; the greedy routes stand`);
    case 'crashed':
      return fallback('error', outcome.outOfMemory ? 'the optimal routing ran out of memory; the greedy routes stand' : `the control worker crashed: ${outcome.message}`);
    case 'exited':
      return fallback('error', `the control worker exited (code ${outcome.code}) without an answer`);
    case 'missing':
      return fallback('error', `control worker not found at ${outcome.entry}; the greedy routes stand`);
  }
}
