import type { Db } from '@/lib/db';
import type { ObjectiveTerms, PlacementProgress } from '@/lib/placement/types';
import { costIsBytes, readStoredWeights, type StoredWeights } from './objective-weights';
import { statusFromDb } from './placement-run-schema';

/** What the page shows of a run, as plain JSON (bytes as numbers, dates as ISO strings). */
export type RunSummary = {
  id: string;
  algorithm: string;
  engine: string;
  objective: string;
  timeLimitSec: number;
  status: string;
  cancelRequested: boolean;
  costBytes: number | null;
  lowerBoundBytes: number | null;
  noSharingBytes: number | null;
  elapsedMs: number | null;
  message: string | null;
  progress: PlacementProgress | null;
  engineUsed: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  applied: boolean;
  /** the objective's weights (null: bytes stored only, a version-1 run) */
  weights: StoredWeights | null;
  replan: boolean;
  /** when the weights are not bytes stored alone: the weighted total and its bound (bytes-equivalent), and each term */
  weighted: { cost: number | null; lowerBound: number | null; terms: ObjectiveTerms | null } | null;
};

type StoredResult = { engine?: string | null; cost?: number | null; lowerBound?: number | null; terms?: ObjectiveTerms } | null;

const num = (v: bigint | null) => (v === null ? null : Number(v));

export async function listPlacementRuns(db: Db, scenarioId: string, limit = 30): Promise<RunSummary[]> {
  const [scenario, runs] = await Promise.all([
    db.scenario.findUnique({ where: { id: scenarioId }, select: { appliedRunId: true } }),
    db.placementRun.findMany({
      where: { scenarioId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      omit: { problem: true },
    }),
  ]);
  return runs.map((r) => {
    const result = r.result as StoredResult;
    const weights = readStoredWeights(r.weights);
    return {
      id: r.id,
      algorithm: r.algorithm,
      engine: r.engine,
      objective: r.objective,
      timeLimitSec: r.timeLimitSec,
      status: statusFromDb(r.status),
      cancelRequested: r.cancelRequested,
      costBytes: num(r.costBytes),
      lowerBoundBytes: num(r.lowerBoundBytes),
      noSharingBytes: num(r.noSharingBytes),
      elapsedMs: r.elapsedMs,
      message: r.message,
      progress: (r.progress as PlacementProgress | null) ?? null,
      engineUsed: result?.engine ?? null,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      applied: scenario?.appliedRunId === r.id,
      weights,
      replan: r.replan,
      weighted: costIsBytes(weights) ? null : { cost: result?.cost ?? null, lowerBound: result?.lowerBound ?? null, terms: result?.terms ?? null },
    };
  });
}
