import { BYTES_PER_UNIT, buildPlacementModel } from '../build-placement-model';
import { fitsWithin } from '../capacity-tolerance';
import { layerCost, layerStorage, type CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import { openHighsLp, type LpColumn, type LpSession } from '../engines/highs-engine';
import type { MilpEngine, MilpModel } from '../engines/milp-engine';
import { stateFromUnitServers, type PlacementState } from '../placement-state';
import { boundPricingByClosure } from './bound-pricing-by-closure';
import { layerCopiesNeeded } from './layer-copies-bound';
import { priceByBranchAndBound, profitableUnits } from './price-by-branch-and-bound';

/**
 * A column: a set of units on one server of a class of interchangeable servers. Its cost
 * counts each layer once (layer sharing inside the column), so the master LP over columns sees
 * what the compact model's LP cannot: that a layer's users have to be split over servers when
 * capacity is tight.
 */
type Column = { cls: number; units: number[]; cost: number };

/**
 * Servers with the same capacities, cache, site (when spread rows need it) and eligibility are
 * interchangeable: the master has one row per class (at most `servers.length` columns of it)
 * and pricing runs once per class instead of once per server.
 */
export type ServerClass = { servers: number[]; rep: number };

export type ColumnBoundOutcome = {
  /** bytes: a proved lower bound on every placement's cost (null when none was reached) */
  bound: number | null;
  /** proved: no placement exists (phase 1 bound above zero) */
  infeasible: boolean;
  /** the integer master's placement over the generated columns, if it found one */
  unitServer: Int32Array | null;
  columns: number;
  iterations: number;
  /** whether pricing proved the master LP optimal (the bound is the LP bound itself) */
  converged: boolean;
  /** MB: the root master LP value of phase 2 (equal to the root bound, up to tolerances, when converged) */
  masterValue: number | null;
  /** branch-and-price nodes solved (the root is one) */
  nodes: number;
  /** the tree closed: the best placement (`unitServer`, else the incumbent given) is optimal */
  proved: boolean;
  /** pricing work: closures solved, classes they priced exactly, branch-and-bound calls and nodes, MIP calls */
  pricing: PricingStats;
};

export type PricingStats = { closures: number; closureExact: number; searches: number; searchNodes: number; mips: number };

export type ColumnBoundOptions = {
  /** Wentges smoothing weight of the stability centre (0 = plain Kelley column generation) */
  smoothing?: boolean | number;
  /** one pricing per class of interchangeable servers (false: one per server, the old way) */
  serverClasses?: boolean;
  /** share of the remaining time the integer master over the root's columns may take */
  integerShare?: number;
  /** branch and price after the root (false: the root's bound and the integer master only) */
  branching?: boolean;
  /** seconds the root's column generation may take (the whole deadline when absent) */
  rootSec?: number;
  /** exact pricing only for classes where the greedy pricer found no improving column */
  heuristicFirst?: boolean;
  /** the smoothing weight adapted each round by the subgradient's direction (starting at `smoothing`) */
  autoSmoothing?: boolean;
  /** columns besides the best one that a pricing search returns (the ones it improved on) */
  runnersUp?: number;
  /** with `heuristicFirst`, every n-th round of a node prices exactly all the same (0: never) */
  exactEvery?: number;
  /**
   * Layer-cover rows in the master: columns holding layer l (where it costs) ≥ the copies every
   * placement needs (`layerCopiesNeeded`), which the columns alone only see fractionally.
   */
  layerCover?: boolean;
  /**
   * The closure bound in pricing (bound-pricing-by-closure.ts): a Lagrangian bound every round
   * whatever the pricers did, its column, an exact price without search where the closure fits,
   * and the search's own bound to the given depth (0: root only; false: off).
   */
  closure?: false | { searchDepth: number };
  /**
   * Start the root from the compact LP's duals (assignment and layer-cover rows): its first
   * round prices exactly there, which gives a Lagrangian bound near the compact LP at once, and
   * the smoothing's centre starts there instead of at the first master's extreme duals.
   */
  compactStart?: boolean;
  /** the incumbent's columns in the starting pool (false: it only gives the cutoff) */
  incumbentColumns?: boolean;
  /** nodes of a pricing branch and bound before the MIP pricer (PRICING_NODES) */
  pricingNodes?: number;
  /**
   * relative gap of the pricing branch and bound (price-by-branch-and-bound.ts): its column is
   * within this share of the optimum, its bound still proved (0: exact)
   */
  pricingGap?: number;
  report?: (bound: number | null) => void;
  /** each exact pricing search: its server, item values, layer discounts and start (for bench/price-search.ts) */
  onSearch?: (search: { j: number; phase1: boolean; values: number[]; discount: number[] | null; start: { units: number[]; profit: number } | null }) => void;
  /** each round: master LP value (MB), best Lagrangian bound (MB), columns, phase */
  onRound?: (round: { lp: number; lagrangian: number; columns: number; phase1: boolean }) => void;
};

const EPS = 1e-7; // MB: far below a byte
/** seeds per class for the greedy pricer (the most valuable units first) */
const GREEDY_SEEDS = 24;
/** an exact pricing MIP that runs longer still yields a valid bound (its dual bound) */
const PRICING_LIMIT_SEC = 1;
/**
 * nodes the pricing branch and bound may visit before the MIP pricer takes over: the searches
 * that need more (large servers, loose capacity) the MIP prices in under a second (README)
 */
const PRICING_NODES = 20_000;
/** Wentges weight of the stability centre; measured on Fig. 5 ×0.8 (README) */
const DEFAULT_SMOOTHING = 0.5;

export function serverClasses(cp: CompiledProblem, bySite: boolean): ServerClass[] {
  const classes = new Map<string, ServerClass>();
  cp.servers.forEach((s, j) => {
    const cached: number[] = [];
    s.cached.forEach((v, l) => {
      if (v) cached.push(l);
    });
    let eligible = '';
    for (const unit of cp.units) eligible += unit.eligible[j] ? '1' : '0';
    const key = [s.cpu, s.memory, s.bandwidth, s.storage, bySite ? s.site : '', cached.join(','), eligible].join('|');
    const found = classes.get(key);
    if (found) found.servers.push(j);
    else classes.set(key, { servers: [j], rep: j });
  });
  return [...classes.values()];
}

/** A branching decision: unit u on a server of class k or not; units u and v together or apart. */
type Decision = { kind: 'class'; u: number; k: number; on: boolean } | { kind: 'pair'; u: number; v: number; together: boolean };
type TreeNode = { decisions: Decision[]; bound: number; depth: number };

/**
 * What pricing sees at a node: units tied together by the node's decisions merged into one
 * item (an affinity group of sorts), ineligible where a decision forbids, units kept apart as
 * extra conflict groups. The pricers run unchanged on this derived problem.
 */
type NodeView = { view: CompiledProblem; items: number[][]; allowed: (c: Column) => boolean };

/**
 * Column generation (Dantzig–Wolfe over servers) inside a branch and price. Master: cover every
 * unit (≥ 1), at most as many columns of a class as it has servers, at most one unit of a
 * spread group per site. Pricing per class is a knapsack with shared layers: pick units whose
 * duals outweigh the bytes of the union of their layers, within cpu, memory, bandwidth and
 * disk, without two units of a conflict group. Every round prices exactly (branch and bound;
 * the HiGHS MIP when that runs out of nodes), so every round gives a Lagrangian bound, Σ duals
 * + Σ_classes servers · min(0, best reduced cost), valid for any duals, not only at
 * convergence. The duals priced are smoothed towards the best Lagrangian point so far
 * (Wentges): the master's own duals jump between extreme points and the bound tails off; when
 * smoothing misprices (no column improves the master) the weight falls in steps until pricing
 * sees the master's own duals. A greedy pricer adds more columns per round. Without a placement
 * in hand it first runs phase 1 (only artificial columns cost), whose bound above zero proves
 * that no placement exists.
 *
 * Once the root LP is solved, an integer master over the columns looks for a better placement,
 * then branching closes the gap the LP leaves: first on a unit's class (Σ of its columns of a
 * class fractional), then on a pair of units (Ryan–Foster: same server or not); each node's
 * column generation bounds its subtree, best bound first. The bound reported is the lowest
 * over the open nodes.
 */
export async function boundByColumns(
  cp: CompiledProblem,
  engine: MilpEngine,
  deadline: Deadline,
  incumbent: PlacementState | null,
  options: ColumnBoundOptions = {},
): Promise<ColumnBoundOutcome> {
  const U = cp.units.length;
  const S = cp.servers.length;
  const heuristicFirst = options.heuristicFirst ?? true;
  const closure = options.closure ?? false;
  const pricingNodes = options.pricingNodes ?? PRICING_NODES;
  const pricingGap = options.pricingGap ?? 0;
  const exactEvery = options.exactEvery ?? 0;
  const runnersUp = options.runnersUp ?? 0;
  const autoSmoothing = options.autoSmoothing ?? false;
  const alpha = options.smoothing === false ? 0 : options.smoothing === true || options.smoothing === undefined ? DEFAULT_SMOOTHING : options.smoothing;
  const outcome: ColumnBoundOutcome = {
    bound: null,
    infeasible: false,
    unitServer: null,
    columns: 0,
    iterations: 0,
    converged: false,
    masterValue: null,
    nodes: 0,
    proved: false,
    pricing: { closures: 0, closureExact: 0, searches: 0, searchNodes: 0, mips: 0 },
  };
  if (U === 0) return { ...outcome, bound: 0, converged: true, masterValue: 0 };

  // Spread groups become master rows, one per (group, site); anti-affinity stays in pricing.
  const siteGroups = cp.conflictGroups.map((g, k) => ({ g, k })).filter(({ g }) => g.kind === 'site');
  const classes = options.serverClasses === false ? cp.servers.map((_, j) => ({ servers: [j], rep: j })) : serverClasses(cp, siteGroups.length > 0);
  const K = classes.length;
  const classOf = new Int32Array(S);
  classes.forEach((c, k) => c.servers.forEach((j) => (classOf[j] = k)));
  const spreadRow = new Map<string, number>();
  const rowLower: number[] = [],
    rowUpper: number[] = [];
  for (let u = 0; u < U; u++) {
    rowLower.push(1);
    rowUpper.push(Infinity);
  }
  for (const c of classes) {
    rowLower.push(-Infinity);
    rowUpper.push(c.servers.length);
  }
  for (const { k } of siteGroups) {
    for (let t = 0; t < cp.siteCount; t++) {
      spreadRow.set(`${k}:${t}`, rowLower.length);
      rowLower.push(-Infinity);
      rowUpper.push(1);
    }
  }
  // Rows up to here are the ones an integer master needs; cover rows are implied by placements.
  const placementRows = rowLower.length;
  // Layer-cover rows, each with a surplus column at the layer's cost: buying a copy without a
  // server is a relaxation, and it keeps the row's dual within [0, cost], so reduced layer costs
  // stay ≥ 0 for the pricers' bounds.
  const needed = (options.layerCover ?? true) ? layerCopiesNeeded(cp) : new Int32Array(cp.layerSize.length);
  const coverRow = new Int32Array(cp.layerSize.length).fill(-1);
  const coverLayers: number[] = [];
  needed.forEach((k, l) => {
    if (k < 2) return;
    coverRow[l] = rowLower.length;
    coverLayers.push(l);
    rowLower.push(k);
    rowUpper.push(Infinity);
  });
  const C = coverLayers.length;
  /** LP columns: U unit artificials, C cover surpluses, then the pool */
  const first = U + C;
  const groupsOf: number[][] = cp.units.map(() => []);
  cp.conflictGroups.forEach((g, k) => g.units.forEach((u) => groupsOf[u].push(k)));
  const siteGroupsOf: number[][] = groupsOf.map((gs) => gs.filter((k) => cp.conflictGroups[k].kind === 'site'));

  const columnCost = (k: number, units: number[]): number => {
    const j = classes[k].rep;
    const seen = new Set<number>();
    let cost = 0;
    for (const u of units)
      for (const l of cp.units[u].layers)
        if (!seen.has(l)) {
          seen.add(l);
          cost += layerCost(cp, l, j);
        }
    return cost / BYTES_PER_UNIT;
  };
  const spreadEntries = (c: Column): [number, number][] => {
    const site = cp.servers[classes[c.cls].rep].site;
    const counts = new Map<number, number>();
    for (const u of c.units) for (const k of siteGroupsOf[u]) counts.set(k, (counts.get(k) ?? 0) + 1);
    return [...counts].map(([k, n]) => [spreadRow.get(`${k}:${site}`)!, n]);
  };
  /** the cover rows a column enters: its layers that cost on its class */
  const coverEntries = (k: number, units: number[]): number[] => {
    if (C === 0) return [];
    const j = classes[k].rep;
    const seen = new Set<number>();
    for (const u of units) for (const l of cp.units[u].layers) if (coverRow[l] >= 0 && layerCost(cp, l, j) > 0) seen.add(l);
    return [...seen];
  };
  const toLp = (c: Column, phase1: boolean): LpColumn => {
    const rows = [...c.units, U + c.cls];
    const values = c.units.map(() => 1);
    values.push(1);
    for (const [r, n] of spreadEntries(c)) {
      rows.push(r);
      values.push(n);
    }
    for (const l of coverEntries(c.cls, c.units)) {
      rows.push(coverRow[l]);
      values.push(1);
    }
    return { cost: phase1 ? 0 : c.cost, rows, values };
  };

  const pool: Column[] = [];
  const keys = new Set<string>();
  const addColumn = (k: number, units: number[]): Column | null => {
    const sorted = [...units].sort((a, b) => a - b);
    const key = `${k}:${sorted.join(',')}`;
    if (keys.has(key)) return null;
    keys.add(key);
    const column = { cls: k, units: sorted, cost: columnCost(k, sorted) };
    pool.push(column);
    return column;
  };
  if (incumbent && (options.incumbentColumns ?? true)) {
    const members: number[][] = Array.from({ length: S }, () => []);
    incumbent.unitServer.forEach((j, u) => members[j].push(u));
    members.forEach((units, j) => {
      if (units.length) addColumn(classOf[j], units);
    });
  }
  for (let u = 0; u < U; u++) for (let k = 0; k < K; k++) if (cp.units[u].eligible[classes[k].rep]) addColumn(k, [u]);

  // Artificial columns (one per unit) keep the master feasible whatever the pool holds; any
  // placement costs at most the no-sharing bytes, so a bound above them proves infeasibility.
  let noSharingMb = 0;
  for (const unit of cp.units) noSharingMb += unit.ownBytes / BYTES_PER_UNIT;
  const bigM = 2 * noSharingMb + 1;
  const artificial = (u: number, phase1: boolean): LpColumn => ({ cost: phase1 ? 1 : bigM, rows: [u], values: [1] });
  const surplusCost = (l: number) => cp.layerSize[l] / BYTES_PER_UNIT;
  const surplus = (l: number, phase1: boolean): LpColumn => ({ cost: phase1 ? 0 : surplusCost(l), rows: [coverRow[l]], values: [1] });
  /** the costs of every LP column, for a change of phase */
  const allCosts = (phase1: boolean) =>
    Float64Array.from([
      ...Array.from({ length: U }, () => (phase1 ? 1 : bigM)),
      ...coverLayers.map((l) => (phase1 ? 0 : surplusCost(l))),
      ...pool.map((c) => (phase1 ? 0 : c.cost)),
    ]);

  let best = incumbent;
  let bestMb = incumbent ? incumbent.cost / BYTES_PER_UNIT : Infinity;
  // Prune a node whose bound reaches the incumbent, or (without one) exceeds every placement.
  const cutoff = () => Math.min(bestMb - 0.5 / BYTES_PER_UNIT, noSharingMb + 1e-6);
  const reportBound = (mb: number) => {
    const bytes = Math.max(0, Math.floor(Math.min(mb, bestMb) * BYTES_PER_UNIT * (1 - 1e-9) - 1));
    if (outcome.bound === null || bytes > outcome.bound) {
      outcome.bound = bytes;
      options.report?.(bytes);
    }
  };
  const accept = (unitServer: Int32Array): boolean => {
    const state = stateFromUnitServers(cp, unitServer);
    if (state && state.cost < (best?.cost ?? Infinity)) {
      best = state;
      bestMb = state.cost / BYTES_PER_UNIT;
      outcome.unitServer = state.unitServer;
    }
    return state !== null;
  };

  let phase1 = incumbent === null;
  const initial = [...Array.from({ length: U }, (_, u) => artificial(u, phase1)), ...coverLayers.map((l) => surplus(l, phase1)), ...pool.map((c) => toLp(c, phase1))];
  let lp: LpSession;
  try {
    lp = await openHighsLp(rowLower, rowUpper, initial);
  } catch {
    return outcome;
  }
  const spreadKeys = [...spreadRow];
  const spreadIndex = new Map(spreadKeys.map(([key], i) => [key, i]));
  // Duals as one vector: π (cover, ≥ 0), σ (spread rows in spreadKeys order, ≤ 0), then ρ
  // (layer cover rows in coverLayers order, in [0, cost]); rhs is each row's right-hand side.
  const D = U + spreadKeys.length + C;
  const rhs = new Float64Array(D).fill(1);
  coverLayers.forEach((l, i) => (rhs[U + spreadKeys.length + i] = needed[l]));

  const nodeView = (decisions: Decision[]): NodeView => {
    const forbidden = new Uint8Array(U * K);
    const apart: [number, number][] = [];
    const parent = Array.from({ length: U }, (_, u) => u);
    const find = (u: number): number => (parent[u] === u ? u : (parent[u] = find(parent[u])));
    for (const d of decisions) {
      if (d.kind === 'class') {
        for (let k = 0; k < K; k++) if (d.on ? k !== d.k : k === d.k) forbidden[d.u * K + k] = 1;
      } else if (d.together) parent[find(d.v)] = find(d.u);
      else apart.push([d.u, d.v]);
    }
    const rootItem = new Map<number, number>();
    const items: number[][] = [];
    for (let u = 0; u < U; u++) {
      const r = find(u);
      if (!rootItem.has(r)) {
        rootItem.set(r, items.length);
        items.push([]);
      }
      items[rootItem.get(r)!].push(u);
    }
    const itemOf = new Int32Array(U);
    items.forEach((members, i) => members.forEach((u) => (itemOf[u] = i)));
    const groups = [
      ...cp.conflictGroups.map((g) => ({ kind: g.kind, units: g.units.map((u) => itemOf[u]) })),
      ...apart.map(([u, v]) => ({ kind: 'server' as const, units: [itemOf[u], itemOf[v]] })),
    ];
    const units = items.map((members) => {
      const layers = new Set<number>();
      let cpu = 0,
        memory = 0,
        bandwidth = 0;
      for (const u of members) {
        cp.units[u].layers.forEach((l) => layers.add(l));
        cpu += cp.units[u].cpu;
        memory += cp.units[u].memory;
        bandwidth += cp.units[u].bandwidth;
      }
      const eligible = new Uint8Array(S);
      for (let j = 0; j < S; j++) eligible[j] = members.every((u) => cp.units[u].eligible[j] && !forbidden[u * K + classOf[j]]) ? 1 : 0;
      return { ...cp.units[members[0]], containers: [], layers: Int32Array.from([...layers].sort((a, b) => a - b)), cpu, memory, bandwidth, eligible };
    });
    // Two members of one conflict group tied together can go nowhere.
    for (const g of groups) {
      const seen = new Set<number>();
      for (const i of g.units) {
        if (seen.has(i)) units[i].eligible.fill(0);
        seen.add(i);
      }
    }
    const together = decisions.filter((d) => d.kind === 'pair' && d.together) as { u: number; v: number }[];
    const allowed = (c: Column) => {
      const inside = new Set(c.units);
      for (const u of c.units) if (forbidden[u * K + c.cls]) return false;
      for (const [u, v] of apart) if (inside.has(u) && inside.has(v)) return false;
      for (const { u, v } of together) if (inside.has(u) !== inside.has(v)) return false;
      return true;
    };
    return { view: { ...cp, units, conflictGroups: groups }, items, allowed };
  };

  type NodeResult = { bound: number; lpValue: number; lambda: Float64Array | null; converged: boolean };
  /** Column generation at one node (phase 1 first at the root without a placement). */
  const solveNode = (node: NodeView, floor: number, limit: Deadline, start: Float64Array | null = null, root = false): NodeResult => {
    const { view, items, allowed } = node;
    const itemGroups: number[][] = view.units.map(() => []);
    view.conflictGroups.forEach((g, k) => g.units.forEach((i) => itemGroups[i].push(k)));
    lp.setUpperBounds(
      first,
      Float64Array.from(pool, (c) => (allowed(c) ? Infinity : 0)),
    );
    let bestL = -Infinity; // MB, best Lagrangian bound of the node (and phase)
    let centre: Float64Array | null = start; // duals at which `bestL` was reached
    // The first round at the given start, priced exactly everywhere (a bound there).
    let warm = start !== null && !phase1;
    let mispriced = 0;
    let lpValue = Infinity;
    let smoothing = alpha;
    let round = 0;
    for (;;) {
      if (limit.expired()) return { bound: Math.max(bestL, floor), lpValue, lambda: null, converged: false };
      const solved = lp.solve(limit.remainingSec(), () => limit.stopped());
      if (solved.clockCut) limit.markClockCut();
      if (solved.status !== 'optimal' || !solved.rowDual || !solved.colValue) return { bound: Math.max(bestL, floor), lpValue, lambda: null, converged: false };
      outcome.iterations++;
      // With the heuristic pricer first, every `exactEvery`-th round still prices exactly
      // everywhere: a Lagrangian bound at that round's duals.
      const exactRound = exactEvery > 0 && ++round % exactEvery === 0;
      lpValue = solved.objective ?? Infinity;
      if (phase1 && lpValue < 1e-9) {
        // The columns already cover every unit: the LP is feasible; on to the real costs.
        phase1 = false;
        lp.setCosts(allCosts(false));
        bestL = -Infinity;
        centre = null;
        mispriced = 0;
        continue;
      }
      const dual = solved.rowDual;
      const master = new Float64Array(D);
      for (let u = 0; u < U; u++) master[u] = Math.max(0, dual[u]);
      spreadKeys.forEach(([, row], i) => (master[U + i] = Math.min(0, dual[row])));
      coverLayers.forEach((l, i) => (master[U + spreadKeys.length + i] = Math.min(surplusCost(l), Math.max(0, dual[coverRow[l]]))));
      const mu = Float64Array.from({ length: K }, (_, k) => Math.min(0, dual[U + k]));
      // Wentges: price at a point between the stability centre and the master's duals.
      const weight = warm ? 1 : centre ? Math.max(0, 1 - (mispriced + 1) * (1 - smoothing)) : 0;
      const centreUsed = centre;
      /** each class's best column at the priced duals, when it prices one with a profit (for the subgradient) */
      const pricedBest: { k: number; units: number[] }[] = [];
      const priced: Float64Array = centre && weight > 0 ? master.map((v, i) => weight * centre![i] + (1 - weight) * v) : master;
      const sigmaAt = (duals: Float64Array) => new Map(spreadKeys.map(([key], i) => [key, duals[U + i]]));
      const pricedSigma = sigmaAt(priced);
      const masterSigma = sigmaAt(master);
      const valueAt = (duals: Float64Array, sigma: Map<string, number>, u: number, k: number): number => {
        let v = duals[u];
        const site = cp.servers[classes[k].rep].site;
        for (const g of siteGroupsOf[u]) v += sigma.get(`${g}:${site}`) ?? 0;
        return v;
      };

      let lagrangian = 0;
      for (let i = 0; i < D; i++) lagrangian += priced[i] * rhs[i];
      /** ρ by layer (MB), at the given duals */
      const rhoAt = (duals: Float64Array) => {
        const rho = new Float64Array(cp.layerSize.length);
        coverLayers.forEach((l, i) => (rho[l] = duals[U + spreadKeys.length + i]));
        return rho;
      };
      const pricedRho = rhoAt(priced);
      const masterRho = rhoAt(master);
      // allPriced: every class priced exactly (no column missed); bounded: every class's pricing
      // optimum bounded (by search, MIP or closure), so `lagrangian` is a valid bound.
      let allPriced = true;
      let bounded = true;
      const added: Column[] = [];
      for (let k = 0; k < K; k++) {
        if (limit.expired()) {
          allPriced = false;
          bounded = false;
          break;
        }
        const j = classes[k].rep;
        const value = (i: number) => items[i].reduce((sum, u) => sum + valueAt(priced, pricedSigma, u, k), 0);
        // The cover rows' duals lower the price of the layers that cost on this class.
        const discount = C > 0 && !phase1 ? pricedRho.map((r, l) => (layerCost(cp, l, j) > 0 ? r : 0)) : null;
        const improving = (chosen: number[]) => {
          const units = chosen.flatMap((i) => items[i]);
          // Added when it improves the master: reduced cost at the master's own duals.
          let rc = (phase1 ? 0 : columnCost(k, units)) - mu[k];
          for (const u of units) rc -= valueAt(master, masterSigma, u, k);
          for (const l of coverEntries(k, units)) rc -= masterRho[l];
          if (rc >= -EPS) return false;
          const column = addColumn(k, units);
          if (column) added.push(column);
          return column !== null;
        };
        let found = 0;
        let start: { units: number[]; profit: number } | null = null;
        for (const chosen of priceGreedily(view, j, value, phase1, itemGroups, discount)) {
          if (improving(chosen)) found++;
          const units = chosen.flatMap((i) => items[i]);
          let profit = -(phase1 ? 0 : columnCost(k, units));
          for (const i of chosen) profit += value(i);
          if (discount) for (const l of coverEntries(k, units)) profit += discount[l];
          if (!start || profit > start.profit) start = { units: chosen, profit };
        }
        // The closure bounds this class's pricing whatever else runs (so every round gives a
        // Lagrangian bound), adds its repaired column, and prices exactly where it fits.
        let closureBound: ReturnType<typeof boundPricingByClosure> | null = null;
        if (closure) {
          closureBound = boundPricingByClosure(view, j, value, phase1, itemGroups, discount);
          outcome.pricing.closures++;
          if (closureBound.column.length && improving(closureBound.column)) found++;
          if (!start || closureBound.profit > start.profit) start = { units: closureBound.column, profit: closureBound.profit };
          if (closureBound.exact) outcome.pricing.closureExact++;
        }
        // The exact pricer only where the greedy one found nothing (it then proves or finds),
        // or every round when asked (a bound every round).
        const skipExact = found > 0 && heuristicFirst && !warm && !exactRound;
        if (closureBound && (closureBound.exact || skipExact)) {
          if (!closureBound.exact) allPriced = false;
          lagrangian += classes[k].servers.length * Math.min(0, -closureBound.bound - 1e-9);
          continue;
        }
        if (skipExact) {
          allPriced = false;
          bounded = false;
          continue;
        }
        outcome.pricing.searches++;
        options.onSearch?.({ j, phase1, values: view.units.map((_, i) => value(i)), discount: discount ? [...discount] : null, start });
        const searched = priceByBranchAndBound(view, j, value, phase1, itemGroups, pricingNodes, {
          start,
          discount,
          closureDepth: closure ? closure.searchDepth : -1,
          relGap: pricingGap,
          runnersUp,
        });
        outcome.pricing.searchNodes += searched?.nodes ?? pricingNodes;
        if (!searched) outcome.pricing.mips++;
        // A search within a gap may leave an improving column out: no convergence on its word.
        else if (searched.upper > searched.profit + EPS) allPriced = false;
        const exact = searched
          ? { columns: searched.best.length ? [searched.best, ...searched.others] : [], bound: -searched.upper - 1e-9 }
          : priceExactly(view, engine, j, value, phase1, limit, discount);
        if (exact.bound === null && closureBound) {
          allPriced = false;
          lagrangian += classes[k].servers.length * Math.min(0, -closureBound.bound - 1e-9);
        } else if (exact.bound === null) {
          allPriced = false;
          bounded = false;
        } else lagrangian += classes[k].servers.length * Math.min(0, closureBound ? Math.max(exact.bound, -closureBound.bound - 1e-9) : exact.bound);
        for (const chosen of exact.columns) improving(chosen);
        if (exact.bound !== null && exact.bound < 0 && exact.columns.length) pricedBest.push({ k, units: exact.columns[0].flatMap((i) => items[i]) });
      }
      // Automatic smoothing (Pessoa, Sadykov, Uchoa and Vanderbeck, 2018): the subgradient at
      // the priced point against the direction from the centre to the master's duals; along it
      // the Lagrangian rises: price nearer the master (smaller weight), else nearer the centre.
      if (autoSmoothing && bounded && centreUsed && weight > 0 && weight < 1) {
        let slope = 0;
        for (let i = 0; i < D; i++) slope += rhs[i] * (master[i] - centreUsed[i]);
        for (const { k, units } of pricedBest) {
          let used = 0;
          for (const u of units) used += master[u] - centreUsed[u];
          const site = cp.servers[classes[k].rep].site;
          for (const u of units)
            for (const g of siteGroupsOf[u]) {
              const i = spreadIndex.get(`${g}:${site}`)!;
              used += master[U + i] - centreUsed[U + i];
            }
          for (const l of coverEntries(k, units)) {
            const i = U + spreadKeys.length + coverRow[l] - placementRows;
            used += master[i] - centreUsed[i];
          }
          slope -= classes[k].servers.length * used;
        }
        smoothing = slope > 0 ? Math.max(0, smoothing - 0.1) : Math.min(0.99, smoothing + (1 - smoothing) * 0.1);
      }
      // Into the LP at once: the pool and the LP's columns stay in step whatever happens next.
      if (added.length) lp.addColumns(added.map((c) => toLp(c, phase1)));
      if (bounded && lagrangian > bestL) {
        bestL = lagrangian;
        centre = priced;
        // At the root a Lagrangian bound bounds every placement: reported as it climbs.
        if (root && !phase1) reportBound(bestL);
        // Phase 1 bound > 0: no combination of columns covers every unit, so no placement exists.
        if (phase1 && bestL > 1e-6) return { bound: Infinity, lpValue, lambda: null, converged: true };
      }
      warm = false;
      options.onRound?.({ lp: lpValue, lagrangian: bestL, columns: pool.length, phase1 });
      if (!phase1 && Math.max(bestL, floor) >= cutoff()) return { bound: Math.max(bestL, floor), lpValue, lambda: null, converged: true };
      // The bound has met the master's value: the LP is solved, nothing left to price.
      const closed = bestL >= lpValue - Math.max(1e-6, 1e-9 * Math.abs(lpValue));
      if (added.length === 0 || closed) {
        if (!closed && weight > 0) {
          mispriced++;
          continue;
        }
        if (!allPriced && !closed) return { bound: Math.max(bestL, floor), lpValue, lambda: null, converged: false };
        if (phase1) {
          if (lpValue > 1e-6) return { bound: Infinity, lpValue, lambda: null, converged: true };
          phase1 = false;
          lp.setCosts(allCosts(false));
          bestL = -Infinity;
          centre = null;
          mispriced = 0;
          continue;
        }
        const lambda = new Float64Array(pool.length);
        lambda.set(solved.colValue.subarray(first, first + pool.length));
        return { bound: Math.max(bestL, floor), lpValue, lambda, converged: true };
      }
      mispriced = 0;
    }
  };

  /** The node's branching decision, or null when its LP solution is integral (then it is a placement). */
  const branchOn = (lambda: Float64Array): [Decision, Decision] | null => {
    const onClass = new Float64Array(U * K);
    pool.forEach((c, i) => {
      if (lambda[i] > 1e-9) for (const u of c.units) onClass[u * K + c.cls] += lambda[i];
    });
    let pick = -1,
      distance = 0.5 - 1e-6;
    onClass.forEach((x, i) => {
      const d = Math.abs(x - 0.5);
      if (x > 1e-6 && x < 1 - 1e-6 && d < distance) {
        distance = d;
        pick = i;
      }
    });
    if (pick >= 0) {
      const u = Math.floor(pick / K),
        k = pick % K;
      return [
        { kind: 'class', u, k, on: true },
        { kind: 'class', u, k, on: false },
      ];
    }
    const together = new Map<number, number>();
    pool.forEach((c, i) => {
      if (lambda[i] <= 1e-9) return;
      for (let a = 0; a < c.units.length; a++)
        for (let b = a + 1; b < c.units.length; b++) together.set(c.units[a] * U + c.units[b], (together.get(c.units[a] * U + c.units[b]) ?? 0) + lambda[i]);
    });
    let pair = -1;
    distance = 0.5 - 1e-6;
    for (const [key, x] of together) {
      const d = Math.abs(x - 0.5);
      if (x > 1e-6 && x < 1 - 1e-6 && d < distance) {
        distance = d;
        pair = key;
      }
    }
    if (pair < 0) return null;
    const u = Math.floor(pair / U),
      v = pair % U;
    return [
      { kind: 'pair', u, v, together: true },
      { kind: 'pair', u, v, together: false },
    ];
  };
  /** An integral LP solution as a placement: each class's columns go to its servers in turn. */
  const placeColumns = (lambda: Float64Array): boolean => {
    const unitServer = new Int32Array(U).fill(-1);
    const next = new Int32Array(K);
    pool.forEach((c, i) => {
      if (lambda[i] <= 0.5) return;
      const j = classes[c.cls].servers[next[c.cls]++];
      if (j !== undefined) for (const u of c.units) if (unitServer[u] < 0) unitServer[u] = j;
    });
    return unitServer.every((j) => j >= 0) && accept(unitServer);
  };

  try {
    // A root that cannot converge in its time (loose capacity: pricing is slow and the LP no
    // stronger than the compact one) hands the rest back to the caller.
    const rootLimit = options.rootSec === undefined ? deadline : deadline.sub(options.rootSec);
    const start = options.compactStart && !phase1 ? await dualsOfCompactLp(cp, U, spreadKeys.length, coverLayers, surplusCost, rootLimit) : null;
    const root = solveNode(nodeView([]), -Infinity, rootLimit, start, true);
    outcome.nodes = 1;
    if (phase1) {
      outcome.infeasible = root.bound === Infinity;
      return outcome;
    }
    if (root.bound === Infinity && !best) {
      outcome.infeasible = true;
      return outcome;
    }
    outcome.masterValue = root.lpValue;
    outcome.converged = root.converged && root.lambda !== null;
    if (root.bound > -Infinity) reportBound(root.bound);
    if (root.converged && root.bound >= cutoff()) {
      // The root alone closes the tree.
      if (best) outcome.proved = true;
      else outcome.infeasible = true;
      return outcome;
    }
    if (!root.converged || !root.lambda) return outcome;

    // Price and branch: the integer master over the root's columns, for a better placement.
    const share = options.integerShare ?? 0.2;
    if (share > 0 && root.bound < cutoff() && !deadline.expired()) {
      const unitServer = solveIntegerMaster(cp, engine, pool, classes, placementRows, spreadEntries, best, classOf, deadline.remainingSec() * share, deadline);
      if (unitServer) accept(unitServer);
    }
    if (options.branching === false) return outcome;

    // Branch and price, best bound first (deeper first among equals).
    const open: TreeNode[] = [];
    let incomplete = false;
    const expand = (decisions: Decision[], result: NodeResult, depth: number) => {
      if (result.bound >= cutoff() || !result.lambda) return;
      const branch = branchOn(result.lambda);
      // A leaf whose columns do not make a placement (tolerances) is left unproved, not dropped.
      if (!branch) {
        if (!placeColumns(result.lambda)) incomplete = true;
        return;
      }
      for (const d of branch) open.push({ decisions: [...decisions, d], bound: result.bound, depth: depth + 1 });
    };
    expand([], root, 0);
    let stopped = false;
    while (open.length) {
      open.sort((a, b) => a.bound - b.bound || b.depth - a.depth);
      const lowest = open[0].bound;
      reportBound(lowest);
      if (lowest >= cutoff()) {
        open.length = 0;
        break;
      }
      if (deadline.expired()) {
        stopped = true;
        break;
      }
      const node = open.shift()!;
      const result = solveNode(nodeView(node.decisions), node.bound, deadline);
      outcome.nodes++;
      if (!result.converged) {
        open.push(node);
        stopped = true;
        break;
      }
      expand(node.decisions, result, node.depth);
    }
    if (!stopped && !incomplete && open.length === 0) {
      // Every node closed: the best placement is optimal, or none exists.
      if (best) outcome.proved = true;
      else outcome.infeasible = true;
    } else if (open.length) reportBound(Math.min(...open.map((n) => n.bound)));
  } finally {
    lp.dispose();
    outcome.columns = pool.length;
  }
  return outcome;
}

/** Greedy pricing: from each of a few promising seeds, add the unit with the best marginal value. */
function priceGreedily(cp: CompiledProblem, j: number, value: (u: number) => number, phase1: boolean, groupsOf: number[][], discount: Float64Array | null = null): number[][] {
  const server = cp.servers[j];
  const candidates = profitableUnits(cp, j, value);
  candidates.sort((a, b) => b.v - a.v || a.u - b.u);
  const seeds = candidates.slice(0, GREEDY_SEEDS).map((c) => c.u);
  const results: number[][] = [];
  const seen = new Set<string>();
  for (const seed of seeds) {
    const chosen: number[] = [];
    const layers = new Set<number>();
    const usedGroups = new Set<number>();
    let cpu = 0,
      memory = 0,
      bandwidth = 0,
      disk = server.cachedBytes;
    const fits = (u: number) => {
      const unit = cp.units[u];
      if (groupsOf[u].some((k) => usedGroups.has(k))) return false;
      if (!fitsWithin(cpu + unit.cpu, server.cpu) || !fitsWithin(memory + unit.memory, server.memory) || !fitsWithin(bandwidth + unit.bandwidth, server.bandwidth)) return false;
      let extra = 0;
      for (const l of unit.layers) if (!layers.has(l)) extra += layerStorage(cp, l, j);
      return disk + extra <= server.storage;
    };
    const take = (u: number) => {
      const unit = cp.units[u];
      chosen.push(u);
      cpu += unit.cpu;
      memory += unit.memory;
      bandwidth += unit.bandwidth;
      for (const l of unit.layers)
        if (!layers.has(l)) {
          layers.add(l);
          disk += layerStorage(cp, l, j);
        }
      for (const k of groupsOf[u]) usedGroups.add(k);
    };
    if (!fits(seed)) continue;
    take(seed);
    for (;;) {
      let pick = -1,
        pickGain = EPS;
      for (const { u, v } of candidates) {
        if (chosen.includes(u)) continue;
        let added = 0;
        if (!phase1) for (const l of cp.units[u].layers) if (!layers.has(l)) added += layerCost(cp, l, j) / BYTES_PER_UNIT - (discount?.[l] ?? 0);
        const gain = v - added;
        if (gain > pickGain && fits(u)) {
          pick = u;
          pickGain = gain;
        }
      }
      if (pick < 0) break;
      take(pick);
    }
    const key = [...chosen].sort((a, b) => a - b).join(',');
    if (!seen.has(key)) {
      seen.add(key);
      results.push(chosen);
    }
  }
  return results;
}

/**
 * Exact pricing as a MIP: z(u) binary for units worth taking, w(l) ∈ [0,1] for their layers,
 * min Σ cost(l)·w(l) − Σ value(u)·z(u), with w(l) ≥ z(u), capacities, the disk and conflicts.
 * Returns its best column and a proved lower bound on its objective (null if none).
 */
export function priceExactly(
  cp: CompiledProblem,
  engine: MilpEngine,
  j: number,
  value: (u: number) => number,
  phase1: boolean,
  deadline: Deadline,
  discount: Float64Array | null = null,
): { columns: number[][]; bound: number | null } {
  const server = cp.servers[j];
  const units: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < cp.units.length; u++) {
    if (!cp.units[u].eligible[j]) continue;
    const v = value(u);
    if (v > EPS) {
      units.push(u);
      values.push(v);
    }
  }
  if (units.length === 0) return { columns: [], bound: 0 };
  const layerCol = new Map<number, number>();
  const cost: number[] = values.map((v) => -v);
  const integer: number[] = units.map(() => 1);
  for (const u of units) {
    for (const l of cp.units[u].layers) {
      if (layerCol.has(l)) continue;
      if (layerCost(cp, l, j) === 0 && layerStorage(cp, l, j) === 0) continue;
      layerCol.set(l, cost.length);
      cost.push(phase1 ? 0 : layerCost(cp, l, j) / BYTES_PER_UNIT - (discount?.[l] ?? 0));
      integer.push(0);
    }
  }
  const rowLower: number[] = [],
    rowUpper: number[] = [],
    rowStarts: number[] = [0],
    rowIndex: number[] = [],
    rowValue: number[] = [];
  const row = (lower: number, upper: number, entries: [number, number][]) => {
    for (const [c, v] of entries) {
      rowIndex.push(c);
      rowValue.push(v);
    }
    rowStarts.push(rowIndex.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  units.forEach((u, k) => {
    for (const l of cp.units[u].layers) {
      const w = layerCol.get(l);
      if (w !== undefined)
        row(0, Infinity, [
          [w, 1],
          [k, -1],
        ]);
    }
  });
  for (const r of ['cpu', 'memory', 'bandwidth'] as const) {
    const total = units.reduce((s, u) => s + cp.units[u][r], 0);
    if (total > server[r])
      row(
        -Infinity,
        server[r] * (1 + 1e-9),
        units.map((u, k) => [k, cp.units[u][r]] as [number, number]),
      );
  }
  const disk: [number, number][] = [];
  let diskTotal = 0;
  for (const [l, w] of layerCol) {
    const bytes = layerStorage(cp, l, j);
    if (bytes > 0) {
      disk.push([w, bytes / BYTES_PER_UNIT]);
      diskTotal += bytes;
    }
  }
  const room = server.storage - server.cachedBytes;
  if (diskTotal > room) row(-Infinity, room / BYTES_PER_UNIT, disk);
  const position = new Map(units.map((u, k) => [u, k]));
  for (const g of cp.conflictGroups) {
    const here = g.units.filter((u) => position.has(u)).map((u) => [position.get(u)!, 1] as [number, number]);
    if (here.length > 1) row(-Infinity, 1, here);
  }
  const n = cost.length;
  const model: MilpModel = {
    numCols: n,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    integer: Uint8Array.from(integer),
    rowLower,
    rowUpper,
    rowStarts,
    rowIndex,
    rowValue,
  };
  const solved = engine.solve(model, { timeLimitSec: Math.min(deadline.remainingSec(), PRICING_LIMIT_SEC), relGap: 1e-3, shouldStop: () => deadline.stopped() });
  // Its second is a clock: a run it cut may price differently on a rerun (the answer says so).
  if (solved.clockCut) deadline.markClockCut();
  const bound = solved.status === 'optimal' ? solved.objective : solved.bound;
  const columns: number[][] = [];
  if (solved.values) {
    const chosen = units.filter((_, k) => solved.values![k] > 0.5);
    if (chosen.length) columns.push(chosen);
  }
  // The MIP's own tolerances: a hair below its bound is still a bound.
  return { columns, bound: bound === null ? null : bound - 1e-6 };
}

function solveIntegerMaster(
  cp: CompiledProblem,
  engine: MilpEngine,
  pool: Column[],
  classes: ServerClass[],
  rowCount: number,
  spreadEntries: (c: Column) => [number, number][],
  incumbent: PlacementState | null,
  classOf: Int32Array,
  timeLimitSec: number,
  deadline: Deadline,
): Int32Array | null {
  const U = cp.units.length;
  const entries: [number, number][][] = Array.from({ length: rowCount }, () => []);
  pool.forEach((c, k) => {
    for (const u of c.units) entries[u].push([k, 1]);
    entries[U + c.cls].push([k, 1]);
    for (const [r, n] of spreadEntries(c)) entries[r].push([k, n]);
  });
  const rowLower: number[] = [],
    rowUpper: number[] = [],
    rowStarts: number[] = [0],
    rowIndex: number[] = [],
    rowValue: number[] = [];
  entries.forEach((row, r) => {
    for (const [c, v] of row) {
      rowIndex.push(c);
      rowValue.push(v);
    }
    rowStarts.push(rowIndex.length);
    // Each unit exactly once in the integer master (the LP may cover twice at no gain).
    rowLower.push(r < U ? 1 : -Infinity);
    rowUpper.push(r < U ? 1 : r < U + classes.length ? classes[r - U].servers.length : 1);
  });
  const n = pool.length;
  let start: Float64Array | undefined;
  if (incumbent) {
    start = new Float64Array(n);
    const members: number[][] = Array.from({ length: cp.servers.length }, () => []);
    incumbent.unitServer.forEach((j, u) => members[j].push(u));
    const wanted = new Set(members.map((units, j) => `${classOf[j]}:${[...units].sort((a, b) => a - b).join(',')}`));
    pool.forEach((c, k) => {
      if (wanted.has(`${c.cls}:${c.units.join(',')}`)) start![k] = 1;
    });
  }
  const solved = engine.solve(
    {
      numCols: n,
      colCost: Float64Array.from(pool, (c) => c.cost),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      integer: new Uint8Array(n).fill(1),
      rowLower,
      rowUpper,
      rowStarts,
      rowIndex,
      rowValue,
    },
    { timeLimitSec: Math.min(timeLimitSec, deadline.remainingSec()), start, shouldStop: () => deadline.stopped() },
  );
  if (!solved.values) return null;
  // The chosen columns of a class go to its servers in turn.
  const unitServer = new Int32Array(U).fill(-1);
  const next = new Int32Array(classes.length);
  pool.forEach((c, k) => {
    if (solved.values![k] <= 0.5) return;
    const j = classes[c.cls].servers[next[c.cls]++];
    if (j !== undefined) for (const u of c.units) unitServer[u] = j;
  });
  return unitServer.every((j) => j >= 0) ? unitServer : null;
}

/**
 * The compact LP's duals (with capacity linking and layer cover) as the master's dual vector:
 * π from the assignment rows, ρ from the cover rows of the layers the master covers too
 * (clipped as the master clips its own), σ zero. Any duals give a valid Lagrangian bound once
 * priced exactly; these are a good point because the columns' integer hull lies inside the
 * compact LP's per-server polytope. Null when the LP does not solve in its time.
 */
async function dualsOfCompactLp(
  cp: CompiledProblem,
  U: number,
  spreadCount: number,
  coverLayers: number[],
  surplusCost: (l: number) => number,
  deadline: Deadline,
): Promise<Float64Array | null> {
  const model = buildPlacementModel(cp, { capacityLinking: true, layerCover: true });
  const { milp } = model;
  const S = cp.servers.length;
  const columns = Array.from({ length: milp.numCols }, (_, c) => ({ cost: milp.colCost[c], rows: [] as number[], values: [] as number[] }));
  for (let r = 0; r < milp.rowLower.length; r++)
    for (let k = milp.rowStarts[r]; k < milp.rowStarts[r + 1]; k++) {
      columns[milp.rowIndex[k]].rows.push(r);
      columns[milp.rowIndex[k]].values.push(milp.rowValue[k]);
    }
  const layerOfColumn = new Int32Array(milp.numCols).fill(-1);
  model.yCol.forEach((c, i) => {
    if (c >= 0) layerOfColumn[c] = Math.floor(i / S);
  });
  // A cover row: lower bound ≥ 2 on y columns of a single layer.
  const coverRowOf = new Map<number, number>();
  for (let r = U; r < milp.rowLower.length; r++) {
    if (milp.rowLower[r] < 2 || milp.rowUpper[r] !== Infinity) continue;
    const first = layerOfColumn[milp.rowIndex[milp.rowStarts[r]]];
    let single = first >= 0;
    for (let k = milp.rowStarts[r]; k < milp.rowStarts[r + 1] && single; k++) single = layerOfColumn[milp.rowIndex[k]] === first && milp.rowValue[k] === 1;
    if (single) coverRowOf.set(first, r);
  }
  let lp: LpSession;
  try {
    lp = await openHighsLp(Array.from(milp.rowLower), Array.from(milp.rowUpper), columns);
  } catch {
    return null;
  }
  try {
    const solved = lp.solve(deadline.remainingSec(), () => deadline.stopped());
    const dual = solved.rowDual;
    if (solved.status !== 'optimal' || !dual) return null;
    // The model's objective unit against the master's (MB).
    const scale = model.objectiveUnit / BYTES_PER_UNIT;
    const duals = new Float64Array(U + spreadCount + coverLayers.length);
    for (let u = 0; u < U; u++) duals[u] = Math.max(0, dual[u] * scale);
    coverLayers.forEach((l, i) => {
      const r = coverRowOf.get(l);
      if (r !== undefined) duals[U + spreadCount + i] = Math.min(surplusCost(l), Math.max(0, dual[r] * scale));
    });
    return duals;
  } finally {
    lp.dispose();
  }
}
