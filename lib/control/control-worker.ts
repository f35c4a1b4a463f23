import { parentPort } from 'node:worker_threads';
import { computeOptimalControlPlanHere, type ControlWorkerMessage, type ControlWorkerRequest } from './compute-control-plan';

// HiGHS blocks this thread while it solves, so cancellation comes through shared memory, polled
// from the solver's interrupt callback, rather than as a message.
async function answer(request: ControlWorkerRequest): Promise<void> {
  const stop = new Int32Array(request.stopBuffer);
  try {
    const plan = await computeOptimalControlPlanHere(request.input, request.options, () => Atomics.load(stop, 0) === 1);
    parentPort!.postMessage({ type: 'plan', plan } satisfies ControlWorkerMessage);
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', message: (error as Error).message } satisfies ControlWorkerMessage);
  }
}

parentPort?.once('message', (request: ControlWorkerRequest) => void answer(request));
