import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/** A queued experiment is cancelled at once; a running one is flagged and its worker stops after
 * the solve in progress, keeping the points already done. */
export async function cancelExperiment(db: Db, scenarioId: string, experimentId: string): Promise<{ status: string }> {
  return db.$transaction(async (tx) => {
    const experiment = await tx.experimentRun.findFirst({ where: { id: experimentId, scenarioId }, select: { status: true } });
    if (!experiment) throw new DomainError('NOT_FOUND', 'This experiment no longer exists.');
    if (experiment.status === 'queued') {
      await tx.experimentRun.update({
        where: { id: experimentId },
        data: { status: 'cancelled', cancelRequested: true, finishedAt: new Date(), message: 'Cancelled before it started.' },
      });
      return { status: 'cancelled' };
    }
    if (experiment.status === 'running') {
      await tx.experimentRun.update({ where: { id: experimentId }, data: { cancelRequested: true } });
    }
    return { status: experiment.status };
  });
}
