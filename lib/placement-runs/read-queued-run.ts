import { z } from 'zod';
import { ALGORITHMS, ENGINES, type AlgorithmName, type EngineChoice, type PlacementProblem } from '@/lib/placement/types';
import { parseStoredRun } from './parse-stored-run';

export type QueuedRun = { problem: PlacementProblem; algorithm: AlgorithmName; engine: EngineChoice };

const settingsSchema = z.object({ algorithm: z.enum(ALGORITHMS), engine: z.enum(ENGINES) });

/**
 * What a claimed run will solve, read with the schemas it was written by. A run whose columns
 * were changed by hand (or written by another version) ends as an error saying why, instead of
 * crashing the solver on input it never validated.
 */
export function readQueuedRun(run: { problem: unknown; algorithm: string; engine: string }): { ok: true; run: QueuedRun } | { ok: false; message: string } {
  const stored = parseStoredRun({ problem: run.problem, result: null });
  if (!stored.problem) return { ok: false, message: stored.unreadable[0] ?? 'This run has no stored problem to solve. Start a new run.' };
  const settings = settingsSchema.safeParse({ algorithm: run.algorithm, engine: run.engine });
  if (!settings.success) return { ok: false, message: `This run names an unknown algorithm “${run.algorithm}” or engine “${run.engine}”. Start a new run.` };
  return { ok: true, run: { problem: stored.problem, ...settings.data } };
}
