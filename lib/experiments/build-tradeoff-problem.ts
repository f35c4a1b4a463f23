import type { Db } from '@/lib/db';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import type { PlacementProblem } from '@/lib/placement/types';
import { checkTradeoffAxes } from './derive-tradeoff-problem';
import { TRADEOFF_AXES, weightsOf, type TradeoffParams } from './experiment-schema';

export type TradeoffProblem = { ok: true; problem: PlacementProblem } | { ok: false; field: 'source' | 'startupWeights' | 'trafficWeights'; message: string };

/**
 * The scenario's placement problem as a sweep solves it, refused with what to do when the
 * scenario cannot answer an axis the sweep asks for. The builder emits the network section
 * (registries, paths, latencies) and the dependencies; the sweep only checks they are there.
 */
export async function buildTradeoffProblem(db: Db, scenarioId: string, params: TradeoffParams): Promise<TradeoffProblem> {
  const built = await buildPlacementProblem(db, scenarioId);
  if (!built.ok) return { ok: false, field: 'source', message: describeBuildFailure(built) };
  if (built.problem.containers.length === 0) return { ok: false, field: 'source', message: 'This scenario has no service replicas to place.' };
  const readiness = checkTradeoffAxes(built.problem);
  for (const axis of TRADEOFF_AXES) {
    const ready = readiness[axis];
    if (weightsOf(params, axis).length > 0 && !ready.ok) return { ok: false, field: axis === 'startup' ? 'startupWeights' : 'trafficWeights', message: ready.reason };
  }
  return { ok: true, problem: built.problem };
}
