import type { PlacementProblem, PlacementResult, SolveOptions } from '@/lib/placement/types';
import { deriveTradeoffProblem } from './derive-tradeoff-problem';
import { TRADEOFF_AXES, weightsOf, type TradeoffParams, type TradeoffPoint } from './experiment-schema';

export type TradeoffSweepSpec = {
  /** the scenario's problem, with its network section */
  problem: PlacementProblem;
  params: TradeoffParams;
  solve: (problem: PlacementProblem, options: SolveOptions) => Promise<PlacementResult>;
  onPoint?: (point: TradeoffPoint) => void;
  signal?: AbortSignal;
};

/**
 * Solves the problem once per axis, weight and algorithm, one solve at a time, start-up weights
 * first, each axis from its smallest weight up (the order the front fills in). A solve stopped
 * by the signal is not a point: the sweep ends there with what it has.
 */
export async function runTradeoffSweep(spec: TradeoffSweepSpec): Promise<TradeoffPoint[]> {
  const { params } = spec;
  const points: TradeoffPoint[] = [];
  for (const axis of TRADEOFF_AXES) {
    for (const weight of weightsOf(params, axis)) {
      const problem = deriveTradeoffProblem(spec.problem, axis, weight);
      for (const algorithm of params.algorithms) {
        if (spec.signal?.aborted) return points;
        const result = await spec.solve(problem, { algorithm, engine: params.engine, timeLimitSec: params.timeLimitSec, signal: spec.signal, seed: params.seed });
        if (result.status === 'cancelled') return points;
        const placed = result.assignment !== undefined;
        const point: TradeoffPoint = {
          axis,
          weight,
          algorithm,
          status: result.status,
          cost: placed ? result.cost : null,
          terms: placed ? (result.terms ?? null) : null,
          noSharingCost: result.noSharingCost,
          elapsedMs: result.elapsedMs,
        };
        points.push(point);
        spec.onPoint?.(point);
      }
    }
  }
  return points;
}
