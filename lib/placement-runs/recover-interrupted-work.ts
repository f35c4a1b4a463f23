import os from 'node:os';
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { isProcessAlive } from '@/lib/ops/is-process-alive';

/** A worker that has not beaten its heart for this long is taken for dead. */
const STALE_HEARTBEAT_MS = 60_000;

/** A run whose worker died this many times is failed rather than put back in the queue. */
export const MAX_ATTEMPTS = 3;

/** The staleness window: EDGESTACK_HEARTBEAT_STALE_MS (tests use a short one), else a minute. */
export function staleHeartbeatMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.EDGESTACK_HEARTBEAT_STALE_MS);
  return Number.isFinite(configured) && configured >= 1000 ? configured : STALE_HEARTBEAT_MS;
}

function pidOf(workerId: string | null): { host: string; pid: number } | null {
  const match = workerId ? /^(.*):(\d+)$/.exec(workerId) : null;
  return match ? { host: match[1], pid: Number(match[2]) } : null;
}

export type RecoveryOptions = {
  now?: Date;
  /** the calling process's worker id and the items it is executing right now */
  workerId?: string;
  live?: ReadonlySet<string>;
  staleAfterMs?: number;
};

/**
 * Takes back runs and experiments whose worker is gone, so nothing stays "running" forever:
 * on this host, those claimed by a process that no longer exists; anywhere, those whose
 * heartbeat stopped. One still in this process's running set is never taken back, however old
 * its heartbeat: a main-thread stall (a long synchronous parse) delays heartbeats without
 * anything having died. An item is put back in the queue, unless its workers died
 * MAX_ATTEMPTS times, then it is failed with the reason (or cancelled, if that was asked; both
 * are counted as `failed`: ended, not requeued). Every write is conditional on the
 * claim seen, so a worker that comes back to life finds its claim lost and discards its answer.
 */
export async function recoverInterruptedWork(db: Db, options: RecoveryOptions = {}): Promise<{ requeued: number; failed: number }> {
  const now = options.now ?? new Date();
  const host = os.hostname();
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? staleHeartbeatMs()));
  const dead = (item: { id: string; claimedBy: string | null; heartbeatAt: Date | null }) => {
    if (options.workerId !== undefined && item.claimedBy === options.workerId && options.live?.has(item.id)) return null;
    const owner = pidOf(item.claimedBy);
    if (owner && owner.host === host && owner.pid !== process.pid && !isProcessAlive(owner.pid)) return 'restart';
    if (!item.heartbeatAt || item.heartbeatAt < staleBefore) return 'silent';
    return null;
  };
  const reason = (why: 'restart' | 'silent', attempts: number) =>
    `Interrupted ${attempts} times: ${why === 'restart' ? 'the process solving it exited' : 'the worker solving it stopped responding'}. Start it again.`;

  let requeued = 0;
  let failed = 0;
  const select = { id: true, claimedBy: true, heartbeatAt: true, attempts: true, cancelRequested: true } as const;
  for (const run of await db.placementRun.findMany({ where: { status: 'running' }, select })) {
    const why = dead(run);
    if (!why) continue;
    const seen = { id: run.id, status: 'running' as const, claimedBy: run.claimedBy, heartbeatAt: run.heartbeatAt };
    if (run.cancelRequested) {
      const { count } = await db.placementRun.updateMany({
        where: seen,
        data: { status: 'cancelled', message: 'Cancelled; its worker stopped before it could say so.', finishedAt: now },
      });
      failed += count;
    } else if (run.attempts < MAX_ATTEMPTS) {
      const { count } = await db.placementRun.updateMany({
        where: { ...seen, cancelRequested: false },
        data: { status: 'queued', claimedBy: null, heartbeatAt: null, startedAt: null, progress: Prisma.DbNull },
      });
      requeued += count;
    } else {
      const { count } = await db.placementRun.updateMany({ where: seen, data: { status: 'error', message: reason(why, run.attempts), finishedAt: now } });
      failed += count;
    }
  }
  for (const experiment of await db.experimentRun.findMany({ where: { status: 'running' }, select })) {
    const why = dead(experiment);
    if (!why) continue;
    const seen = { id: experiment.id, status: 'running' as const, claimedBy: experiment.claimedBy, heartbeatAt: experiment.heartbeatAt };
    if (experiment.cancelRequested) {
      const { count } = await db.experimentRun.updateMany({
        where: seen,
        data: { status: 'cancelled', message: 'Cancelled; its worker stopped before it could say so.', finishedAt: now },
      });
      failed += count;
    } else if (experiment.attempts < MAX_ATTEMPTS) {
      const { count } = await db.experimentRun.updateMany({
        where: { ...seen, cancelRequested: false },
        data: { status: 'queued', claimedBy: null, heartbeatAt: null, startedAt: null, points: [], pointsDone: 0 },
      });
      requeued += count;
    } else {
      const { count } = await db.experimentRun.updateMany({ where: seen, data: { status: 'error', message: reason(why, experiment.attempts), finishedAt: now } });
      failed += count;
    }
  }
  return { requeued, failed };
}
