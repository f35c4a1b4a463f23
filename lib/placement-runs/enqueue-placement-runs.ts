import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { computeNoSharingCost } from '@/lib/placement/evaluate';
import { describeBuildFailure } from './build-placement-problem';
import { startPlacementRunsSchema, type StartPlacementRunsInput } from './placement-run-schema';
import { resolveObjective } from './resolve-objective';

/**
 * Records one queued run per chosen algorithm, each with the exact problem it will solve (its
 * weights and any re-plan resolved into it: resolve-objective.ts), and
 * returns at once; a worker claims them (see work-queue.ts). The problem is frozen here, so a
 * run answers the question that was asked even if the scenario changes while it waits.
 */
export async function enqueuePlacementRuns(db: Db, input: StartPlacementRunsInput): Promise<{ runIds: string[] }> {
  const { scenarioId, algorithms, engine, objective, timeLimitSec, seed, preset, weights, replan } = startPlacementRunsSchema.parse(input);
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { id: true } });
  if (!scenario) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
  const resolved = await resolveObjective(db, scenarioId, objective, { preset, weights, replan });
  if (!resolved.ok) {
    // Said where it can be fixed: at the re-plan button, the objective editor, or the start button.
    const field = replan ? 'replan' : preset || weights ? 'weights' : 'algorithms';
    throw new DomainError('INVALID_INPUT', 'built' in resolved ? describeBuildFailure(resolved.built) : resolved.message, field);
  }
  const { built, stored } = resolved;
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
          ...(stored ? { weights: stored } : {}),
          replan,
        },
        select: { id: true },
      });
      runIds.push(run.id);
    }
  });
  return { runIds };
}
