import type { z } from 'zod';
import { formatIssuePath, placementProblemSchema } from '@/lib/placement/problem-schema';
import { placementResultSchema } from '@/lib/placement/result-schema';
import type { PlacementProblem, PlacementResult } from '@/lib/placement/types';

export type StoredRun = {
  problem: PlacementProblem | null;
  result: PlacementResult | null;
  /** Why a stored column could not be read, one sentence each; that column is then null. */
  unreadable: string[];
};

/**
 * Reads a run's JSON columns with the schemas they were written by. A column changed by hand, or
 * written by another version, is reported rather than trusted: pages show the sentence, not a crash.
 */
export function parseStoredRun(columns: { problem: unknown; result: unknown }, run = 'this run'): StoredRun {
  const problem = parseColumn(placementProblemSchema, columns.problem, `problem of ${run}`);
  const result = parseColumn(placementResultSchema, columns.result, `result of ${run}`);
  return { problem: problem.value, result: result.value, unreadable: [problem.error, result.error].filter((e): e is string => e !== null) };
}

function parseColumn<T>(schema: z.ZodType<T>, json: unknown, what: string): { value: T | null; error: string | null } {
  if (json === null || json === undefined) return { value: null, error: null };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data, error: null };
  const [first] = parsed.error.issues;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  return { value: null, error: `The stored ${what} cannot be read: ${formatIssuePath(first.path)}: ${first.message}${more}.` };
}
