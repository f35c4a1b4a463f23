import type { Db } from '@/lib/db';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { DomainError } from '@/lib/errors';

/** Makes a run with a valid placement the scenario's current placement (drawn on the graph),
 * then computes the control plan for it (routes, flow rules, mesh configuration). */
export async function applyPlacementRun(db: Db, runId: string): Promise<{ scenarioId: string }> {
  const applied = await db.$transaction(async (tx) => {
    const run = await tx.placementRun.findUnique({ where: { id: runId }, select: { scenarioId: true, status: true, _count: { select: { assignments: true } } } });
    if (!run) throw new DomainError('NOT_FOUND', 'This run no longer exists.');
    if ((run.status !== 'optimal' && run.status !== 'feasible') || run._count.assignments === 0) {
      throw new DomainError('INVALID_INPUT', 'Only a run that found a valid placement can be applied.');
    }
    await tx.scenario.update({ where: { id: run.scenarioId }, data: { appliedRunId: runId, version: { increment: 1 } } });
    return { scenarioId: run.scenarioId };
  });
  await recomputeAfterChange(db, applied.scenarioId);
  return applied;
}
