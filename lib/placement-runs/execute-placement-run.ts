import type { Db } from '@/lib/db';
import { solveInWorker } from '@/lib/placement/solve-in-worker';
import type { PlacementProgress, PlacementResult } from '@/lib/placement/types';
import { heldBy, requeuePlacementRun, requeueToOutcome } from './claim-queued-work';
import { readQueuedRun } from './read-queued-run';
import { recordRunResult } from './record-run-result';

export const HEARTBEAT_MS = 1000;

export type ExecuteOptions = {
  /** the claim this worker holds on the item: every write is conditional on it */
  workerId: string;
  /** the worker is shutting down: stop solving and put the item back in the queue */
  stop?: AbortSignal;
  log?: (message: string) => void;
};

/** How an execution ended, for the worker's log. */
export type ExecutionOutcome = { kind: 'recorded'; status: string } | { kind: 'requeued' } | { kind: 'lost'; why: string };

/**
 * Solves a claimed run in a worker thread. Every second it stores the latest progress (the
 * page's progress bar reads it) with a heartbeat, and looks for a cancel request. Heartbeats,
 * progress and the result are written only while this worker still holds the claim; once a
 * write finds the claim gone (cancelled and finished, deleted, taken back by recovery), the
 * solve stops and its answer is discarded.
 */
export async function executePlacementRun(db: Db, runId: string, options: ExecuteOptions): Promise<ExecutionOutcome> {
  const { workerId } = options;
  const log = options.log ?? (() => undefined);
  const row = await db.placementRun.findUniqueOrThrow({ where: { id: runId } });
  const queued = readQueuedRun(row);
  if (!queued.ok) {
    const { count } = await db.placementRun.updateMany({ where: heldBy(runId, workerId), data: { status: 'error', message: queued.message, finishedAt: new Date() } });
    return count === 1 ? { kind: 'recorded', status: 'error' } : { kind: 'lost', why: 'the run was no longer running under this worker' };
  }
  const { run } = queued;
  const controller = new AbortController();
  let lost: string | null = null;
  const onStop = () => controller.abort();
  options.stop?.addEventListener('abort', onStop, { once: true });
  let latest: PlacementProgress | null = null;
  let beating = false;
  const beat = async () => {
    if (beating || lost) return;
    beating = true;
    try {
      const { count } = await db.placementRun.updateMany({
        where: heldBy(runId, workerId),
        data: { heartbeatAt: new Date(), ...(latest ? { progress: latest } : {}) },
      });
      if (count === 0) {
        lost = 'the run is no longer running under this worker';
        controller.abort();
        return;
      }
      const current = await db.placementRun.findUnique({ where: { id: runId }, select: { cancelRequested: true } });
      if (current?.cancelRequested) controller.abort();
    } catch (error) {
      // A database hiccup: the next beat tries again; recovery waits a whole window.
      log(`placement run ${runId}: heartbeat failed: ${(error as Error).message}`);
    } finally {
      beating = false;
    }
  };
  // A beat catches its own failures (logged; the next beat tries again).
  const heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
  let result: PlacementResult;
  try {
    result = await solveInWorker(run.problem, {
      algorithm: run.algorithm,
      engine: run.engine,
      timeLimitSec: row.timeLimitSec,
      seed: row.seed,
      signal: controller.signal,
      onProgress: (progress) => {
        latest = progress;
      },
    });
  } finally {
    clearInterval(heartbeat);
    options.stop?.removeEventListener('abort', onStop);
  }
  if (lost) return { kind: 'lost', why: lost };
  // Shutting down: the stop, not the person, ended the solve; another worker takes it again.
  if (options.stop?.aborted && result.status === 'cancelled') {
    return requeueToOutcome(await requeuePlacementRun(db, runId, workerId));
  }
  if (latest) await db.placementRun.updateMany({ where: heldBy(runId, workerId), data: { progress: latest } });
  const { recorded } = await recordRunResult(db, runId, workerId, result, run.problem.weights);
  return recorded ? { kind: 'recorded', status: result.status } : { kind: 'lost', why: 'the run was no longer running under this worker when its result came' };
}
