import type { Db } from '@/lib/db';
import { solveInWorker } from '@/lib/placement/solve-in-worker';
import type { AlgorithmName, EngineChoice, PlacementProblem, PlacementProgress } from '@/lib/placement/types';
import { recordRunResult } from './record-run-result';

export const HEARTBEAT_MS = 1000;

/**
 * Solves a claimed run in a worker thread. Every second it stores the latest progress (the
 * page's progress bar reads it) with a heartbeat, and looks for a cancel request.
 */
export async function executePlacementRun(db: Db, runId: string, options: { stop?: AbortSignal } = {}): Promise<void> {
  const run = await db.placementRun.findUniqueOrThrow({ where: { id: runId } });
  const controller = new AbortController();
  const onStop = () => controller.abort();
  options.stop?.addEventListener('abort', onStop, { once: true });
  let latest: PlacementProgress | null = null;
  let beating = false;
  const beat = async () => {
    if (beating) return;
    beating = true;
    try {
      const current = await db.placementRun.update({
        where: { id: runId },
        data: { heartbeatAt: new Date(), ...(latest ? { progress: latest } : {}) },
        select: { cancelRequested: true },
      });
      if (current.cancelRequested) controller.abort();
    } catch {
      // The run was deleted with its scenario: stop solving for nobody.
      controller.abort();
    } finally {
      beating = false;
    }
  };
  const heartbeat = setInterval(() => void beat(), HEARTBEAT_MS); // beat catches its own failures
  try {
    const result = await solveInWorker(run.problem as unknown as PlacementProblem, {
      algorithm: run.algorithm as AlgorithmName,
      engine: run.engine as EngineChoice,
      timeLimitSec: run.timeLimitSec,
      seed: run.seed,
      signal: controller.signal,
      onProgress: (progress) => {
        latest = progress;
      },
    });
    clearInterval(heartbeat);
    if (latest) await db.placementRun.updateMany({ where: { id: runId }, data: { progress: latest } });
    const exists = await db.placementRun.count({ where: { id: runId } });
    if (exists) await recordRunResult(db, runId, result);
  } finally {
    clearInterval(heartbeat);
    options.stop?.removeEventListener('abort', onStop);
  }
}
