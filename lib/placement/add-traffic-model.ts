import type { CompiledProblem } from './compile-problem';
import type { NetworkCoefficients, TrafficPair } from './derive-network-coefficients';
import type { MilpBuilder, RowEntry } from './milp-builder';
import type { StartFiller } from './add-startup-model';

/**
 * How `exact` linearises the traffic between directly dependent replicas (the `via` legs are
 * linear already):
 * - `pairs`: per pair of units a transport between their server distributions, z(i,j) ≥ 0 with
 *   Σ_j z(i,j) = x(u,i) and Σ_i z(i,j) = x(v,j), cost weight × ms(i,j). Exact on integer x (the
 *   marginals force z = x(u,·) x(v,·)); in the LP it is the earth mover's distance between the
 *   two fractional placements, where McCormick's z ≥ x(u,i) + x(v,j) − 1 is mostly 0.
 * - `stars`: one transport per unit of a vertex cover of the pairs, between its placement
 *   (scaled by its summed weight) and the weighted sum of its partners': exact too, fewer
 *   columns (the cover's side of a service with many replicas is aggregated), a weaker LP.
 * - `mccormick`: the textbook product linearisation, kept for the ablation.
 * - `off`: no traffic columns, only the rows that keep replicas with traffic on servers a path
 *   joins (the term is dropped, or weighs nothing, but a pair with no path stays invalid).
 */
export type TrafficModel = 'pairs' | 'stars' | 'mccormick' | 'off';

const serversOf = (xCol: Int32Array, u: number, S: number) => {
  const list: number[] = [];
  for (let j = 0; j < S; j++) if (xCol[u * S + j] >= 0) list.push(j);
  return list;
};

/**
 * Columns the linearisation takes: what the size limit of `exact` is measured in. Counted
 * before the model is built, over the servers each unit may use.
 */
export function countTrafficColumns(cp: CompiledProblem, net: NetworkCoefficients, model: TrafficModel): number {
  const S = cp.servers.length;
  const xCol = new Int32Array(cp.units.length * S).fill(-1);
  cp.units.forEach((unit, u) => {
    for (let j = 0; j < S; j++) if (unit.eligible[j] && !net.forbidden[u * S + j]) xCol[u * S + j] = 0;
  });
  const latency = net.latency;
  if (model === 'off' || !latency || net.weights.traffic === 0) return 0;
  if (model === 'stars') {
    let total = 0;
    for (const star of coverWithStars(net.trafficPairs)) {
      const from = serversOf(xCol, star.centre, S);
      const to = new Set(star.partners.flatMap((p) => serversOf(xCol, p.unit, S)));
      for (const i of from) for (const j of to) if (Number.isFinite(latency[i * S + j])) total++;
    }
    return total;
  }
  let total = 0;
  for (const { u, v } of net.trafficPairs) {
    const to = serversOf(xCol, v, S);
    for (const i of serversOf(xCol, u, S)) for (const j of to) if (Number.isFinite(latency[i * S + j]) && (model === 'pairs' || latency[i * S + j] > 0)) total++;
  }
  return total;
}

type Star = { centre: number; partners: { unit: number; weight: number }[] };

/**
 * Pairs grouped by a vertex cover, greedily: the unit with the most uncovered pairs becomes a
 * centre and takes them all. A service with k replicas called by one with m replicas gives
 * min(k, m) stars instead of k · m pairs.
 */
export function coverWithStars(pairs: readonly TrafficPair[]): Star[] {
  const open = new Map<number, Set<number>>();
  pairs.forEach((p, k) => {
    for (const w of [p.u, p.v]) {
      if (!open.has(w)) open.set(w, new Set());
      open.get(w)!.add(k);
    }
  });
  const stars: Star[] = [];
  for (;;) {
    let centre = -1;
    for (const [w, set] of open) if (set.size > 0 && (centre < 0 || set.size > open.get(centre)!.size || (set.size === open.get(centre)!.size && w < centre))) centre = w;
    if (centre < 0) return stars;
    const taken = [...open.get(centre)!].sort((a, b) => a - b);
    stars.push({ centre, partners: taken.map((k) => ({ unit: pairs[k].u === centre ? pairs[k].v : pairs[k].u, weight: pairs[k].weight })) });
    for (const k of taken) for (const w of [pairs[k].u, pairs[k].v]) open.get(w)!.delete(k);
  }
}

/**
 * Adds the traffic term: the `via` legs on x's costs, the direct pairs by `model`; keeps every
 * pair with traffic on servers a path joins in every model. `costPerMbpsMs` converts Mbit/s·ms
 * to the objective's units (0 when traffic weighs nothing).
 */
export function addTrafficModel(b: MilpBuilder, cp: CompiledProblem, net: NetworkCoefficients, xCol: Int32Array, costPerMbpsMs: number, model: TrafficModel): StartFiller {
  const S = cp.servers.length;
  const latency = net.latency!;
  const ms = (i: number, j: number) => latency[i * S + j];
  if (costPerMbpsMs > 0) {
    for (let k = 0; k < xCol.length; k++) if (xCol[k] >= 0 && net.trafficLinear[k] !== 0) b.addCost(xCol[k], costPerMbpsMs * net.trafficLinear[k]);
  }
  const effective = costPerMbpsMs > 0 ? model : 'off';
  const fillers: StartFiller[] = [];

  if (effective === 'off' || effective === 'mccormick') {
    // No path between i and j: x(u,i) + Σ_{j unreachable from i} x(v,j) ≤ 1.
    for (const { u, v } of net.trafficPairs) {
      const to = serversOf(xCol, v, S);
      for (const i of serversOf(xCol, u, S)) {
        const cut = to.filter((j) => !Number.isFinite(ms(i, j)));
        if (cut.length > 0) b.addRow(-Infinity, 1, [[xCol[u * S + i], 1], ...cut.map((j): RowEntry => [xCol[v * S + j], 1])]);
      }
    }
  }
  if (effective === 'mccormick') {
    for (const { u, v, weight } of net.trafficPairs) {
      const cols = new Map<number, number>();
      for (const i of serversOf(xCol, u, S)) {
        for (const j of serversOf(xCol, v, S)) {
          if (!Number.isFinite(ms(i, j)) || ms(i, j) === 0) continue;
          const z = b.addColumn(costPerMbpsMs * weight * ms(i, j));
          cols.set(i * S + j, z);
          b.addRow(-1, Infinity, [
            [z, 1],
            [xCol[u * S + i], -1],
            [xCol[v * S + j], -1],
          ]);
        }
      }
      fillers.push((unitServer, values) => {
        const z = cols.get(unitServer[u] * S + unitServer[v]);
        if (z !== undefined) values[z] = 1;
      });
    }
  }
  if (effective === 'pairs') {
    for (const { u, v, weight } of net.trafficPairs) {
      const from = serversOf(xCol, u, S);
      const to = serversOf(xCol, v, S);
      const cols = new Map<number, number>();
      const rowOf = new Map<number, RowEntry[]>(from.map((i) => [i, [[xCol[u * S + i], -1]]]));
      const colOf = new Map<number, RowEntry[]>(to.map((j) => [j, [[xCol[v * S + j], -1]]]));
      for (const i of from) {
        for (const j of to) {
          if (!Number.isFinite(ms(i, j))) continue;
          const z = b.addColumn(costPerMbpsMs * weight * ms(i, j));
          cols.set(i * S + j, z);
          rowOf.get(i)!.push([z, 1]);
          colOf.get(j)!.push([z, 1]);
        }
      }
      for (const row of [...rowOf.values(), ...colOf.values()]) b.addRow(0, 0, row);
      fillers.push((unitServer, values) => {
        const z = cols.get(unitServer[u] * S + unitServer[v]);
        if (z !== undefined) values[z] = 1;
      });
    }
  }
  if (effective === 'stars') {
    for (const { centre, partners } of coverWithStars(net.trafficPairs)) {
      const total = partners.reduce((sum, p) => sum + p.weight, 0);
      const from = serversOf(xCol, centre, S);
      const to = [...new Set(partners.flatMap((p) => serversOf(xCol, p.unit, S)))].sort((a, b) => a - b);
      const cols = new Map<number, number>();
      const rowOf = new Map<number, RowEntry[]>(from.map((i) => [i, [[xCol[centre * S + i], -total]]]));
      const colOf = new Map<number, RowEntry[]>(to.map((j) => [j, partners.filter((p) => xCol[p.unit * S + j] >= 0).map((p): RowEntry => [xCol[p.unit * S + j], -p.weight])]));
      for (const i of from) {
        for (const j of to) {
          if (!Number.isFinite(ms(i, j))) continue;
          const z = b.addColumn(costPerMbpsMs * ms(i, j), { upper: total });
          cols.set(i * S + j, z);
          rowOf.get(i)!.push([z, 1]);
          colOf.get(j)!.push([z, 1]);
        }
      }
      for (const row of [...rowOf.values(), ...colOf.values()]) b.addRow(0, 0, row);
      fillers.push((unitServer, values) => {
        for (const p of partners) {
          const z = cols.get(unitServer[centre] * S + unitServer[p.unit]);
          if (z !== undefined) values[z] += p.weight;
        }
      });
    }
  }
  return (unitServer, values) => fillers.forEach((fill) => fill(unitServer, values));
}
