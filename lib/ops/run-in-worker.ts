import { existsSync } from 'node:fs';

// Looked up at run time on purpose: a bundler that sees `new Worker(path)` tries to bundle the
// worker and, with a path known only at run time, traces the whole project. Worker entries are
// files on disk loaded by path, so there is nothing to bundle.
const WorkerThread = process.getBuiltinModule('node:worker_threads').Worker;

/** How a worker run ended. Never a rejection: the caller turns each into its own answer. */
export type WorkerOutcome<T> =
  | { kind: 'answer'; value: T }
  /** the signal was aborted, and the worker did not answer within `stopGraceMs` or exited */
  | { kind: 'cancelled' }
  /** no answer by `hardLimitMs`: the thread was terminated */
  | { kind: 'late' }
  | { kind: 'crashed'; message: string; outOfMemory: boolean }
  | { kind: 'exited'; code: number }
  | { kind: 'missing'; entry: string };

export type RunInWorkerOptions<M, T> = {
  /** path of the worker's entry file (an .mjs on disk) */
  entry: string;
  /** the one message posted to the worker; it sees the stop flag as an Int32Array on `stopBuffer` */
  request: (stopBuffer: SharedArrayBuffer) => unknown;
  /** reads each message: a value ends the run with that answer, undefined waits for more (progress) */
  onMessage: (message: M) => T | undefined;
  /** terminate the thread with no answer after this long */
  hardLimitMs: number;
  signal?: AbortSignal;
  /** after an abort, how long the worker has to answer (it polls the stop flag) before it is terminated */
  stopGraceMs?: number;
  /** V8 heap cap; beyond it the worker dies (`crashed`, outOfMemory) and this process carries on */
  memoryLimitMb?: number;
};

/**
 * Runs a long computation (a placement solve, an optimal routing) in a worker thread, so the
 * caller's event loop stays responsive, and turns every way it can end into an outcome: an
 * answer, a cancellation (a stop flag in shared memory, then termination if it is ignored), a
 * hard time limit, a crash, running out of memory, or exiting without an answer.
 */
export function runInWorker<M, T>(options: RunInWorkerOptions<M, T>): Promise<WorkerOutcome<T>> {
  if (options.signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
  if (!existsSync(/*turbopackIgnore: true*/ options.entry)) return Promise.resolve({ kind: 'missing', entry: options.entry });

  return new Promise<WorkerOutcome<T>>((resolve) => {
    const stopBuffer = new SharedArrayBuffer(4);
    const stop = new Int32Array(stopBuffer);
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const worker = new WorkerThread(options.entry, {
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? 4096 },
      stdout: false,
      stderr: false,
    });
    const finish = (outcome: WorkerOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(hardLimit);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const onAbort = () => {
      Atomics.store(stop, 0, 1);
      killTimer = setTimeout(() => finish({ kind: 'cancelled' }), options.stopGraceMs ?? 2000);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const hardLimit = setTimeout(() => finish({ kind: 'late' }), options.hardLimitMs);

    worker.on('message', (message: M) => {
      const value = options.onMessage(message);
      if (value !== undefined) finish({ kind: 'answer', value });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ kind: 'crashed', message: error.message, outOfMemory });
    });
    worker.on('exit', (code) => finish(options.signal?.aborted ? { kind: 'cancelled' } : { kind: 'exited', code }));
    worker.postMessage(options.request(stopBuffer));
  });
}
