import type { Db } from '@/lib/db';
import type { Assignment } from '@/lib/placement/types';
import { parseStoredRun } from './parse-stored-run';

export type RunAssignment = {
  id: string;
  algorithm: string;
  assignment: Assignment | null;
  /** Why the stored result cannot be read, when it cannot: there is then nothing to compare. */
  unreadable: string | null;
};

/** A run's placement, to compare another run of the same scenario with; null when the scenario has no such run. */
export async function readRunAssignment(db: Db, scenarioId: string, runId: string): Promise<RunAssignment | null> {
  const run = await db.placementRun.findFirst({ where: { id: runId, scenarioId }, select: { id: true, algorithm: true, result: true } });
  if (!run) return null;
  const { result, unreadable } = parseStoredRun({ problem: null, result: run.result }, 'the compared run');
  return { id: run.id, algorithm: run.algorithm, assignment: result?.assignment ?? null, unreadable: unreadable[0] ?? null };
}
