import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/** The run to export: the one named, else the scenario's applied run, else its latest finished run with assignments. */
export async function findPlacementRun(db: Db, scenarioId: string, runId?: string | null) {
  const include = {
    assignments: { include: { service: { include: { image: true } }, edgeServer: { include: { site: { select: { name: true } } } } } },
  } as const;
  if (runId) {
    const run = await db.placementRun.findFirst({ where: { id: runId, scenarioId }, include });
    if (!run) throw new DomainError('NOT_FOUND', `There is no placement run ${runId} in this scenario.`);
    return run;
  }
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { appliedRunId: true } });
  if (scenario?.appliedRunId) {
    const applied = await db.placementRun.findUnique({ where: { id: scenario.appliedRunId }, include });
    if (applied) return applied;
  }
  const latest = await db.placementRun.findFirst({
    where: { scenarioId, status: { in: ['optimal', 'feasible'] }, assignments: { some: {} } },
    orderBy: [{ finishedAt: 'desc' }, { createdAt: 'desc' }],
    include,
  });
  if (!latest) throw new DomainError('NOT_FOUND', 'This scenario has no placement with assignments yet: run the placement first.');
  return latest;
}

export type PlacementRunWithAssignments = Awaited<ReturnType<typeof findPlacementRun>>;
