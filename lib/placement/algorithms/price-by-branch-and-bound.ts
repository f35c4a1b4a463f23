import { layerStorage, type CompiledProblem } from '../compile-problem';
import { pricedLayerCost, solveClosure } from './bound-pricing-by-closure';

const EPS = 1e-7; // MB: far below a byte
/** capacity slack as `fitsWithin` allows it (capacity-tolerance.ts), kept inline on the hot path */
const SLACK = 1e-9;

export type PricingSearchOptions = {
  /** a known column (the greedy pricer's best): it prunes from the first node on */
  start?: { units: number[]; profit: number } | null;
  /** cover-row duals by layer (MB): they lower the price of a layer, never below zero */
  discount?: Float64Array | null;
  /** depth up to which the closure bound tightens the node bound (-1: never) */
  closureDepth?: number;
  /**
   * Prune a node whose bound is within `relGap` × the best profit of it: the search then finds a
   * column within that share of the optimum, and `upper` stays a proved bound (the largest bound
   * pruned so), which is all the Lagrangian bound needs. 0: exact.
   */
  relGap?: number;
  /** how many of the best columns the search replaced to return besides the best (more columns per call) */
  runnersUp?: number;
};

export type PricingSearchResult = {
  /** the best column found (item indices of `cp.units`) and its profit (MB) */
  best: number[];
  profit: number;
  /** MB: a proved upper bound on every column's profit (≥ profit; equal when exact) */
  upper: number;
  nodes: number;
  /** columns with positive profit the best one replaced, latest first (at most `runnersUp`) */
  others: number[][];
};

/** The units eligible on server `j` whose value is positive: the only ones a pricer may take. */
export function profitableUnits(cp: CompiledProblem, j: number, value: (u: number) => number): { u: number; v: number }[] {
  const units: { u: number; v: number }[] = [];
  for (let u = 0; u < cp.units.length; u++) {
    if (!cp.units[u].eligible[j]) continue;
    const v = value(u);
    if (v > EPS) units.push({ u, v });
  }
  return units;
}

/**
 * Exact pricing by depth-first branch and bound (no WASM round trip): units by value less their
 * share of layers, take before skip, bounded by shared layer costs split among the remaining
 * users that still fit and a fractional knapsack per resource (below). Everything a node touches
 * lives in typed arrays indexed by the search's own items and layers, so a node allocates
 * nothing. Null when `nodeLimit` runs out (the caller then prices with the MIP).
 */
export function priceByBranchAndBound(
  cp: CompiledProblem,
  j: number,
  value: (u: number) => number,
  phase1: boolean,
  groupsOf: number[][],
  nodeLimit: number,
  options: PricingSearchOptions = {},
): PricingSearchResult | null {
  const { start = null, discount = null, closureDepth = -1, relGap = 0, runnersUp = 0 } = options;
  const server = cp.servers[j];
  const picked = profitableUnits(cp, j, value);
  const n = picked.length;
  // A discount (cover-row dual) never exceeds the layer's cost, so prices stay ≥ 0 (the bound needs it).
  const cost = (l: number) => pricedLayerCost(cp, l, j, phase1, discount);
  // Most promising first: value less the unit's share of its layers (halved the nodes on Fig. 5 ×0.8).
  {
    const users = new Int32Array(cp.layerSize.length);
    for (const { u } of picked) for (const l of cp.units[u].layers) users[l]++;
    const net = new Float64Array(cp.units.length);
    for (const { u, v } of picked) {
      let share = 0;
      for (const l of cp.units[u].layers) share += cost(l) / users[l];
      net[u] = v - share;
    }
    picked.sort((a, b) => net[b.u] - net[a.u] || a.u - b.u);
  }

  // The search's own numbering: items 0..n-1 in search order, layers 0..m-1 as first met,
  // conflict groups as first met; each item's layers and groups as slices of one array.
  const unitOf = Int32Array.from(picked, (p) => p.u);
  const val = Float64Array.from(picked, (p) => p.v);
  const dem = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const localLayer = new Map<number, number>();
  const globalLayer: number[] = [];
  const layerStart = new Int32Array(n + 1);
  const layerList: number[] = [];
  const localGroup = new Map<number, number>();
  const groupStart = new Int32Array(n + 1);
  const groupList: number[] = [];
  for (let i = 0; i < n; i++) {
    const unit = cp.units[unitOf[i]];
    dem[0][i] = unit.cpu;
    dem[1][i] = unit.memory;
    dem[2][i] = unit.bandwidth;
    for (const l of unit.layers) {
      let q = localLayer.get(l);
      if (q === undefined) {
        q = globalLayer.length;
        localLayer.set(l, q);
        globalLayer.push(l);
      }
      layerList.push(q);
    }
    layerStart[i + 1] = layerList.length;
    for (const g of groupsOf[unitOf[i]]) {
      let q = localGroup.get(g);
      if (q === undefined) {
        q = localGroup.size;
        localGroup.set(g, q);
      }
      groupList.push(q);
    }
    groupStart[i + 1] = groupList.length;
  }
  const itemLayers = Int32Array.from(layerList);
  const itemGroups = Int32Array.from(groupList);
  const m = globalLayer.length;
  const layerCostOf = Float64Array.from(globalLayer, (l) => cost(l));
  const layerBytesOf = Float64Array.from(globalLayer, (l) => layerStorage(cp, l, j));
  const itemBytes = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let q = layerStart[i]; q < layerStart[i + 1]; q++) itemBytes[i] += layerBytesOf[itemLayers[q]];

  const present = new Int32Array(m);
  const usedGroups = new Int32Array(localGroup.size);
  const chosen = new Int32Array(n);
  let depth = 0;
  let cpu = 0,
    memory = 0,
    bandwidth = 0,
    disk = server.cachedBytes,
    profit = 0;
  const limitCpu = server.cpu + SLACK * Math.max(1, Math.abs(server.cpu));
  const limitMemory = server.memory + SLACK * Math.max(1, Math.abs(server.memory));
  const limitBandwidth = server.bandwidth + SLACK * Math.max(1, Math.abs(server.bandwidth));
  let best = start && start.profit > 0 ? start.profit : 0;
  let bestSet: number[] = start && start.profit > 0 ? [...start.units] : [];
  const others: number[][] = [];
  // The largest node bound pruned by the relative gap rather than by `best` itself.
  let pruned = -Infinity;
  let nodes = 0;

  const fits = (i: number): boolean => {
    for (let g = groupStart[i]; g < groupStart[i + 1]; g++) if (usedGroups[itemGroups[g]]) return false;
    if (cpu + dem[0][i] > limitCpu || memory + dem[1][i] > limitMemory || bandwidth + dem[2][i] > limitBandwidth) return false;
    // Most often the unit fits with all its layers counted: no need to see which are held.
    if (disk + itemBytes[i] <= server.storage) return true;
    let extra = 0;
    for (let q = layerStart[i]; q < layerStart[i + 1]; q++) if (!present[itemLayers[q]]) extra += layerBytesOf[itemLayers[q]];
    return disk + extra <= server.storage;
  };
  // Bound: a layer that several remaining units (those that still fit) share costs each of
  // them its share (cost / those users): whatever subset is taken pays at least the shares of
  // its members, so Σ (value − shares) over the subset is above its profit. The subset also
  // fits every resource, so a fractional knapsack per resource (disk weighted by the same
  // shares of bytes) bounds it further.
  const profits = new Float64Array(n);
  const weights = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const ratio = new Float64Array(n);
  const order = new Int32Array(n);
  const fitting = new Int32Array(n);
  const fitUsers = new Int32Array(m);
  // Counts and marks of one bound call are valid where stamped with its number (no reset pass).
  const userStamp = new Int32Array(m);
  const fitStamp = new Int32Array(n);
  let stamp = 0;
  const need = new Float64Array(4);
  const room = new Float64Array(4);
  const slack = (limit: number) => SLACK * Math.max(1, limit);
  const closureCost = new Float64Array(cp.layerSize.length);
  /** a before b in the heap: higher ratio, then lower index (the order a sort would give) */
  // The heap keeps each entry's ratio beside its item (`ratio` by heap position): comparing
  // through the item's index was a third of the search's time.
  let size = 0;
  const siftDown = (h: number) => {
    const item = order[h],
      key = ratio[h];
    for (;;) {
      let c = 2 * h + 1;
      if (c >= size) break;
      if (c + 1 < size && (ratio[c + 1] > ratio[c] || (ratio[c + 1] === ratio[c] && order[c + 1] < order[c]))) c++;
      if (!(ratio[c] > key || (ratio[c] === key && order[c] < item))) break;
      order[h] = order[c];
      ratio[h] = ratio[c];
      h = c;
    }
    order[h] = item;
    ratio[h] = key;
  };
  const pop = (): number => {
    const top = order[0];
    size--;
    order[0] = order[size];
    ratio[0] = ratio[size];
    siftDown(0);
    return top;
  };
  // Dominance among units with the same layers (replicas of one image): b is dominated by an
  // earlier a that is worth at least as much, needs no more of any resource and is in no other
  // conflict group. Swapping b for a keeps a column feasible and no less profitable, so some
  // optimal column holds b only with a: leaving a out leaves b out (the swaps end, as each
  // moves a column up a fixed order: value, then position).
  const dominated: number[][] = picked.map(() => []);
  const banned = new Int32Array(n);
  {
    const byLayers = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = Array.from(cp.units[unitOf[i]].layers).join(',');
      const same = byLayers.get(key);
      if (same) same.push(i);
      else byLayers.set(key, [i]);
    }
    const sameGroups = (a: number, b: number) => groupsOf[a].length === groupsOf[b].length && groupsOf[a].every((g, q) => g === groupsOf[b][q]);
    for (const same of byLayers.values())
      for (let x = 0; x < same.length; x++)
        for (let y = x + 1; y < same.length; y++) {
          const a = same[x],
            b = same[y];
          if (val[a] >= val[b] && dem[0][a] <= dem[0][b] && dem[1][a] <= dem[1][b] && dem[2][a] <= dem[2][b] && sameGroups(unitOf[a], unitOf[b])) dominated[a].push(b);
        }
  }
  // Cardinality: a layer's users in any column that still fits are at most as many as fit
  // together, so its cost splits among at most that many (shares above cost / all its users).
  // Per layer once (its users' smallest demands against the empty server), per node over all
  // items that still fit (the smallest demands against the room left).
  const ascending = [0, 1, 2].map((r) => Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => dem[r][a] - dem[r][b] || a - b));
  const capacity = [limitCpu, limitMemory, limitBandwidth];
  const layerCard = new Int32Array(m).fill(n);
  {
    const users: number[][] = Array.from({ length: m }, () => []);
    for (let i = 0; i < n; i++) for (let q = layerStart[i]; q < layerStart[i + 1]; q++) users[itemLayers[q]].push(i);
    for (let l = 0; l < m; l++)
      for (let r = 0; r < 3; r++) {
        const d = users[l].map((i) => dem[r][i]).sort((a, b) => a - b);
        let used = 0,
          count = 0;
        for (const x of d) {
          if (used + x > capacity[r]) break;
          used += x;
          count++;
        }
        layerCard[l] = Math.min(layerCard[l], count);
      }
  }
  /** the profit a node must promise to be searched: above the best, by the gap allowed */
  const threshold = () => best + Math.max(EPS, relGap * best);
  const bound = (i: number): number => {
    let f = 0;
    stamp++;
    for (let k = i; k < n; k++) {
      if (banned[k] || !fits(k)) continue;
      fitting[f++] = k;
      fitStamp[k] = stamp;
      for (let q = layerStart[k]; q < layerStart[k + 1]; q++) {
        const l = itemLayers[q];
        if (present[l]) continue;
        if (userStamp[l] === stamp) fitUsers[l]++;
        else {
          userStamp[l] = stamp;
          fitUsers[l] = 1;
        }
      }
    }
    room[0] = server.cpu - cpu + slack(server.cpu);
    room[1] = server.memory - memory + slack(server.memory);
    room[2] = server.bandwidth - bandwidth + slack(server.bandwidth);
    room[3] = server.storage - disk;
    let card = f;
    for (let r = 0; r < 3; r++) {
      const asc = ascending[r];
      let used = 0,
        count = 0;
      for (let s = 0; s < n && count < card; s++) {
        const k = asc[s];
        if (fitStamp[k] !== stamp) continue;
        if (used + dem[r][k] > room[r]) break;
        used += dem[r][k];
        count++;
      }
      card = Math.min(card, count);
    }
    let count = 0,
      loose = 0;
    need[0] = need[1] = need[2] = need[3] = 0;
    for (let q = 0; q < f; q++) {
      const k = fitting[q];
      let share = 0,
        bytes = 0;
      for (let p = layerStart[k]; p < layerStart[k + 1]; p++) {
        const l = itemLayers[p];
        if (!present[l]) {
          const split = Math.max(1, Math.min(fitUsers[l], card, layerCard[l]));
          share += layerCostOf[l] / split;
          bytes += layerBytesOf[l] / split;
        }
      }
      if (val[k] <= share) continue;
      profits[count] = val[k] - share;
      weights[0][count] = dem[0][k];
      weights[1][count] = dem[1][k];
      weights[2][count] = dem[2][k];
      weights[3][count] = bytes;
      need[0] += dem[0][k];
      need[1] += dem[1][k];
      need[2] += dem[2][k];
      need[3] += bytes;
      loose += val[k] - share;
      count++;
    }
    let tightest = loose;
    if (i <= closureDepth && profit + tightest > threshold() && count > 0) {
      // The remaining units that fit, sharing layers exactly (a maximum-weight closure over
      // the layers not yet held): much tighter than the shares when capacity is loose.
      const members: number[] = [];
      const vals: number[] = [];
      for (let q = 0; q < f; q++) {
        members.push(unitOf[fitting[q]]);
        vals.push(val[fitting[q]]);
      }
      for (let q = 0; q < m; q++) closureCost[globalLayer[q]] = present[q] ? 0 : layerCostOf[q];
      tightest = Math.min(tightest, solveClosure(vals, (q) => cp.units[members[q]].layers, closureCost).profit);
    }
    for (let r = 0; r < 4; r++) {
      if (need[r] <= room[r]) continue;
      const w = weights[r];
      for (let k = 0; k < count; k++) {
        order[k] = k;
        ratio[k] = w[k] > 0 ? profits[k] / w[k] : Infinity;
      }
      // Items by ratio from a heap: only the few that fill the room (and the next two) come
      // out, where a full sort per node cost a quarter of the search.
      size = count;
      for (let h = (size >> 1) - 1; h >= 0; h--) siftDown(h);
      let left = room[r],
        total = 0,
        last = -1,
        critical = -1;
      while (size > 0) {
        const k = pop();
        if (w[k] > left) {
          critical = k;
          break;
        }
        left -= w[k];
        total += profits[k];
        last = k;
      }
      if (critical >= 0) {
        // Martello and Toth's bound: the critical item out (the rest fills what is left at
        // the next ratio) or in (room made at the previous, lowest taken ratio), never above
        // the fractional one.
        const k = critical;
        const next = size > 0 ? order[0] : -1;
        const out = next >= 0 ? (left * profits[next]) / w[next] : 0;
        const into = last >= 0 ? profits[k] - ((w[k] - left) * profits[last]) / w[last] : -Infinity;
        total += Math.min((profits[k] * left) / w[k], Math.max(out, into));
      }
      tightest = Math.min(tightest, total);
      if (profit + tightest <= threshold()) break;
    }
    return profit + tightest;
  };
  const visit = (i: number): boolean => {
    if (++nodes > nodeLimit) return false;
    if (profit > best + EPS) {
      best = profit;
      // The columns it beats are still profitable: kept as runners-up (most recent first).
      if (bestSet.length && runnersUp > 0) {
        others.unshift(bestSet);
        if (others.length > runnersUp) others.pop();
      }
      bestSet = Array.from(chosen.subarray(0, depth), (k) => unitOf[k]);
    }
    if (i === n) return true;
    const b = bound(i);
    if (b <= threshold()) {
      if (b > best + EPS && b > pruned) pruned = b;
      return true;
    }
    // A unit dominated by one left out stays out too.
    if (banned[i]) return visit(i + 1);
    if (fits(i)) {
      let added = 0;
      for (let q = layerStart[i]; q < layerStart[i + 1]; q++) {
        const l = itemLayers[q];
        if (present[l]++ === 0) {
          added += layerCostOf[l];
          disk += layerBytesOf[l];
        }
      }
      for (let g = groupStart[i]; g < groupStart[i + 1]; g++) usedGroups[itemGroups[g]]++;
      cpu += dem[0][i];
      memory += dem[1][i];
      bandwidth += dem[2][i];
      profit += val[i] - added;
      chosen[depth++] = i;
      const ok = visit(i + 1);
      depth--;
      profit -= val[i] - added;
      cpu -= dem[0][i];
      memory -= dem[1][i];
      bandwidth -= dem[2][i];
      for (let g = groupStart[i]; g < groupStart[i + 1]; g++) usedGroups[itemGroups[g]]--;
      for (let q = layerStart[i]; q < layerStart[i + 1]; q++) {
        const l = itemLayers[q];
        if (--present[l] === 0) disk -= layerBytesOf[l];
      }
      if (!ok) return false;
    }
    for (const k of dominated[i]) banned[k]++;
    const ok = visit(i + 1);
    for (const k of dominated[i]) banned[k]--;
    return ok;
  };
  if (!visit(0)) return null;
  return { best: bestSet, profit: best, upper: Math.max(best, pruned), nodes, others };
}
