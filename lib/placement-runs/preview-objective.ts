import { z } from 'zod';
import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import type { ObjectiveTerms, ObjectiveWeights } from '@/lib/placement/types';
import { describeBuildFailure } from './build-placement-problem';
import { OBJECTIVE_PRESETS } from './objective-weights';
import { resolveObjective } from './resolve-objective';

export type ObjectivePreview = {
  /** the preset's weights for a run that is not a re-plan (a re-plan adds moves at 1) */
  weights: ObjectiveWeights;
  /** the reference placement's terms the exchange rates were measured on, when they were */
  reference: ObjectiveTerms | null;
};

const previewSchema = z.object({ scenarioId: z.string().min(1), preset: z.enum(OBJECTIVE_PRESETS, { error: 'Choose storage, fast-start-up, low-latency or balanced' }) });

/** What a preset means in this scenario, as the objective editor shows it before a run. */
export async function previewObjective(db: Db, scenarioId: string, preset: string): Promise<ObjectivePreview> {
  const input = previewSchema.parse({ scenarioId, preset });
  const resolved = await resolveObjective(db, input.scenarioId, 'storage', { preset: input.preset });
  if (!resolved.ok) throw new DomainError('INVALID_INPUT', 'built' in resolved ? describeBuildFailure(resolved.built) : resolved.message, 'weights');
  const { storage, startup, traffic, moves } = resolved.stored ?? { storage: 1, startup: 0, traffic: 0, moves: 0 };
  return { weights: { storage, startup, traffic, moves }, reference: resolved.calibration?.reference.terms ?? null };
}
