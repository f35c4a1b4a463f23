import type { Db } from '@/lib/db';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { DEFAULT_WEIGHTS, type PlacementProblem } from '@/lib/placement/types';
import { checkTradeoffAxes } from './derive-tradeoff-problem';
import { TRADEOFF_AXES, weightsOf, type TradeoffParams } from './experiment-schema';

export type TradeoffProblem = { ok: true; problem: PlacementProblem } | { ok: false; field: 'source' | 'startupWeights' | 'trafficWeights'; message: string };

/**
 * The scenario's version-2 placement problem, with the network section measured on its topology
 * and its dependencies, built with storage weighed alone: the sweep sets each point's weights
 * itself (derive-tradeoff-problem.ts).
 */
export function buildNetworkProblem(db: Db, scenarioId: string) {
  return buildPlacementProblem(db, scenarioId, 'storage', { weights: DEFAULT_WEIGHTS });
}

/**
 * The scenario's problem as a sweep solves it, refused with what to do when the scenario cannot
 * answer a term the sweep asks for (no registry reached, no dependency with traffic).
 */
export async function buildTradeoffProblem(db: Db, scenarioId: string, params: TradeoffParams): Promise<TradeoffProblem> {
  const built = await buildNetworkProblem(db, scenarioId);
  if (!built.ok) return { ok: false, field: 'source', message: describeBuildFailure(built) };
  if (built.problem.containers.length === 0) return { ok: false, field: 'source', message: 'This scenario has no service replicas to place.' };
  const readiness = checkTradeoffAxes(built.problem);
  for (const axis of TRADEOFF_AXES) {
    const ready = readiness[axis];
    if (weightsOf(params, axis).length > 0 && !ready.ok) return { ok: false, field: axis === 'startup' ? 'startupWeights' : 'trafficWeights', message: ready.reason };
  }
  return { ok: true, problem: built.problem };
}
