import os from 'node:os';
import type { Db } from '@/lib/db';
import { isProcessAlive } from '@/lib/ops/is-process-alive';

/** A worker that has not beaten its heart for this long is taken for dead. */
export const STALE_HEARTBEAT_MS = 60_000;

function pidOf(workerId: string | null): { host: string; pid: number } | null {
  const match = workerId ? /^(.*):(\d+)$/.exec(workerId) : null;
  return match ? { host: match[1], pid: Number(match[2]) } : null;
}

/**
 * Marks runs and experiments whose worker is gone as failed, with the reason, so nothing stays
 * "running" forever: on this host, those claimed by a process that no longer exists (the
 * server restarted); anywhere, those whose heartbeat stopped.
 */
export async function recoverInterruptedWork(db: Db, now = new Date()): Promise<{ runs: number; experiments: number }> {
  const host = os.hostname();
  const staleBefore = new Date(now.getTime() - STALE_HEARTBEAT_MS);
  const dead = (item: { claimedBy: string | null; heartbeatAt: Date | null }) => {
    const owner = pidOf(item.claimedBy);
    if (owner && owner.host === host && owner.pid !== process.pid && !isProcessAlive(owner.pid)) return 'restart';
    if (!item.heartbeatAt || item.heartbeatAt < staleBefore) return 'silent';
    return null;
  };
  const reason = (why: 'restart' | 'silent') =>
    why === 'restart'
      ? 'Interrupted: the server restarted while this was running. Start it again.'
      : 'Interrupted: the worker running this stopped responding (no heartbeat for a minute). Start it again.';

  let runs = 0;
  for (const run of await db.placementRun.findMany({ where: { status: 'running' }, select: { id: true, claimedBy: true, heartbeatAt: true } })) {
    const why = dead(run);
    if (!why) continue;
    const updated = await db.placementRun.updateMany({ where: { id: run.id, status: 'running' }, data: { status: 'error', message: reason(why), finishedAt: now } });
    runs += updated.count;
  }
  let experiments = 0;
  for (const experiment of await db.experimentRun.findMany({ where: { status: 'running' }, select: { id: true, claimedBy: true, heartbeatAt: true } })) {
    const why = dead(experiment);
    if (!why) continue;
    const updated = await db.experimentRun.updateMany({ where: { id: experiment.id, status: 'running' }, data: { status: 'error', message: reason(why), finishedAt: now } });
    experiments += updated.count;
  }
  return { runs, experiments };
}
