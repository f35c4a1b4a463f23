import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { computeNoSharingCost } from '@/lib/placement/evaluate';
import { buildPlacementProblem, describeBuildFailure } from './build-placement-problem';
import { startPlacementRunsSchema, type StartPlacementRunsInput } from './placement-run-schema';

/**
 * Records one queued run per chosen algorithm, each with the exact problem it will solve, and
 * returns at once; a worker claims them (see work-queue.ts). The problem is frozen here, so a
 * run answers the question that was asked even if the scenario changes while it waits.
 */
export async function enqueuePlacementRuns(db: Db, input: StartPlacementRunsInput): Promise<{ runIds: string[] }> {
  const { scenarioId, algorithms, engine, objective, timeLimitSec, seed } = startPlacementRunsSchema.parse(input);
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { id: true } });
  if (!scenario) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
  const built = await buildPlacementProblem(db, scenarioId, objective);
  if (!built.ok) throw new DomainError('INVALID_INPUT', describeBuildFailure(built), 'algorithms');
  const noSharing = BigInt(computeNoSharingCost(built.problem));
  const runIds: string[] = [];
  await db.$transaction(async (tx) => {
    for (const algorithm of algorithms) {
      const run = await tx.placementRun.create({
        data: {
          scenarioId,
          algorithm,
          engine,
          objective,
          timeLimitSec,
          seed,
          noSharingBytes: noSharing,
          problem: built.problem,
        },
        select: { id: true },
      });
      runIds.push(run.id);
    }
  });
  return { runIds };
}
