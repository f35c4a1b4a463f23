import os from 'node:os';
import type { Db } from '@/lib/db';
import { executeExperiment } from '@/lib/experiments/execute-experiment';
import { claimNextExperiment, claimNextPlacementRun } from './claim-queued-work';
import { executePlacementRun, type ExecutionOutcome } from './execute-placement-run';
import { recoverInterruptedWork, staleHeartbeatMs } from './recover-interrupted-work';

export type WorkQueue = {
  workerId: string;
  active(): number;
  /**
   * Stops claiming, lets the items in flight finish for up to `graceMs` (default 0), then
   * stops them and puts them back in the queue. Resolves when every item has settled; calling
   * it again (a second signal) with a shorter grace cuts the wait.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
};

export type WorkQueueOptions = {
  concurrency?: number;
  pollMs?: number;
  log?: (message: string) => void;
  /** a heartbeat older than this means the worker died (EDGESTACK_HEARTBEAT_STALE_MS) */
  staleAfterMs?: number;
  /** how often recovery looks for dead workers' items (default half the staleness window) */
  recoveryEveryMs?: number;
  /** the clock recovery judges heartbeats by (tests give it one that runs ahead) */
  clock?: () => Date;
};

/** EDGESTACK_SOLVER_WORKERS: solves at a time in one process (each a worker thread on a core). */
export function solverWorkersFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Math.floor(Number(env.EDGESTACK_SOLVER_WORKERS));
  return Number.isFinite(configured) && configured >= 1 ? configured : 1;
}

/**
 * Claims queued placement runs and experiments and executes them, at most `concurrency` at a
 * time (each solve owns a worker thread and a core; the default of one leaves the other core
 * of a small machine to the web pages). Any process with database access can run a queue:
 * the dashboard does, and so does `edgestack worker` on solver machines sharing the Postgres.
 */
export function startWorkQueue(getDb: () => Promise<Db>, options: WorkQueueOptions = {}): WorkQueue {
  const concurrency = options.concurrency ?? solverWorkersFromEnv();
  const pollMs = options.pollMs ?? 500;
  const log = options.log ?? ((m: string) => console.log(`[edgestack] ${m}`));
  const staleAfterMs = options.staleAfterMs ?? staleHeartbeatMs();
  // Half the staleness window: a dead worker's items wait at most 1.5 windows.
  const recoveryEveryMs = options.recoveryEveryMs ?? Math.min(30_000, staleAfterMs / 2);
  const clock = options.clock ?? (() => new Date());
  const workerId = `${os.hostname()}:${process.pid}`;
  const running = new Map<string, Promise<void>>();
  const claiming = new AbortController();
  const shutdown = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let lastRecovery = 0;
  let ticking: Promise<void> | null = null;
  let stopped: Promise<void> | null = null;
  let cutGrace: (() => void) | null = null;
  let hurry = false;

  const launch = (id: string, what: string, work: () => Promise<ExecutionOutcome>) => {
    log(`${what}: claimed`);
    const tracked = work()
      .then((outcome) => {
        if (outcome.kind === 'recorded') log(`${what}: finished, ${outcome.status}`);
        else if (outcome.kind === 'requeued') log(`${what}: put back in the queue`);
        else log(`${what}: lost the claim (${outcome.why}); its result was discarded`);
      })
      .catch((error) => log(`${what} failed: ${(error as Error).message}`))
      .finally(() => running.delete(id));
    running.set(id, tracked);
  };

  const tick = async () => {
    try {
      const db = await getDb();
      if (Date.now() - lastRecovery > recoveryEveryMs) {
        lastRecovery = Date.now();
        const recovered = await recoverInterruptedWork(db, { now: clock(), workerId, live: new Set(running.keys()), staleAfterMs });
        if (recovered.requeued + recovered.failed > 0) {
          log(`recovery: ${recovered.requeued} item(s) of dead workers put back in the queue, ${recovered.failed} failed after repeated interruptions`);
        }
      }
      while (running.size < concurrency && !claiming.signal.aborted) {
        const execute = { workerId, stop: shutdown.signal, log };
        const runId = await claimNextPlacementRun(db, workerId);
        if (runId) {
          launch(runId, `placement run ${runId}`, () => executePlacementRun(db, runId, execute));
          continue;
        }
        const experimentId = await claimNextExperiment(db, workerId);
        if (experimentId) {
          launch(experimentId, `experiment ${experimentId}`, () => executeExperiment(db, experimentId, execute));
          continue;
        }
        break;
      }
    } catch (error) {
      log(`work queue: ${(error as Error).message}`);
    }
  };
  const loop = () => {
    if (claiming.signal.aborted) return;
    ticking = tick().finally(() => {
      ticking = null;
      if (!claiming.signal.aborted) timer = setTimeout(loop, pollMs);
    });
  };
  timer = setTimeout(loop, 0);

  return {
    workerId,
    active: () => running.size,
    stop({ graceMs = 0 } = {}) {
      if (graceMs <= 0) {
        hurry = true;
        cutGrace?.();
      }
      stopped ??= (async () => {
        claiming.abort();
        clearTimeout(timer);
        // A claim in progress lands in `running` before the tick ends.
        await ticking;
        if (running.size > 0 && graceMs > 0 && !hurry) {
          let graceTimer: NodeJS.Timeout | undefined;
          const graceOver = new Promise<void>((resolve) => {
            cutGrace = resolve;
            graceTimer = setTimeout(resolve, graceMs);
          });
          await Promise.race([Promise.allSettled([...running.values()]), graceOver]);
          clearTimeout(graceTimer);
        }
        shutdown.abort();
        await Promise.allSettled([...running.values()]);
      })();
      return stopped;
    },
  };
}
