import { parentPort } from 'node:worker_threads';
import { WORKER_TASKS, type TaskMessage, type TaskRequest } from './worker-tasks';

// The task blocks this thread for long stretches, so the stop flag and what the task publishes
// live in shared memory, which both threads read without waiting for the other's event loop.
async function run(request: TaskRequest): Promise<void> {
  const stop = new Int32Array(request.stopBuffer);
  const board = new BigInt64Array(request.board);
  const value = await WORKER_TASKS[request.task](request.input as never, {
    shouldStop: () => Atomics.load(stop, 0) === 1,
    publish: (slot, v) => void Atomics.store(board, slot, BigInt(Math.floor(v))),
    read: (slot) => Number(Atomics.load(board, slot)),
  });
  parentPort!.postMessage({ type: 'result', value } satisfies TaskMessage);
}

// A rejection is left to end the worker with an error, which the caller sees as no answer.
parentPort?.once('message', (request: TaskRequest) => void run(request));
