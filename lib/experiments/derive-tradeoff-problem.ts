import type { PlacementProblem } from '@/lib/placement/types';
import { WEIGHT_UNIT_BYTES, type TradeoffAxis } from './experiment-schema';

export type AxisReadiness = { ok: true } | { ok: false; reason: string };

/**
 * Whether a sweep can set each term against storage on this problem, and if not, what the
 * planner should do: start-up time needs a registry the edge servers reach, traffic cost the
 * network's latencies and services that call each other.
 */
export function checkTradeoffAxes(problem: PlacementProblem): Record<TradeoffAxis, AxisReadiness> {
  const network = problem.network;
  // The builder measures a network section only on a topology with links.
  const noNetwork = 'This scenario has no network links to measure: connect its edge servers to network nodes and attach a registry to the topology on the Architecture page.';
  const startup: AxisReadiness = !network
    ? { ok: false, reason: noNetwork }
    : network.registries.length === 0
      ? { ok: false, reason: 'No registry is attached to the topology: attach one to a network node or an edge server on the Architecture page to sweep start-up time.' }
      : network.pulls.length === 0
        ? { ok: false, reason: 'No edge server reaches a registry: link the registry’s network node to the edge servers on the Architecture page to sweep start-up time.' }
        : { ok: true };
  const traffic: AxisReadiness = !network
    ? { ok: false, reason: noNetwork }
    : !(problem.dependencies ?? []).some((d) => d.trafficMbps > 0)
      ? {
          ok: false,
          reason: 'No service calls another with traffic: connect the services that call each other on the Architecture page, with their Mbit/s, to sweep traffic cost.',
        }
      : { ok: true };
  return { startup, traffic };
}

/**
 * The problem one point of a sweep solves: storage weighed 1 (bytes) and the axis's term at
 * `weightMiB` MiB per second of start-up, or per Mbit/s·ms of traffic cost. The placement in
 * force is left out: the sweep asks what the scenario trades from an empty edge, and layers
 * already running somewhere would make those servers look fast to start.
 */
export function deriveTradeoffProblem(base: PlacementProblem, axis: TradeoffAxis, weightMiB: number): PlacementProblem {
  const { current: _current, ...rest } = base;
  const weight = weightMiB * WEIGHT_UNIT_BYTES;
  return {
    ...rest,
    version: 2,
    weights: { storage: 1, startup: axis === 'startup' ? weight : 0, traffic: axis === 'traffic' ? weight : 0, moves: 0 },
  };
}
