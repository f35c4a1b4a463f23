import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { setAppRoot } from '../ops/app-root';
import { solvePlacement } from './solve-placement';
import type { PlacementProblem, PlacementProgress, SolveOptions } from './types';

export type WorkerRequest = {
  type: 'solve';
  problem: PlacementProblem;
  options: Omit<SolveOptions, 'signal' | 'onProgress' | 'shouldStop'>;
  /** Int32Array over this buffer: [0] = 1 once the caller cancels */
  stopBuffer: SharedArrayBuffer;
};

export type WorkerMessage = { type: 'progress'; progress: PlacementProgress } | { type: 'result'; result: Awaited<ReturnType<typeof solvePlacement>> };

const PROGRESS_INTERVAL_MS = 200;

// This thread starts with its own module state: the command line's app root (set from its own
// location) is not known here, and the worker a solve starts for itself (run-task-in-worker.ts)
// is found from it. This file is loaded from disk, so its location is the repository's.
setAppRoot(path.resolve(import.meta.dirname, '..', '..'));

// The solver blocks this thread for long stretches, so cancellation arrives through shared
// memory (polled from the solver's callbacks) rather than through a message.
async function solve(request: WorkerRequest): Promise<void> {
  const stop = new Int32Array(request.stopBuffer);
  let lastProgress = 0;
  const result = await solvePlacement(request.problem, {
    ...request.options,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (progress) => {
      const now = performance.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      parentPort!.postMessage({ type: 'progress', progress } satisfies WorkerMessage);
    },
  });
  parentPort!.postMessage({ type: 'result', result } satisfies WorkerMessage);
}

// A rejection is left to end the worker with an error, which solveInWorker reports as a crash.
parentPort?.once('message', (request: WorkerRequest) => void solve(request));
