import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Takes the oldest queued item for this worker. FOR UPDATE SKIP LOCKED lets any number of
 * workers, in this process or on other machines sharing the Postgres, poll one table without
 * ever taking the same item twice or waiting on each other (PGlite accepts the same SQL).
 * Each claim counts an attempt, so a run put back in the queue shows how often it was taken.
 */
export async function claimNextPlacementRun(db: Db, workerId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "PlacementRun" SET status = 'running', "claimedBy" = ${workerId}, "startedAt" = now(), "heartbeatAt" = now(), attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "PlacementRun" WHERE status = 'queued' AND NOT "cancelRequested"
      ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id`;
  return rows[0]?.id ?? null;
}

export async function claimNextExperiment(db: Db, workerId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ExperimentRun" SET status = 'running', "claimedBy" = ${workerId}, "startedAt" = now(), "heartbeatAt" = now(), attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "ExperimentRun" WHERE status = 'queued' AND NOT "cancelRequested"
      ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/** The claim a worker holds: every write it makes about the item is guarded by this. */
export const heldBy = (id: string, workerId: string) => ({ id, status: 'running' as const, claimedBy: workerId });

export type RequeueOutcome = 'requeued' | 'cancelled' | 'lost';

const CANCELLED_WHILE_STOPPING = 'Cancelled while its worker was stopping.';

/**
 * Puts a claimed run back in the queue (the worker is shutting down): claim cleared, progress
 * reset, so any worker can take it from the start. A run whose cancellation was asked is
 * cancelled instead (no worker would claim it again), and `lost` says the claim was gone.
 */
export async function requeuePlacementRun(db: Db, runId: string, workerId: string): Promise<RequeueOutcome> {
  const requeued = await db.placementRun.updateMany({
    where: { ...heldBy(runId, workerId), cancelRequested: false },
    data: { status: 'queued', claimedBy: null, heartbeatAt: null, startedAt: null, progress: Prisma.DbNull, message: null },
  });
  if (requeued.count === 1) return 'requeued';
  const cancelled = await db.placementRun.updateMany({
    where: { ...heldBy(runId, workerId), cancelRequested: true },
    data: { status: 'cancelled', message: CANCELLED_WHILE_STOPPING, finishedAt: new Date() },
  });
  return cancelled.count === 1 ? 'cancelled' : 'lost';
}

export async function requeueExperiment(db: Db, experimentId: string, workerId: string): Promise<RequeueOutcome> {
  const requeued = await db.experimentRun.updateMany({
    where: { ...heldBy(experimentId, workerId), cancelRequested: false },
    data: { status: 'queued', claimedBy: null, heartbeatAt: null, startedAt: null, points: [], pointsDone: 0, message: null },
  });
  if (requeued.count === 1) return 'requeued';
  const cancelled = await db.experimentRun.updateMany({
    where: { ...heldBy(experimentId, workerId), cancelRequested: true },
    data: { status: 'cancelled', message: CANCELLED_WHILE_STOPPING, finishedAt: new Date() },
  });
  return cancelled.count === 1 ? 'cancelled' : 'lost';
}

/** What a requeue attempt means for the worker's log. */
export function requeueToOutcome(outcome: RequeueOutcome): { kind: 'requeued' } | { kind: 'recorded'; status: string } | { kind: 'lost'; why: string } {
  if (outcome === 'requeued') return { kind: 'requeued' };
  if (outcome === 'cancelled') return { kind: 'recorded', status: 'cancelled' };
  return { kind: 'lost', why: 'the claim was gone when putting it back' };
}
