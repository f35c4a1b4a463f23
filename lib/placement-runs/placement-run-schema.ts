import { z } from 'zod';
import { ALGORITHMS, ENGINES } from '@/lib/placement/types';
import { OBJECTIVE_PRESETS, objectiveWeightsSchema } from './objective-weights';

const MAX_TIME_LIMIT_SEC = 600;

export const startPlacementRunsSchema = z.object({
  scenarioId: z.string().min(1),
  algorithms: z
    .array(z.enum(ALGORITHMS, { error: 'Unknown algorithm' }))
    .min(1, 'Choose at least one algorithm')
    .transform((list) => [...new Set(list)]),
  engine: z.enum(ENGINES, { error: 'Choose auto, glpk or highs' }).default('auto'),
  objective: z.enum(['storage', 'download'], { error: 'Choose storage or download' }).default('storage'),
  timeLimitSec: z.coerce.number({ error: 'Enter a time limit in seconds' }).finite().min(1, 'At least 1 second').max(MAX_TIME_LIMIT_SEC, `At most ${MAX_TIME_LIMIT_SEC} seconds`),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  /** A preset of the objective editor; without `weights` the run computes its weights. */
  preset: z.enum(OBJECTIVE_PRESETS, { error: 'Choose storage, fast-start-up, low-latency or balanced' }).optional(),
  /** Exchange rates into bytes (lib/placement/types.ts ObjectiveWeights); any of them makes the problem version 2. */
  weights: objectiveWeightsSchema.optional(),
  /** Re-plan the applied placement: count the moves away from it. */
  replan: z.boolean({ error: 'Say true or false' }).default(false),
});

export type StartPlacementRunsInput = z.input<typeof startPlacementRunsSchema>;

/** The database spells `no-solution` with an underscore (enum token). */
export function statusToDb<S extends string>(status: S) {
  return status.replace('-', '_') as S extends 'no-solution' ? 'no_solution' : S;
}
export function statusFromDb(status: string): string {
  return status === 'no_solution' ? 'no-solution' : status;
}
