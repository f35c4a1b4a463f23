import type { Assignment, PlacementProblem } from '../types';

export type DependencyTraffic = {
  from: string;
  to: string;
  trafficMbps: number;
  /** mean path latency over the pairs of replicas (through the chain's VNF hosts), ms */
  meanLatencyMs: number;
  /** trafficMbps × meanLatencyMs, Mbit/s·ms */
  cost: number;
  /** pairs of replicas placed where no path joins them */
  unreachablePairs: number;
  pairs: number;
};

export type TrafficCost = { total: number; dependencies: DependencyTraffic[] };

/** ms between two edge servers: 0 on the same one, Infinity when the problem lists no path. */
export type LatencyLookup = (a: string, b: string) => number;

export function createLatencyLookup(problem: PlacementProblem): LatencyLookup {
  const table = new Map<string, number>();
  for (const { a, b, latencyMs } of problem.network?.latencies ?? []) {
    table.set(`${a}\u0000${b}`, latencyMs);
    table.set(`${b}\u0000${a}`, latencyMs);
  }
  return (a, b) => (a === b ? 0 : (table.get(`${a}\u0000${b}`) ?? Infinity));
}

/** ms from a caller on `a` to a callee on `b`, through the VNF hosts of the chain in order. */
export function chainLatency(latency: LatencyLookup, a: string, b: string, via: readonly string[] = []): number {
  let total = 0;
  let at = a;
  for (const hop of via) {
    total += latency(at, hop);
    at = hop;
  }
  return total + latency(at, b);
}

/**
 * Σ over dependencies of trafficMbps × the mean path latency between the replicas of its two
 * services (docs/placement-format.md, "Traffic cost"): the traffic is taken to be split evenly
 * over every pair of caller and callee replicas, as a mesh's round robin does. Null when the
 * problem has no network or no dependencies. Replicas not placed are left out.
 */
export function computeTrafficCost(problem: PlacementProblem, assignment: Assignment): TrafficCost | null {
  if (!problem.network || !problem.dependencies) return null;
  const latency = createLatencyLookup(problem);
  const replicas = new Map<string, string[]>();
  for (const c of problem.containers) {
    if (c.service === undefined || !Object.hasOwn(assignment, c.id)) continue;
    if (!replicas.has(c.service)) replicas.set(c.service, []);
    replicas.get(c.service)!.push(assignment[c.id]);
  }
  let total = 0;
  const dependencies = problem.dependencies.map((d): DependencyTraffic => {
    const from = replicas.get(d.from) ?? [];
    const to = replicas.get(d.to) ?? [];
    let sum = 0;
    let unreachablePairs = 0;
    for (const a of from) {
      for (const b of to) {
        const ms = chainLatency(latency, a, b, d.via);
        if (Number.isFinite(ms)) sum += ms;
        else unreachablePairs += 1;
      }
    }
    const pairs = from.length * to.length;
    const meanLatencyMs = pairs > 0 ? sum / pairs : 0;
    const cost = d.trafficMbps * meanLatencyMs;
    total += cost;
    return { from: d.from, to: d.to, trafficMbps: d.trafficMbps, meanLatencyMs, cost, unreachablePairs, pairs };
  });
  return { total, dependencies };
}
