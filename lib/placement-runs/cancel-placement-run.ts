import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/** A queued run is cancelled at once; a running one is flagged and its worker stops it. */
export async function cancelPlacementRun(db: Db, runId: string): Promise<{ status: string }> {
  return db.$transaction(async (tx) => {
    const run = await tx.placementRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run) throw new DomainError('NOT_FOUND', 'This run no longer exists.');
    if (run.status === 'queued') {
      await tx.placementRun.update({ where: { id: runId }, data: { status: 'cancelled', cancelRequested: true, finishedAt: new Date(), message: 'Cancelled before it started.' } });
      return { status: 'cancelled' };
    }
    if (run.status === 'running') {
      await tx.placementRun.update({ where: { id: runId }, data: { cancelRequested: true } });
      return { status: 'running' };
    }
    return { status: run.status };
  });
}
