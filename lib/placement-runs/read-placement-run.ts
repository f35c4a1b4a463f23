import type { Db } from '@/lib/db';
import type { Assignment } from '@/lib/placement/types';
import { readStoredWeights, type StoredWeights } from './objective-weights';
import { parseStoredRun, type StoredRun } from './parse-stored-run';
import { statusFromDb } from './placement-run-schema';

export type PlacementRunView = StoredRun & {
  id: string;
  scenarioId: string;
  scenarioName: string;
  /** Whether this run is the scenario's applied placement. */
  applied: boolean;
  algorithm: string;
  status: string;
  engine: string;
  objective: string;
  costBytes: number | null;
  lowerBoundBytes: number | null;
  noSharingBytes: number | null;
  elapsedMs: number | null;
  message: string | null;
  /** The placement to show: only when both the problem and the result could be read. */
  assignment: Assignment | null;
  /** the objective's weights (null: bytes stored only) */
  weights: StoredWeights | null;
  replan: boolean;
};

const bytes = (value: bigint | null) => (value === null ? null : Number(value));

/** One placement run with its problem and result read by their schemas; null when there is no such run. */
export async function readPlacementRun(db: Db, runId: string): Promise<PlacementRunView | null> {
  const run = await db.placementRun.findUnique({ where: { id: runId }, include: { scenario: { select: { name: true, appliedRunId: true } } } });
  if (!run) return null;
  const stored = parseStoredRun(run);
  return {
    ...stored,
    id: run.id,
    scenarioId: run.scenarioId,
    scenarioName: run.scenario.name,
    applied: run.scenario.appliedRunId === run.id,
    algorithm: run.algorithm,
    status: statusFromDb(run.status),
    engine: run.engine,
    objective: run.objective,
    costBytes: bytes(run.costBytes),
    lowerBoundBytes: bytes(run.lowerBoundBytes),
    noSharingBytes: bytes(run.noSharingBytes),
    elapsedMs: run.elapsedMs,
    message: run.message,
    assignment: stored.problem ? (stored.result?.assignment ?? null) : null,
    weights: readStoredWeights(run.weights),
    replan: run.replan,
  };
}
