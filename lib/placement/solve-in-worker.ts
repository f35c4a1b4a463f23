import { existsSync } from 'node:fs';
import path from 'node:path';
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

// Looked up at run time on purpose: a bundler that sees `new Worker(path)` tries to bundle
// the worker and, with a path known only at run time, traces the whole project. The worker is a
// file on disk loaded by path (see worker-entry.mjs), so there is nothing to bundle.
const SolverThread = process.getBuiltinModule('node:worker_threads').Worker;

export function defaultWorkerEntry(): string {
  return process.env.EDGESTACK_PLACEMENT_WORKER ?? [process.cwd(), 'lib', 'placement', 'worker-entry.mjs'].join(path.sep);
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
  const failed = (status: PlacementStatus, message?: string): PlacementResult => orderResultFields({
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

  if (options.signal?.aborted) return Promise.resolve(failed('cancelled'));
  if (!existsSync(/*turbopackIgnore: true*/ entry)) return Promise.resolve(failed('error', `placement worker not found at ${entry}`));

  return new Promise<PlacementResult>((resolve) => {
    const stopBuffer = new SharedArrayBuffer(4);
    const stop = new Int32Array(stopBuffer);
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const worker = new SolverThread(entry, {
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? 4096 },
      stdout: false,
      stderr: false,
    });
    const finish = (result: PlacementResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(hardLimit);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(result);
    };
    const onAbort = () => {
      Atomics.store(stop, 0, 1);
      // The solver polls the flag from its callbacks; if it does not answer soon, stop the thread.
      killTimer = setTimeout(() => finish(failed('cancelled')), 2000);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const hardLimit = setTimeout(
      () => finish(failed('timeout', 'the worker did not answer within the time limit and was stopped')),
      (timeLimitSec + (options.graceSec ?? 10)) * 1000,
    );

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') finish(message.result);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const oom = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(failed('error', oom ? 'the solver ran out of memory' : `the solver worker crashed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (options.signal?.aborted) finish(failed('cancelled'));
      else finish(failed('error', `the solver worker exited (code ${code}) without an answer`));
    });

    const { signal: _signal, onProgress: _onProgress, shouldStop: _shouldStop, workerEntry: _entry, graceSec: _grace, memoryLimitMb: _mem, ...plain } = options;
    const request: WorkerRequest = { type: 'solve', problem, options: { ...plain, timeLimitSec }, stopBuffer };
    worker.postMessage(request);
  });
}
