import { BYTES_PER_UNIT } from '../build-placement-model';
import { fitsWithin } from '../capacity-tolerance';
import { layerCost, layerStorage, type CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import { openHighsLp, type LpColumn, type LpSession } from '../engines/highs-engine';
import type { MilpEngine, MilpModel } from '../engines/milp-engine';
import type { PlacementState } from '../placement-state';

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
  /** MB: the last master LP value of phase 2 (equal to the bound, up to tolerances, when converged) */
  masterValue: number | null;
};

export type ColumnBoundOptions = {
  /** Wentges smoothing weight of the stability centre (0 = plain Kelley column generation) */
  smoothing?: boolean | number;
  /** one pricing per class of interchangeable servers (false: one per server, the old way) */
  serverClasses?: boolean;
  /** share of the remaining time left for the integer master over the columns */
  integerShare?: number;
  report?: (bound: number | null) => void;
  /** each round: master LP value (MB), best Lagrangian bound (MB), columns, phase */
  onRound?: (round: { lp: number; lagrangian: number; columns: number; phase1: boolean }) => void;
};

const EPS = 1e-7; // MB: far below a byte
/** seeds per class for the greedy pricer (the most valuable units first) */
const GREEDY_SEEDS = 24;
/** an exact pricing MIP that runs longer still yields a valid bound (its dual bound) */
const PRICING_LIMIT_SEC = 1;
/** nodes the pricing branch and bound may visit before the MIP pricer takes over */
const PRICING_NODES = 200_000;
/** Wentges weight of the stability centre; measured on Fig. 5 ×0.8 (README) */
const DEFAULT_SMOOTHING = 0.8;

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

/**
 * Column generation (Dantzig–Wolfe over servers). Master: cover every unit (≥ 1), at most as
 * many columns of a class as it has servers, at most one unit of a spread group per site.
 * Pricing per class is a knapsack with shared layers: pick units whose duals outweigh the bytes
 * of the union of their layers, within cpu, memory, bandwidth and disk, without two units of a
 * conflict group. Every round prices exactly (branch and bound; the HiGHS MIP when that runs
 * out of nodes), so every round gives a Lagrangian bound, Σ duals + Σ_classes servers ·
 * min(0, best reduced cost), valid for any duals, not only at convergence. The duals priced are
 * smoothed towards the best Lagrangian point so far (Wentges): the master's own duals jump
 * between extreme points and the bound tails off; when smoothing misprices (no column improves
 * the master) the weight falls in steps until pricing sees the master's own duals. A greedy
 * pricer adds more columns per round. Without a placement in hand it first runs phase 1 (only
 * artificial columns cost), whose bound above zero proves that no placement exists.
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
  const alpha = options.smoothing === false ? 0 : options.smoothing === true || options.smoothing === undefined ? DEFAULT_SMOOTHING : options.smoothing;
  const outcome: ColumnBoundOutcome = { bound: null, infeasible: false, unitServer: null, columns: 0, iterations: 0, converged: false, masterValue: null };
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
  const toLp = (c: Column, phase1: boolean): LpColumn => {
    const rows = [...c.units, U + c.cls];
    const values = c.units.map(() => 1);
    values.push(1);
    for (const [r, n] of spreadEntries(c)) {
      rows.push(r);
      values.push(n);
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
  if (incumbent) {
    const members: number[][] = Array.from({ length: S }, () => []);
    incumbent.unitServer.forEach((j, u) => members[j].push(u));
    members.forEach((units, j) => {
      if (units.length) addColumn(classOf[j], units);
    });
  }
  for (let u = 0; u < U; u++) for (let k = 0; k < K; k++) if (cp.units[u].eligible[classes[k].rep]) addColumn(k, [u]);

  // Artificial columns (one per unit) keep the master feasible whatever the pool holds.
  let noSharingMb = 0;
  for (const unit of cp.units) noSharingMb += unit.ownBytes / BYTES_PER_UNIT;
  const bigM = 2 * noSharingMb + 1;
  const artificial = (u: number, phase1: boolean): LpColumn => ({ cost: phase1 ? 1 : bigM, rows: [u], values: [1] });

  let phase1 = incumbent === null;
  const initial = [...Array.from({ length: U }, (_, u) => artificial(u, phase1)), ...pool.map((c) => toLp(c, phase1))];
  let lp: LpSession;
  try {
    lp = await openHighsLp(rowLower, rowUpper, initial);
  } catch {
    return outcome;
  }
  const spreadKeys = [...spreadRow];
  // Duals as one vector: π (cover, ≥ 0) then σ (spread rows in spreadKeys order, ≤ 0).
  const D = U + spreadKeys.length;
  const reportBound = (mb: number) => {
    const bytes = Math.max(0, Math.floor(mb * BYTES_PER_UNIT * (1 - 1e-9) - 1));
    if (outcome.bound === null || bytes > outcome.bound) {
      outcome.bound = bytes;
      options.report?.(bytes);
    }
  };
  const proved = () => incumbent !== null && outcome.bound !== null && outcome.bound >= incumbent.cost - 0.5;
  try {
    let best = -Infinity; // MB, best Lagrangian bound of the current phase
    let centre: Float64Array | null = null; // duals at which `best` was reached
    let mispriced = 0;
    for (;;) {
      if (deadline.expired()) break;
      const solved = lp.solve(deadline.remainingSec(), () => deadline.stopped());
      if (solved.clockCut) deadline.markClockCut();
      if (solved.status !== 'optimal' || !solved.rowDual) break;
      outcome.iterations++;
      const lpValue = solved.objective ?? Infinity;
      if (!phase1) outcome.masterValue = lpValue;
      if (phase1 && lpValue < 1e-9) {
        // The columns already cover every unit: the LP is feasible; on to the real costs.
        phase1 = false;
        lp.setCosts(Float64Array.from([...Array.from({ length: U }, () => bigM), ...pool.map((c) => c.cost)]));
        best = -Infinity;
        centre = null;
        mispriced = 0;
        continue;
      }
      const dual = solved.rowDual;
      const master = new Float64Array(D);
      for (let u = 0; u < U; u++) master[u] = Math.max(0, dual[u]);
      spreadKeys.forEach(([, row], i) => (master[U + i] = Math.min(0, dual[row])));
      const mu = Float64Array.from({ length: K }, (_, k) => Math.min(0, dual[U + k]));
      // Wentges: price at a point between the stability centre and the master's duals.
      const weight = centre ? Math.max(0, 1 - (mispriced + 1) * (1 - alpha)) : 0;
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
      for (let i = 0; i < D; i++) lagrangian += priced[i];
      let allPriced = true;
      const added: Column[] = [];
      for (let k = 0; k < K; k++) {
        if (deadline.expired()) {
          allPriced = false;
          break;
        }
        const j = classes[k].rep;
        const value = (u: number) => valueAt(priced, pricedSigma, u, k);
        const candidates = priceGreedily(cp, j, value, phase1, groupsOf);
        const searched = priceByBranchAndBound(cp, j, value, phase1, groupsOf, PRICING_NODES);
        const exact = searched ? { columns: searched.best.length ? [searched.best] : [], bound: -searched.profit - 1e-9 } : priceExactly(cp, engine, j, value, phase1, deadline);
        candidates.push(...exact.columns);
        if (exact.bound === null) allPriced = false;
        else lagrangian += classes[k].servers.length * Math.min(0, exact.bound);
        for (const units of candidates) {
          // Added when it improves the master: reduced cost at the master's own duals.
          let rc = (phase1 ? 0 : columnCost(k, units)) - mu[k];
          for (const u of units) rc -= valueAt(master, masterSigma, u, k);
          if (rc < -EPS) {
            const column = addColumn(k, units);
            if (column) added.push(column);
          }
        }
      }
      if (allPriced && lagrangian > best) {
        best = lagrangian;
        centre = priced;
        if (phase1) {
          // Phase 1 bound > 0: no combination of columns covers every unit, so no placement exists.
          if (best > 1e-6) {
            outcome.infeasible = true;
            break;
          }
        } else reportBound(best);
      }
      options.onRound?.({ lp: lpValue, lagrangian: best, columns: pool.length, phase1 });
      if (!phase1 && proved()) break;
      // The bound has met the master's value: the LP is solved, nothing left to price.
      const closed = allPriced && best >= lpValue - Math.max(1e-6, 1e-9 * Math.abs(lpValue));
      if (added.length === 0 || closed) {
        if (!closed && weight > 0) {
          mispriced++;
          continue;
        }
        if (!allPriced && !closed) break; // the clock, not a proof, ended pricing
        if (phase1) {
          // Converged with value above 0 only if infeasible, which the bound above proved.
          if (lpValue > 1e-6) {
            outcome.infeasible = true;
            break;
          }
          phase1 = false;
          lp.setCosts(Float64Array.from([...Array.from({ length: U }, () => bigM), ...pool.map((c) => c.cost)]));
          best = -Infinity;
          centre = null;
          mispriced = 0;
          continue;
        }
        outcome.converged = true;
        break;
      }
      mispriced = 0;
      lp.addColumns(added.map((c) => toLp(c, phase1)));
    }
  } finally {
    lp.dispose();
  }
  outcome.columns = pool.length;
  if (outcome.infeasible || phase1) return outcome;

  // Price and branch: the integer master over every column generated.
  const share = options.integerShare ?? 0.5;
  if (share > 0 && !deadline.expired() && !proved()) {
    outcome.unitServer = solveIntegerMaster(cp, engine, pool, classes, rowLower.length, spreadEntries, incumbent, classOf, deadline.remainingSec() * share, deadline);
  }
  return outcome;
}

/** Greedy pricing: from each of a few promising seeds, add the unit with the best marginal value. */
function priceGreedily(cp: CompiledProblem, j: number, value: (u: number) => number, phase1: boolean, groupsOf: number[][]): number[][] {
  const server = cp.servers[j];
  const candidates: { u: number; v: number }[] = [];
  for (let u = 0; u < cp.units.length; u++) {
    if (!cp.units[u].eligible[j]) continue;
    const v = value(u);
    if (v > EPS) candidates.push({ u, v });
  }
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
        if (!phase1) for (const l of cp.units[u].layers) if (!layers.has(l)) added += layerCost(cp, l, j);
        const gain = v - added / BYTES_PER_UNIT;
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
function priceExactly(
  cp: CompiledProblem,
  engine: MilpEngine,
  j: number,
  value: (u: number) => number,
  phase1: boolean,
  deadline: Deadline,
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
      cost.push(phase1 ? 0 : layerCost(cp, l, j) / BYTES_PER_UNIT);
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
 * Exact pricing by depth-first branch and bound (no WASM round trip): units by value, take
 * before skip, bounded by shared layer costs split among their remaining users and a
 * fractional knapsack per resource (below). Null when `nodeLimit` runs out (the caller then
 * prices with the MIP).
 */
export function priceByBranchAndBound(
  cp: CompiledProblem,
  j: number,
  value: (u: number) => number,
  phase1: boolean,
  groupsOf: number[][],
  nodeLimit: number,
): { best: number[]; profit: number } | null {
  const server = cp.servers[j];
  const items: { u: number; v: number }[] = [];
  for (let u = 0; u < cp.units.length; u++) {
    if (!cp.units[u].eligible[j]) continue;
    const v = value(u);
    if (v > EPS) items.push({ u, v });
  }
  items.sort((a, b) => b.v - a.v || a.u - b.u);
  const n = items.length;
  const cost = (l: number) => (phase1 ? 0 : layerCost(cp, l, j) / BYTES_PER_UNIT);
  // users[l] among items at index ≥ i: suffix counts let the bound see which layers are private.
  const L = cp.layerSize.length;
  const suffixUsers: Int32Array[] = [];
  {
    const counts = new Int32Array(L);
    suffixUsers[n] = Int32Array.from(counts);
    for (let i = n - 1; i >= 0; i--) {
      for (const l of cp.units[items[i].u].layers) counts[l]++;
      suffixUsers[i] = Int32Array.from(counts);
    }
  }
  const present = new Int32Array(L);
  const usedGroups = new Int32Array(cp.conflictGroups.length);
  const chosen: number[] = [];
  let cpu = 0,
    memory = 0,
    bandwidth = 0,
    disk = server.cachedBytes,
    profit = 0;
  let best = 0;
  let bestSet: number[] = [];
  let nodes = 0;

  const fits = (u: number) => {
    const unit = cp.units[u];
    for (const k of groupsOf[u]) if (usedGroups[k]) return false;
    if (!fitsWithin(cpu + unit.cpu, server.cpu) || !fitsWithin(memory + unit.memory, server.memory) || !fitsWithin(bandwidth + unit.bandwidth, server.bandwidth)) return false;
    let extra = 0;
    for (const l of unit.layers) if (!present[l]) extra += layerStorage(cp, l, j);
    return disk + extra <= server.storage;
  };
  // Bound: a layer some remaining units share costs each of them its share (cost / users):
  // whatever subset is taken pays at least the shares of its members, so Σ (value − shares)
  // over the subset is above its profit. The subset also fits every resource, so a fractional
  // knapsack per resource (disk weighted by the same shares of bytes) bounds it further.
  const profits = new Float64Array(n);
  const weights = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const order = new Int32Array(n);
  const bound = (i: number): number => {
    const users = suffixUsers[i];
    let m = 0,
      loose = 0;
    const need = [0, 0, 0, 0];
    for (let k = i; k < n; k++) {
      const { u, v } = items[k];
      if (!fits(u)) continue;
      const unit = cp.units[u];
      let share = 0,
        bytes = 0;
      for (const l of unit.layers)
        if (!present[l]) {
          share += cost(l) / users[l];
          bytes += layerStorage(cp, l, j) / users[l];
        }
      if (v <= share) continue;
      profits[m] = v - share;
      weights[0][m] = unit.cpu;
      weights[1][m] = unit.memory;
      weights[2][m] = unit.bandwidth;
      weights[3][m] = bytes;
      need[0] += unit.cpu;
      need[1] += unit.memory;
      need[2] += unit.bandwidth;
      need[3] += bytes;
      loose += v - share;
      m++;
    }
    const slack = (limit: number) => 1e-9 * Math.max(1, limit);
    const room = [
      server.cpu - cpu + slack(server.cpu),
      server.memory - memory + slack(server.memory),
      server.bandwidth - bandwidth + slack(server.bandwidth),
      server.storage - disk,
    ];
    let tightest = loose;
    for (let r = 0; r < 4; r++) {
      if (need[r] <= room[r]) continue;
      const w = weights[r];
      for (let k = 0; k < m; k++) order[k] = k;
      const sorted = Array.from(order.subarray(0, m)).sort((a, b) => profits[b] * w[a] - profits[a] * w[b]);
      let left = room[r],
        total = 0;
      for (const k of sorted) {
        if (w[k] <= left) {
          left -= w[k];
          total += profits[k];
        } else {
          total += (profits[k] * left) / w[k];
          break;
        }
      }
      tightest = Math.min(tightest, total);
    }
    return profit + tightest;
  };
  const visit = (i: number): boolean => {
    if (++nodes > nodeLimit) return false;
    if (profit > best + EPS) {
      best = profit;
      bestSet = [...chosen];
    }
    if (i === n || bound(i) <= best + EPS) return true;
    const { u, v } = items[i];
    if (fits(u)) {
      const unit = cp.units[u];
      let added = 0;
      for (const l of unit.layers) {
        if (present[l]++ === 0) {
          added += cost(l);
          disk += layerStorage(cp, l, j);
        }
      }
      for (const k of groupsOf[u]) usedGroups[k]++;
      cpu += unit.cpu;
      memory += unit.memory;
      bandwidth += unit.bandwidth;
      profit += v - added;
      chosen.push(u);
      const ok = visit(i + 1);
      chosen.pop();
      profit -= v - added;
      cpu -= unit.cpu;
      memory -= unit.memory;
      bandwidth -= unit.bandwidth;
      for (const k of groupsOf[u]) usedGroups[k]--;
      for (const l of unit.layers) {
        if (--present[l] === 0) disk -= layerStorage(cp, l, j);
      }
      if (!ok) return false;
    }
    return visit(i + 1);
  };
  return visit(0) ? { best: bestSet, profit: best } : null;
}
