import type { MilpModel } from '../placement/engines/milp-engine';
import { loadHighsEngine } from '../placement/engines/highs-engine';
import { sinkKey, sourceKey, type GraphPath } from './build-network-graph';
import { findCandidatePaths } from './find-candidate-paths';
import type { PreparedControl } from './prepare-control';
import { ResidualNetwork } from './residual-network';
import { explainFailure, isRouted, joinLegs, orderDemands, routeDemand, routeDemandsGreedy, waypointsOf, type RoutingOutcome } from './route-demands';
import type { Demand, OptimalReport, RoutedDemand, UnroutableDemand } from './types';

export const DEFAULT_K = 4;
export const DEFAULT_OPTIMAL_TIME_LIMIT_SEC = 60;

export type OptimalOptions = { k?: number; timeLimitSec?: number; shouldStop?: () => boolean };
export type OptimalRouting = { routing: RoutingOutcome; report: OptimalReport; keptGreedy: boolean };

type Leg = { demand: Demand; from: string; to: string; candidates: GraphPath[]; chosen: number };

const EPSILON = 1e-9;

/** Largest utilisation (a fraction) over the links a routing uses. */
function maxUtilisation(prepared: PreparedControl, routed: RoutedDemand[]): number {
  const load = new Map<string, number>();
  for (const d of routed) for (const l of d.links) load.set(l, (load.get(l) ?? 0) + d.mbps);
  let max = 0;
  for (const [l, mbps] of load) max = Math.max(max, mbps / prepared.network.links.get(l)!.bandwidthMbps);
  return max;
}

/** Splits a routed demand's path back into its legs at the VNF hosts. */
function legsOf(d: RoutedDemand): GraphPath[] {
  const cuts = [0, ...d.waypoints, d.path.length - 1];
  const legs: GraphPath[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) legs.push({ nodes: d.path.slice(cuts[i], cuts[i + 1] + 1), links: d.links.slice(cuts[i], cuts[i + 1]), latencyMs: 0 });
  return legs;
}

/**
 * The path LP: every leg of every demand picks among its k lowest-latency candidate paths (and
 * the greedy router's path), fractions summing to one. First minimise the largest link
 * utilisation U; then, with U held at its optimum, minimise Σ Mbit/s × latency. Each leg then
 * takes its largest fraction, a hill climb moves legs off the most loaded link while that lowers
 * it, and demands left on an overloaded link are routed again greedily on what remains (or
 * reported unroutable). If the greedy routing is still better (fewer unroutable demands, then a
 * lower maximum utilisation) it is kept, and the report says so.
 */
export async function routeDemandsOptimal(prepared: PreparedControl, options: OptimalOptions = {}): Promise<OptimalRouting> {
  const started = performance.now();
  const k = options.k ?? DEFAULT_K;
  const timeLimitSec = options.timeLimitSec ?? DEFAULT_OPTIMAL_TIME_LIMIT_SEC;
  const { network, vnfHost } = prepared;
  const greedy = routeDemandsGreedy(network, prepared.demands, vnfHost);
  const greedyMax = maxUtilisation(prepared, greedy.routed);
  const greedyById = new Map(greedy.routed.map((d) => [d.id, d]));
  const report = (status: OptimalReport['status'], lp: number | null, message?: string): OptimalReport => ({
    status,
    k,
    lpMaxUtilisationPct: lp === null ? null : round(lp * 100),
    greedyMaxUtilisationPct: round(greedyMax * 100),
    elapsedMs: Math.round(performance.now() - started),
    ...(message ? { message } : {}),
  });
  const keepGreedy = (status: OptimalReport['status'], message: string): OptimalRouting => ({ routing: greedy, report: report(status, null, message), keptGreedy: true });

  const cache = new Map<string, GraphPath[]>();
  const candidatesFor = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    let list = cache.get(key);
    if (!list) {
      list = findCandidatePaths(network, sourceKey(from), sinkKey(to), k);
      cache.set(key, list);
    }
    return list;
  };

  const unroutable: UnroutableDemand[] = [];
  const legsByDemand = new Map<string, Leg[]>();
  for (const demand of prepared.demands) {
    const stops = waypointsOf(demand, vnfHost);
    const legs: Leg[] = [];
    const greedyLegs = greedyById.has(demand.id) ? legsOf(greedyById.get(demand.id)!) : null;
    let failed = false;
    for (let i = 0; i + 1 < stops.length && !failed; i++) {
      const [from, to] = [stops[i], stops[i + 1]];
      if (from === to) {
        legs.push({ demand, from, to, candidates: [{ nodes: [from], links: [], latencyMs: 0 }], chosen: 0 });
        continue;
      }
      const candidates = [...candidatesFor(from, to)];
      if (candidates.length === 0) {
        unroutable.push(explainFailure(network, demand, from, to));
        failed = true;
        break;
      }
      const g = greedyLegs?.[i];
      if (g && !candidates.some((c) => c.links.join('|') === g.links.join('|'))) {
        let latencyMs = 0;
        for (const l of g.links) latencyMs += network.links.get(l)!.latencyMs;
        candidates.push({ ...g, latencyMs });
      }
      legs.push({ demand, from, to, candidates, chosen: 0 });
    }
    if (!failed) legsByDemand.set(demand.id, legs);
  }
  const legs = [...legsByDemand.values()].flat().filter((l) => l.candidates[0].links.length > 0);
  if (options.shouldStop?.()) return keepGreedy('cancelled', 'cancelled before the LP');

  // Columns: 0 = U, then one per (leg, candidate).
  const columnOf: number[] = [];
  let numCols = 1;
  for (const leg of legs) {
    columnOf.push(numCols);
    numCols += leg.candidates.length;
  }
  const linkRows = new Map<string, Map<number, number>>();
  legs.forEach((leg, li) =>
    leg.candidates.forEach((c, ci) => {
      for (const l of c.links) {
        const row = linkRows.get(l) ?? new Map<number, number>();
        const col = columnOf[li] + ci;
        row.set(col, (row.get(col) ?? 0) + leg.demand.mbps / network.links.get(l)!.bandwidthMbps);
        linkRows.set(l, row);
      }
    }),
  );
  const rowStarts: number[] = [];
  const rowIndex: number[] = [];
  const rowValue: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  legs.forEach((leg, li) => {
    rowStarts.push(rowIndex.length);
    leg.candidates.forEach((_, ci) => {
      rowIndex.push(columnOf[li] + ci);
      rowValue.push(1);
    });
    rowLower.push(1);
    rowUpper.push(1);
  });
  for (const row of linkRows.values()) {
    rowStarts.push(rowIndex.length);
    rowIndex.push(0);
    rowValue.push(-1);
    for (const [col, value] of [...row].sort((a, b) => a[0] - b[0])) {
      rowIndex.push(col);
      rowValue.push(value);
    }
    rowLower.push(-Infinity);
    rowUpper.push(0);
  }
  rowStarts.push(rowIndex.length);
  const model: MilpModel = {
    numCols,
    colCost: new Float64Array(numCols),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    integer: new Uint8Array(numCols),
    rowLower,
    rowUpper,
    rowStarts,
    rowIndex,
    rowValue,
  };
  model.colUpper[0] = 1e9;
  model.colCost[0] = 1;

  const engine = await loadHighsEngine();
  const remaining = () => Math.max(0.05, timeLimitSec - (performance.now() - started) / 1000);
  const first = engine.solve(model, { relax: true, timeLimitSec: remaining(), shouldStop: options.shouldStop });
  if (first.status !== 'optimal' || !first.values) {
    if (options.shouldStop?.()) return keepGreedy('cancelled', 'cancelled during the LP');
    return first.status === 'limit'
      ? keepGreedy('time-limit', `the LP did not finish within ${timeLimitSec} s; the greedy routes stand`)
      : keepGreedy('error', first.message ?? `the LP ended with status ${first.status}`);
  }
  const lpMax = first.values[0];

  // Second pass: latency at the optimal U (a hair of slack so the LP stays feasible numerically).
  model.colCost[0] = 0;
  model.colUpper[0] = lpMax * (1 + 1e-7) + 1e-9;
  legs.forEach((leg, li) => leg.candidates.forEach((c, ci) => (model.colCost[columnOf[li] + ci] = leg.demand.mbps * c.latencyMs)));
  const second = engine.solve(model, { relax: true, timeLimitSec: remaining(), shouldStop: options.shouldStop });
  const values = second.status === 'optimal' && second.values ? second.values : first.values;

  legs.forEach((leg, li) => {
    let best = 0;
    for (let ci = 1; ci < leg.candidates.length; ci++) {
      const v = values[columnOf[li] + ci];
      const b = values[columnOf[li] + best];
      if (v > b + 1e-7 || (Math.abs(v - b) <= 1e-7 && leg.candidates[ci].latencyMs < leg.candidates[best].latencyMs)) best = ci;
    }
    leg.chosen = best;
  });
  improveMaxUtilisation(prepared, legs);

  // Whatever still overflows a link is routed again on the capacity that is left.
  const residual = new ResidualNetwork(network);
  const routed: RoutedDemand[] = [];
  const chosenPath = (l: Leg) => l.candidates[l.chosen];
  for (const [, dlegs] of legsByDemand) {
    const joined = joinLegs(dlegs[0].demand, dlegs.map(chosenPath));
    routed.push(joined);
    residual.reserve(joined.links, joined.mbps);
  }
  const overloaded = (d: RoutedDemand) => d.links.some((l) => residual.residualOf(l) < -EPSILON);
  const evicted: RoutedDemand[] = [];
  for (const d of [...routed].sort((a, b) => b.mbps - a.mbps || (a.id < b.id ? -1 : 1))) {
    if (!overloaded(d)) continue;
    residual.release(d.links, d.mbps);
    evicted.push(d);
  }
  const kept = routed.filter((d) => !evicted.includes(d));
  for (const demand of orderDemands(evicted)) {
    const again = routeDemand(network, residual, stripRoute(demand), vnfHost);
    if (isRouted(again)) kept.push(again);
    else unroutable.push(again);
  }

  const candidate: RoutingOutcome = { routed: kept, unroutable };
  const finalMax = maxUtilisation(prepared, kept);
  const greedyBetter = greedy.unroutable.length < unroutable.length || (greedy.unroutable.length === unroutable.length && greedyMax < finalMax - 1e-9);
  const status = second.status === 'optimal' ? 'optimal' : 'time-limit';
  if (greedyBetter)
    return {
      routing: greedy,
      report: report(status, lpMax, 'rounding the LP to one path per demand came out worse than the greedy routes, which stand'),
      keptGreedy: true,
    };
  return { routing: candidate, report: report(status, lpMax), keptGreedy: false };
}

function stripRoute(d: RoutedDemand): Demand {
  const { path: _p, links: _l, latencyMs: _t, waypoints: _w, ...demand } = d;
  return demand;
}

/** Moves legs off the most utilised link while some move lowers the maximum. */
function improveMaxUtilisation(prepared: PreparedControl, legs: Leg[]): void {
  const capacity = (l: string) => prepared.network.links.get(l)!.bandwidthMbps;
  const load = new Map<string, number>();
  const crossing = new Map<string, Set<Leg>>();
  const apply = (leg: Leg, sign: 1 | -1) => {
    for (const l of leg.candidates[leg.chosen].links) {
      load.set(l, (load.get(l) ?? 0) + sign * leg.demand.mbps);
      const set = crossing.get(l) ?? new Set<Leg>();
      if (sign === 1) set.add(leg);
      else set.delete(leg);
      crossing.set(l, set);
    }
  };
  legs.forEach((leg) => apply(leg, 1));
  for (let round = 0; round < legs.length * 2; round++) {
    let worst: string | null = null;
    let worstUtil = 0;
    for (const [l, mbps] of load) {
      const u = mbps / capacity(l);
      if (u > worstUtil + EPSILON || (worst !== null && Math.abs(u - worstUtil) <= EPSILON && l < worst)) {
        worst = l;
        worstUtil = u;
      }
    }
    if (worst === null) return;
    let moved = false;
    const onWorst = [...crossing.get(worst)!].sort((a, b) => b.demand.mbps - a.demand.mbps);
    for (const leg of onWorst) {
      const current = leg.chosen;
      for (let ci = 0; ci < leg.candidates.length && !moved; ci++) {
        if (ci === current || leg.candidates[ci].links.includes(worst)) continue;
        apply(leg, -1);
        leg.chosen = ci;
        apply(leg, 1);
        const peak = Math.max(...leg.candidates[ci].links.map((l) => load.get(l)! / capacity(l)));
        if (peak < worstUtil - EPSILON) moved = true;
        else {
          apply(leg, -1);
          leg.chosen = current;
          apply(leg, 1);
        }
      }
      if (moved) break;
    }
    if (!moved) return;
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
