import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/**
 * A queued run is cancelled at once; a running one is flagged and its worker stops it. Each
 * step is conditional on the status it expects: a worker may put a running run back in the
 * queue meanwhile (it is shutting down), and then the next round cancels it as queued.
 */
export async function cancelPlacementRun(db: Db, runId: string): Promise<{ status: string }> {
  for (let round = 0; round < 3; round++) {
    const queued = await db.placementRun.updateMany({
      where: { id: runId, status: 'queued' },
      data: { status: 'cancelled', cancelRequested: true, finishedAt: new Date(), message: 'Cancelled before it started.' },
    });
    if (queued.count === 1) return { status: 'cancelled' };
    const running = await db.placementRun.updateMany({ where: { id: runId, status: 'running' }, data: { cancelRequested: true } });
    if (running.count === 1) return { status: 'running' };
    const run = await db.placementRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run) throw new DomainError('NOT_FOUND', 'This run no longer exists.');
    if (run.status !== 'queued' && run.status !== 'running') return { status: run.status };
  }
  throw new DomainError('STALE_VERSION', 'This run kept changing state; try cancelling it again.');
}
