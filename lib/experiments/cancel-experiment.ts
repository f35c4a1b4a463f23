import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/**
 * A queued experiment is cancelled at once; a running one is flagged and its worker stops after
 * the solve in progress, keeping the points already done. Each step is conditional on the status
 * it expects: a worker shutting down may put a running experiment back in the queue meanwhile,
 * and then the next round cancels it as queued.
 */
export async function cancelExperiment(db: Db, scenarioId: string, experimentId: string): Promise<{ status: string }> {
  for (let round = 0; round < 3; round++) {
    const queued = await db.experimentRun.updateMany({
      where: { id: experimentId, scenarioId, status: 'queued' },
      data: { status: 'cancelled', cancelRequested: true, finishedAt: new Date(), message: 'Cancelled before it started.' },
    });
    if (queued.count === 1) return { status: 'cancelled' };
    const running = await db.experimentRun.updateMany({ where: { id: experimentId, scenarioId, status: 'running' }, data: { cancelRequested: true } });
    if (running.count === 1) return { status: 'running' };
    const experiment = await db.experimentRun.findFirst({ where: { id: experimentId, scenarioId }, select: { status: true } });
    if (!experiment) throw new DomainError('NOT_FOUND', 'This experiment no longer exists.');
    if (experiment.status !== 'queued' && experiment.status !== 'running') return { status: experiment.status };
  }
  throw new DomainError('STALE_VERSION', 'This experiment kept changing state; try cancelling it again.');
}
