import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { buildTradeoffProblem } from './build-tradeoff-problem';
import { countPoints, experimentParamsSchema } from './experiment-schema';

export async function enqueueExperiment(db: Db, scenarioId: string, input: unknown): Promise<{ id: string }> {
  const params = experimentParamsSchema.parse(input);
  if (params.figure === 'tradeoff') {
    const built = await buildTradeoffProblem(db, scenarioId, params);
    if (!built.ok) throw new DomainError('INVALID_INPUT', built.message, built.field);
  } else if (params.source === 'scenario') {
    const built = await buildPlacementProblem(db, scenarioId);
    if (!built.ok) throw new DomainError('INVALID_INPUT', describeBuildFailure(built), 'source');
    if (built.problem.containers.length === 0) throw new DomainError('INVALID_INPUT', 'This scenario has no containers to derive instances from.', 'source');
  }
  const experiment = await db.experimentRun.create({
    data: {
      scenarioId,
      figure: params.figure,
      source: params.source,
      params,
      pointsTotal: countPoints(params),
      points: [],
    },
    select: { id: true },
  });
  return experiment;
}
