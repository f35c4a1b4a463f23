import { availableParallelism } from 'node:os';
import path from 'node:path';
import { appRoot } from '../ops/app-root';
import { runInWorker } from '../ops/run-in-worker';
import type { TaskInput, TaskMessage, TaskName, TaskOutput, TaskRequest } from './worker-tasks';

/** A task running in a worker thread beside the caller. */
export type TaskRun<T> = {
  /**
   * The task's answer; null when there is none: no worker could be started (no entry file, no
   * worker threads), it crashed, ran out of memory, or missed its hard limit. Never rejects.
   */
  answer: Promise<T | null>;
  /** asks for the answer now: the task polls a stop flag and answers with what it has */
  stop: () => void;
  /** the latest value the task published in `slot` (0 before any), readable while this thread is busy */
  read: (slot: number) => number;
  /** writes a whole number into `slot` for the task to read (its `TaskContext.read`) */
  write: (slot: number, value: number) => void;
};

export type TaskRunOptions = {
  /** the worker is terminated without an answer after this long */
  hardLimitSec: number;
  /** after `stop`, how long the task has to answer before it is terminated */
  stopGraceSec?: number;
  /** shared slots the task may publish into (default 8) */
  slots?: number;
  /** path of task-worker-entry.mjs (default: $EDGESTACK_TASK_WORKER, else in <app root>/lib/placement) */
  entry?: string;
};

/** whether a task beside the calling thread would have a core of its own */
export function hasSpareCore(): boolean {
  return availableParallelism() > 1;
}

function defaultEntry(): string {
  return process.env.EDGESTACK_TASK_WORKER ?? [appRoot(), 'lib', 'placement', 'task-worker-entry.mjs'].join(path.sep);
}

/**
 * Runs a named task (worker-tasks.ts) in a worker thread, so that it uses a core the caller
 * leaves idle. Whatever goes wrong there, the caller gets null and carries on without it.
 */
export function runTaskInWorker<N extends TaskName>(task: N, input: TaskInput<N>, options: TaskRunOptions): TaskRun<TaskOutput<N>> {
  const stopping = new AbortController();
  const board = new SharedArrayBuffer(8 * Math.max(1, options.slots ?? 8));
  const slots = new BigInt64Array(board);
  let answer: Promise<TaskOutput<N> | null>;
  try {
    answer = runInWorker<TaskMessage, { value: TaskOutput<N> }>({
      entry: options.entry ?? defaultEntry(),
      request: (stopBuffer) => ({ task, input, stopBuffer, board }) satisfies TaskRequest,
      onMessage: (message) => (message.type === 'result' ? { value: message.value as TaskOutput<N> } : undefined),
      hardLimitMs: options.hardLimitSec * 1000,
      signal: stopping.signal,
      stopGraceMs: (options.stopGraceSec ?? 2) * 1000,
    }).then(
      (outcome) => (outcome.kind === 'answer' ? outcome.value.value : null),
      () => null,
    );
  } catch {
    // No worker threads here (a runtime without them): the caller runs without the task.
    answer = Promise.resolve(null);
  }
  return {
    answer,
    stop: () => stopping.abort(),
    read: (slot) => Number(Atomics.load(slots, slot)),
    write: (slot, value) => void Atomics.store(slots, slot, BigInt(Math.floor(value))),
  };
}
