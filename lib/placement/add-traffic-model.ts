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

/**
 * Valid rows on the `pairs` columns (add-traffic-model.ts): `colocation`, the partners on a
 * unit's own server fit in it; `neighbourhood`, the same for the k servers nearest it;
 * `layers`, a server's users of a layer and the partners beside them fit in it when it holds
 * the layer.
 */
export type TrafficCut = 'colocation' | 'neighbourhood' | 'layers';

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
 * to the objective's units (0 when traffic weighs nothing). `cuts` (pairs only): the capacity
 * rows on the partners near a unit, below.
 */
export function addTrafficModel(
  b: MilpBuilder,
  cp: CompiledProblem,
  net: NetworkCoefficients,
  xCol: Int32Array,
  costPerMbpsMs: number,
  { model, cuts, yCol }: { model: TrafficModel; cuts: readonly TrafficCut[]; yCol: Int32Array },
): StartFiller {
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
    /** per unit w and server a: its partners, and the column of (w on a, partner on b) per b */
    const around = new Map<number, { partner: number; at: Map<number, number> }[]>();
    const note = (w: number, a: number, partner: number, b: number, z: number) => {
      const key = w * S + a;
      if (!around.has(key)) around.set(key, []);
      const list = around.get(key)!;
      let entry = list.find((e) => e.partner === partner);
      if (!entry) list.push((entry = { partner, at: new Map() }));
      entry.at.set(b, z);
    };
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
          if (cuts.length > 0) {
            note(u, i, v, j, z);
            note(v, j, u, i, z);
          }
        }
      }
      for (const row of [...rowOf.values(), ...colOf.values()]) b.addRow(0, 0, row);
      fillers.push((unitServer, values) => {
        const z = cols.get(unitServer[u] * S + unitServer[v]);
        if (z !== undefined) values[z] = 1;
      });
    }
    // Partners near a unit are bounded by the capacity near it: with w on server a, the
    // partners on the k servers nearest a fit in their capacity less w's demand,
    // Σ_v d_v Σ_{b near a} z(w on a, v on b) ≤ (Σ_{b near a} cap_b − d_w) x(w,a), valid since
    // z = x(w,a) x(v,b) on integer points. k = 1 is co-location; without these rows the LP puts
    // every partner fractionally beside w at no traffic cost. Only rows that bind are added.
    for (const [key, partners] of around) {
      const w = Math.floor(key / S);
      const a = key % S;
      const near = Array.from({ length: S }, (_, j) => j)
        .filter((j) => Number.isFinite(ms(a, j)))
        .sort((p, q) => ms(a, p) - ms(a, q) || (p === a ? -1 : q === a ? 1 : p - q));
      const prefixes = cuts.includes('neighbourhood') ? near.length : cuts.includes('colocation') ? 1 : 0;
      for (const r of ['cpu', 'memory', 'bandwidth'] as const) {
        const demand = partners.reduce((sum, p) => sum + cp.units[p.partner][r], 0);
        let room = -cp.units[w][r];
        for (let k = 0; k < prefixes; k++) {
          room += cp.servers[near[k]][r];
          if (demand <= room) break;
          const row: RowEntry[] = [[xCol[w * S + a], -room]];
          for (const p of partners) {
            const d = cp.units[p.partner][r];
            if (d === 0) continue;
            for (let m = 0; m <= k; m++) {
              const z = p.at.get(near[m]);
              if (z !== undefined) row.push([z, d]);
            }
          }
          b.addCutOnce(row);
        }
      }
    }
    if (cuts.includes('layers')) addSharedLayerCuts(b, cp, xCol, yCol, around);
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

/**
 * Capacity linking with the partners beside a layer's users: on server j, the users of layer l
 * and the partners that share j with one of them fit in j when it holds l, Σ_{u uses l} d_u
 * x(u,j) + Σ_v d_v mean_m z(m on j, v on j) ≤ cap_j y(l,j), the mean over v's partners m that
 * use l (each z ≤ x(v,j) y(l,j) on integer points, so the mean is too). Without it the LP
 * spreads a service, its replicas and its database in one fractional pattern: no traffic
 * between them, yet one copy of the database image.
 */
function addSharedLayerCuts(b: MilpBuilder, cp: CompiledProblem, xCol: Int32Array, yCol: Int32Array, around: Map<number, { partner: number; at: Map<number, number> }[]>) {
  const S = cp.servers.length;
  const users: number[][] = Array.from({ length: cp.layerSize.length }, () => []);
  cp.units.forEach((unit, u) => unit.layers.forEach((l) => users[l].push(u)));
  users.forEach((list, l) => {
    const uses = new Set(list);
    for (let j = 0; j < S; j++) {
      const y = yCol[l * S + j];
      if (y < 0) continue;
      /** partner -> its diagonal columns with users of l on j */
      const beside = new Map<number, number[]>();
      for (const m of list) {
        for (const p of around.get(m * S + j) ?? []) {
          const z = p.at.get(j);
          if (z === undefined || uses.has(p.partner)) continue;
          if (!beside.has(p.partner)) beside.set(p.partner, []);
          beside.get(p.partner)!.push(z);
        }
      }
      if (beside.size === 0) continue;
      for (const r of ['cpu', 'memory', 'bandwidth'] as const) {
        const cap = cp.servers[j][r];
        const row: RowEntry[] = [];
        let total = 0;
        for (const u of list) {
          const x = xCol[u * S + j];
          if (x < 0 || cp.units[u][r] === 0) continue;
          row.push([x, cp.units[u][r]]);
          total += cp.units[u][r];
        }
        for (const [v, zs] of beside) {
          const d = cp.units[v][r];
          if (d === 0) continue;
          for (const z of zs) row.push([z, d / zs.length]);
          total += d;
        }
        if (total > cap) b.addCutOnce([...row, [y, -cap]]);
      }
    }
  });
}
