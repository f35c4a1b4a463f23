import { BYTES_PER_UNIT } from '../build-placement-model';
import { fitsWithin } from '../capacity-tolerance';
import { layerCost, layerStorage, type CompiledProblem } from '../compile-problem';
import { addEdge, createFlowNetwork, findMinimumCut } from './find-minimum-cut';

/**
 * Maximum-weight closure: choose items (value each) and pay once for every layer any chosen
 * item uses (cost each, ≥ 0). One minimum s–t cut solves it exactly (source → item at its
 * value, item → layer unbounded, layer → sink at its cost; profit = Σ positive values − cut).
 * `layers(i)` lists item i's layers; `cost` is indexed by layer (0: free, e.g. already held).
 */
export function solveClosure(values: ArrayLike<number>, layers: (i: number) => ArrayLike<number>, cost: ArrayLike<number>): { profit: number; taken: Uint8Array } {
  const n = values.length;
  const node = new Map<number, number>();
  let positive = 0;
  for (let i = 0; i < n; i++) {
    if (!(values[i] > 0)) continue;
    positive += values[i];
    for (const l of Array.from(layers(i))) if (cost[l] > 0 && !node.has(l)) node.set(l, 2 + n + node.size);
  }
  const taken = new Uint8Array(n);
  if (positive === 0) return { profit: 0, taken };
  const net = createFlowNetwork(2 + n + node.size);
  for (let i = 0; i < n; i++) {
    if (!(values[i] > 0)) continue;
    addEdge(net, 0, 2 + i, values[i]);
    for (const l of Array.from(layers(i))) {
      const w = node.get(l);
      if (w !== undefined) addEdge(net, 2 + i, w, Infinity);
    }
  }
  for (const [l, w] of node) addEdge(net, w, 1, cost[l]);
  const cut = findMinimumCut(net, 0, 1);
  for (let i = 0; i < n; i++) taken[i] = cut.sourceSide[2 + i];
  return { profit: Math.max(0, positive - cut.value), taken };
}

export type ClosureBound = {
  /** MB: an upper bound on the most profitable column's profit (value − reduced layer costs) */
  bound: number;
  /** a column that fits (the closure repaired), with its profit (MB) */
  column: number[];
  profit: number;
  /** the closure at the final multipliers fits as it is: `bound` is the pricing optimum */
  exact: boolean;
};

/** subgradient steps on the capacity multipliers after the plain closure */
const CLOSURE_STEPS = 12;

/**
 * What layer `l` costs a pricing column on server `j`, in model units: nothing in phase 1, else
 * its cost less the cover-row dual (`discount`), never below 0 (both pricers' bounds need it).
 */
export function pricedLayerCost(cp: CompiledProblem, l: number, j: number, phase1: boolean, discount: Float64Array | null): number {
  return phase1 ? 0 : Math.max(0, layerCost(cp, l, j) / BYTES_PER_UNIT - (discount?.[l] ?? 0));
}

/**
 * An upper bound on the pricing problem of server `j` (the most profitable set of units: their
 * values less the costs of the union of their layers, within cpu, memory, bandwidth and disk,
 * without two units of a conflict group) by a Lagrangian relaxation that keeps the layer sharing
 * exact: conflicts dropped, each capacity priced by a multiplier λ_r ≥ 0 (units pay λ·demand,
 * layers λ_disk·bytes, the room is earned back), which leaves a maximum-weight closure, one
 * minimum cut. Any λ ≥ 0 gives a valid bound; λ = 0 first (exact when capacity is loose and
 * the closure fits), then a few Polyak steps towards the best repaired column. Reduced layer
 * costs (cost less `discount`) must be ≥ 0, as in the branch-and-bound pricer.
 */
export function boundPricingByClosure(
  cp: CompiledProblem,
  j: number,
  value: (u: number) => number,
  phase1: boolean,
  groupsOf: number[][],
  discount: Float64Array | null = null,
  steps = CLOSURE_STEPS,
): ClosureBound {
  const server = cp.servers[j];
  const units: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < cp.units.length; u++) {
    if (!cp.units[u].eligible[j]) continue;
    const v = value(u);
    if (v > 0) {
      units.push(u);
      values.push(v);
    }
  }
  const n = units.length;
  const L = cp.layerSize.length;
  const cost = new Float64Array(L);
  const bytes = new Float64Array(L);
  for (const u of units)
    for (const l of cp.units[u].layers) {
      cost[l] = pricedLayerCost(cp, l, j, phase1, discount);
      bytes[l] = layerStorage(cp, l, j);
    }
  // Demands as shares of the room, so one step size suits every resource.
  const room = [server.cpu, server.memory, server.bandwidth, server.storage - server.cachedBytes];
  const layersOf = (i: number) => cp.units[units[i]].layers;
  const demand = (i: number, r: number) => {
    const unit = cp.units[units[i]];
    return r === 0 ? unit.cpu : r === 1 ? unit.memory : unit.bandwidth;
  };
  const lambda = new Float64Array(4);
  const scaledValues = new Float64Array(n);
  const scaledCost = new Float64Array(L);
  let bound = Infinity;
  let exact = false;
  let best = { column: [] as number[], profit: 0 };
  for (let step = 0; step <= steps; step++) {
    for (let i = 0; i < n; i++) {
      let v = values[i];
      for (let r = 0; r < 3; r++) if (lambda[r] > 0) v -= (lambda[r] * demand(i, r)) / Math.max(room[r], 1e-12);
      scaledValues[i] = v;
    }
    for (const u of units) for (const l of cp.units[u].layers) scaledCost[l] = cost[l] + (lambda[3] > 0 ? (lambda[3] * bytes[l]) / Math.max(room[3], 1e-12) : 0);
    const closure = solveClosure(scaledValues, layersOf, scaledCost);
    const here = closure.profit + lambda[0] + lambda[1] + lambda[2] + lambda[3];
    bound = Math.min(bound, here);
    // How far the closure overruns each capacity (as a share of the room).
    const used = new Float64Array(4);
    const held = new Set<number>();
    const chosen: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!closure.taken[i]) continue;
      chosen.push(i);
      for (let r = 0; r < 3; r++) used[r] += demand(i, r);
      for (const l of layersOf(i)) held.add(l);
    }
    for (const l of held) used[3] += bytes[l];
    const fits = used.every((x, r) => (r === 3 ? x <= room[r] : fitsWithin(x, room[r])));
    const repaired = repairColumn(cp, j, units, values, chosen, cost, groupsOf);
    if (repaired.profit > best.profit) best = { column: repaired.column, profit: repaired.profit };
    // The closure fits and has no conflict: at λ it is optimal for the relaxation and feasible,
    // so with complementary slackness (λ_r > 0 only where the room is used up) it is the optimum.
    if (fits && repaired.whole) {
      const slackFree = used.every((x, r) => lambda[r] === 0 || x >= room[r] * (1 - 1e-9));
      if (slackFree) {
        exact = true;
        bound = Math.min(bound, repaired.profit);
        break;
      }
    }
    if (bound <= best.profit + 1e-9) break;
    const g = used.map((x, r) => x / Math.max(room[r], 1e-12) - 1);
    for (let r = 0; r < 4; r++) if (lambda[r] === 0 && g[r] < 0) g[r] = 0;
    const norm = g.reduce((s, x) => s + x * x, 0);
    if (norm < 1e-18) break;
    const t = (here - best.profit) / norm;
    for (let r = 0; r < 4; r++) lambda[r] = Math.max(0, lambda[r] + t * g[r]);
  }
  return { bound: Math.max(bound, best.profit), column: best.column.map((i) => units[i]), profit: best.profit, exact };
}

/**
 * The closure made a column: its units, most profitable share first, while they fit and clash
 * with no conflict group; then the other units that still add profit.
 */
function repairColumn(
  cp: CompiledProblem,
  j: number,
  units: number[],
  values: number[],
  chosen: number[],
  cost: Float64Array,
  groupsOf: number[][],
): { column: number[]; profit: number; whole: boolean } {
  const server = cp.servers[j];
  const held = new Set<number>();
  const groups = new Set<number>();
  const column: number[] = [];
  let cpu = 0,
    memory = 0,
    bandwidth = 0,
    disk = server.cachedBytes;
  const gain = (i: number) => {
    let g = values[i];
    for (const l of cp.units[units[i]].layers) if (!held.has(l)) g -= cost[l];
    return g;
  };
  const tryTake = (i: number, needGain: boolean): boolean => {
    const unit = cp.units[units[i]];
    if ((groupsOf[units[i]] ?? []).some((k) => groups.has(k))) return false;
    if (!fitsWithin(cpu + unit.cpu, server.cpu) || !fitsWithin(memory + unit.memory, server.memory) || !fitsWithin(bandwidth + unit.bandwidth, server.bandwidth)) return false;
    let extra = 0;
    for (const l of unit.layers) if (!held.has(l)) extra += layerStorage(cp, l, j);
    if (disk + extra > server.storage) return false;
    if (needGain && gain(i) <= 0) return false;
    column.push(i);
    cpu += unit.cpu;
    memory += unit.memory;
    bandwidth += unit.bandwidth;
    disk += extra;
    for (const l of unit.layers) held.add(l);
    for (const k of groupsOf[units[i]] ?? []) groups.add(k);
    return true;
  };
  // Users of a layer share it: the closure's units by value less their share of its layers.
  const users = new Map<number, number>();
  for (const i of chosen) for (const l of cp.units[units[i]].layers) users.set(l, (users.get(l) ?? 0) + 1);
  const net = (i: number) => {
    let v = values[i];
    for (const l of cp.units[units[i]].layers) v -= cost[l] / (users.get(l) ?? 1);
    return v;
  };
  const ordered = [...chosen].sort((a, b) => net(b) - net(a) || a - b);
  for (const i of ordered) tryTake(i, false);
  const whole = column.length === chosen.length;
  // Units that do not pay for the layers only they hold go (capacity cut their sharers off).
  let kept = [...column];
  for (let improved = true; improved;) {
    improved = false;
    const now = profitOf(cp, units, values, kept, cost);
    for (let q = 0; q < kept.length; q++) {
      const without = kept.filter((_, r) => r !== q);
      if (profitOf(cp, units, values, without, cost) > now + 1e-12) {
        kept = without;
        improved = true;
        break;
      }
    }
  }
  // Then the other units that still add profit, from a fresh account of what is held.
  column.length = 0;
  held.clear();
  groups.clear();
  cpu = memory = bandwidth = 0;
  disk = server.cachedBytes;
  for (const i of kept) tryTake(i, false);
  const inColumn = new Set(column);
  for (let i = 0; i < units.length; i++) if (!inColumn.has(i)) tryTake(i, true);
  return { column, profit: profitOf(cp, units, values, column, cost), whole };
}

function profitOf(cp: CompiledProblem, units: number[], values: number[], column: number[], cost: Float64Array): number {
  const held = new Set<number>();
  let profit = 0;
  for (const i of column) {
    profit += values[i];
    for (const l of cp.units[units[i]].layers) held.add(l);
  }
  for (const l of held) profit -= cost[l];
  return profit;
}
