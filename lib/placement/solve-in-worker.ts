import path from 'node:path';
import { appRoot } from '@/lib/ops/app-root';
import { runInWorker } from '@/lib/ops/run-in-worker';
import { computeNoSharingCost } from './evaluate';
import type { WorkerMessage, WorkerRequest } from './placement-worker';
import { DEFAULT_ALGORITHM, DEFAULT_TIME_LIMIT_SEC, orderResultFields } from './solve-placement';
import type { PlacementProblem, PlacementResult, PlacementStatus, SolveOptions } from './types';

export type WorkerSolveOptions = SolveOptions & {
  /**
   * Path of worker-entry.mjs. Defaults to $EDGESTACK_PLACEMENT_WORKER, else
   * <cwd>/lib/placement/worker-entry.mjs: cwd is the repository root for the command line, the
   * tests and `next start`, whereas a bundled module's own URL is not a file in the repository.
   */
  workerEntry?: string;
  /** extra seconds past the time limit before an unresponsive worker is terminated */
  graceSec?: number;
  /** V8 heap cap for the worker; beyond it the worker dies and the result is `error` */
  memoryLimitMb?: number;
};

function defaultWorkerEntry(): string {
  return process.env.EDGESTACK_PLACEMENT_WORKER ?? [appRoot(), 'lib', 'placement', 'worker-entry.mjs'].join(path.sep);
}

/**
 * Solves in a worker thread so the caller's event loop stays responsive. Resolves (never
 * rejects) with a PlacementResult: a crash, an out-of-memory worker or a hung solver become
 * `error`/`timeout`/`cancelled` results and the calling process carries on.
 */
export function solveInWorker(problem: PlacementProblem, options: WorkerSolveOptions = {}): Promise<PlacementResult> {
  const started = performance.now();
  const timeLimitSec = options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC;
  const entry = options.workerEntry ?? defaultWorkerEntry();
  const failed = (status: PlacementStatus, message?: string): PlacementResult =>
    orderResultFields({
      status,
      algorithm: options.algorithm ?? DEFAULT_ALGORITHM,
      engine: null,
      objective: problem.objective,
      cost: options.algorithm === 'no-sharing' ? computeNoSharingCost(problem) : null,
      lowerBound: null,
      noSharingCost: computeNoSharingCost(problem),
      elapsedMs: Math.round(performance.now() - started),
      ...(message ? { message } : {}),
    });

  return runInWorker<WorkerMessage, PlacementResult>({
    entry,
    request: (stopBuffer) => {
      const { signal: _signal, onProgress: _onProgress, shouldStop: _shouldStop, workerEntry: _entry, graceSec: _grace, memoryLimitMb: _mem, ...plain } = options;
      return { type: 'solve', problem, options: { ...plain, timeLimitSec }, stopBuffer } satisfies WorkerRequest;
    },
    onMessage: (message) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') return message.result;
      return undefined;
    },
    hardLimitMs: (timeLimitSec + (options.graceSec ?? 10)) * 1000,
    signal: options.signal,
    memoryLimitMb: options.memoryLimitMb,
  }).then((outcome) => {
    switch (outcome.kind) {
      case 'answer':
        return outcome.value;
      case 'cancelled':
        return failed('cancelled');
      case 'late':
        return failed('timeout', 'the worker did not answer within the time limit and was stopped');
      case 'crashed':
        return failed('error', outcome.outOfMemory ? 'the solver ran out of memory' : `the solver worker crashed: ${outcome.message}`);
      case 'exited':
        return failed('error', `the solver worker exited (code ${outcome.code}) without an answer`);
      case 'missing':
        return failed('error', `placement worker not found at ${outcome.entry}`);
    }
  });
}
