import { runColumnBoundTask } from './algorithms/column-bound-task';
import { runHubSplitTask } from './algorithms/hub-split-task';

/** What a task running in a worker thread gets from the thread that started it. */
export type TaskContext = {
  /** the caller asked for an answer now: stop and answer with what is in hand */
  shouldStop: () => boolean;
  /** writes a whole number (up to 2^63) into a shared slot the caller can read while it is busy */
  publish: (slot: number, value: number) => void;
  /** the latest whole number in a shared slot, written by either side (the caller through `TaskRun.write`) */
  read: (slot: number) => number;
};

/**
 * The tasks a worker thread can run (task-worker-entry.mjs), by name: the caller names one and
 * passes its input, which is copied into the worker (structured clone), so inputs and answers
 * are plain data: no functions, no class instances.
 */
export const WORKER_TASKS = {
  'column-bound': runColumnBoundTask,
  'hub-split': runHubSplitTask,
} satisfies Record<string, (input: never, ctx: TaskContext) => Promise<unknown>>;

export type TaskName = keyof typeof WORKER_TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof WORKER_TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof WORKER_TASKS)[N]>>;

export type TaskRequest = {
  task: TaskName;
  input: unknown;
  /** Int32Array over it: [0] = 1 once the caller wants the answer now */
  stopBuffer: SharedArrayBuffer;
  /** BigInt64Array over it: the slots the task publishes into */
  board: SharedArrayBuffer;
};

export type TaskMessage = { type: 'result'; value: unknown };
