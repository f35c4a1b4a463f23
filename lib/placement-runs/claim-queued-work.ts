import type { Db } from '@/lib/db';

/**
 * Takes the oldest queued item for this worker. FOR UPDATE SKIP LOCKED lets any number of
 * workers, in this process or on other machines sharing the Postgres, poll one table without
 * ever taking the same item twice or waiting on each other (PGlite accepts the same SQL).
 */
export async function claimNextPlacementRun(db: Db, workerId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "PlacementRun" SET status = 'running', "claimedBy" = ${workerId}, "startedAt" = now(), "heartbeatAt" = now()
    WHERE id = (
      SELECT id FROM "PlacementRun" WHERE status = 'queued' AND NOT "cancelRequested"
      ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id`;
  return rows[0]?.id ?? null;
}

export async function claimNextExperiment(db: Db, workerId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ExperimentRun" SET status = 'running', "claimedBy" = ${workerId}, "startedAt" = now(), "heartbeatAt" = now()
    WHERE id = (
      SELECT id FROM "ExperimentRun" WHERE status = 'queued' AND NOT "cancelRequested"
      ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id`;
  return rows[0]?.id ?? null;
}
