import type { Db } from '@/lib/db';

export type ComparableRun = { id: string; algorithm: string; createdAt: string; costBytes: number | null };

/** The scenario's other runs that found a placement, newest first: what a run can be compared with. */
export async function listComparableRuns(db: Db, scenarioId: string, exceptRunId: string): Promise<ComparableRun[]> {
  const runs = await db.placementRun.findMany({
    where: { scenarioId, id: { not: exceptRunId }, status: { in: ['optimal', 'feasible'] } },
    orderBy: { createdAt: 'desc' },
    take: 30,
    select: { id: true, algorithm: true, createdAt: true, costBytes: true },
  });
  return runs.map((r) => ({ id: r.id, algorithm: r.algorithm, createdAt: r.createdAt.toISOString(), costBytes: r.costBytes === null ? null : Number(r.costBytes) }));
}
