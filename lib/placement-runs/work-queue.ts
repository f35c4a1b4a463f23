import os from 'node:os';
import type { Db } from '@/lib/db';
import { executeExperiment } from '@/lib/experiments/execute-experiment';
import { claimNextExperiment, claimNextPlacementRun } from './claim-queued-work';
import { executePlacementRun } from './execute-placement-run';
import { recoverInterruptedWork } from './recover-interrupted-work';

export type WorkQueue = { stop(): Promise<void>; active(): number; workerId: string };

/**
 * Claims queued placement runs and experiments and executes them, at most `concurrency` at a
 * time (each solve owns a worker thread and a core; the default of one leaves the other core
 * of a small machine to the web pages). Any process with database access can run a queue:
 * the dashboard does, and so could solver machines sharing the Postgres.
 */
export function startWorkQueue(
  getDb: () => Promise<Db>,
  { concurrency = Number(process.env.EDGESTACK_SOLVER_WORKERS) || 1, pollMs = 500, log = (m: string) => console.log(`[edgestack] ${m}`) } = {},
): WorkQueue {
  const workerId = `${os.hostname()}:${process.pid}`;
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let lastRecovery = 0;
  let ticking = false;

  const launch = (work: Promise<void>, what: string) => {
    const tracked = work.catch((error) => log(`${what} failed: ${(error as Error).message}`)).finally(() => running.delete(tracked));
    running.add(tracked);
  };

  const tick = async () => {
    if (ticking || stopping.signal.aborted) return;
    ticking = true;
    try {
      const db = await getDb();
      if (Date.now() - lastRecovery > 30_000) {
        lastRecovery = Date.now();
        const recovered = await recoverInterruptedWork(db);
        if (recovered.runs + recovered.experiments > 0) log(`marked ${recovered.runs} run(s) and ${recovered.experiments} experiment(s) as interrupted`);
      }
      while (running.size < concurrency) {
        const runId = await claimNextPlacementRun(db, workerId);
        if (runId) {
          launch(executePlacementRun(db, runId, { stop: stopping.signal }), `placement run ${runId}`);
          continue;
        }
        const experimentId = await claimNextExperiment(db, workerId);
        if (experimentId) {
          launch(executeExperiment(db, experimentId, { stop: stopping.signal }), `experiment ${experimentId}`);
          continue;
        }
        break;
      }
    } catch (error) {
      log(`work queue: ${(error as Error).message}`);
    } finally {
      ticking = false;
      if (!stopping.signal.aborted) timer = setTimeout(() => void tick(), pollMs);
    }
  };
  timer = setTimeout(() => void tick(), 0);

  return {
    workerId,
    active: () => running.size,
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
