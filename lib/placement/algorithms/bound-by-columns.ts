import { BYTES_PER_UNIT } from '../build-placement-model';
import { fitsWithin } from '../capacity-tolerance';
import { layerCost, layerStorage, type CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import { openHighsLp, type LpColumn, type LpSession } from '../engines/highs-engine';
import type { MilpEngine, MilpModel } from '../engines/milp-engine';
import type { PlacementState } from '../placement-state';

/**
 * A column: a set of units on one server. Its cost counts each layer once (layer sharing inside
 * the column), so the master LP over columns sees what the compact model's LP cannot: that a
 * layer's users have to be split over servers when capacity is tight.
 */
type Column = { server: number; units: number[]; cost: number };

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
};

export type ColumnBoundOptions = {
  /** rounds of heuristic pricing between exact (MIP) pricing rounds */
  exactEvery?: number;
  /** share of the remaining time left for the integer master over the columns */
  integerShare?: number;
  report?: (bound: number | null) => void;
};

const EPS = 1e-7; // MB: far below a byte
/** seeds per server for the greedy pricer (the most valuable units first) */
const GREEDY_SEEDS = 24;
/** an exact pricing MIP that runs longer still yields a valid bound (its dual bound) */
const PRICING_LIMIT_SEC = 1;
/** nodes the pricing branch and bound may visit before the MIP pricer takes over */
const PRICING_NODES = 200_000;

/**
 * Column generation (Dantzig–Wolfe over servers). Master: cover every unit (≥ 1), at most one
 * column per server, at most one unit of a spread group per site. Pricing per server is a
 * knapsack with shared layers: pick units whose duals outweigh the bytes of the union of their
 * layers, within cpu, memory, bandwidth and disk, without two units of a conflict group. A
 * greedy pricer finds most columns; a MIP pricer (HiGHS) every few rounds proves the rest or
 * yields a Lagrangian bound: master value + Σ_servers min(0, best reduced cost), valid at every
 * round, not only at convergence. Without a placement in hand it first runs phase 1 (only
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
  const exactEvery = options.exactEvery ?? 4;
  const outcome: ColumnBoundOutcome = { bound: null, infeasible: false, unitServer: null, columns: 0, iterations: 0, converged: false };
  if (U === 0) return { ...outcome, bound: 0, converged: true };

  // Spread groups become master rows, one per (group, site); anti-affinity stays in pricing.
  const siteGroups = cp.conflictGroups.map((g, k) => ({ g, k })).filter(({ g }) => g.kind === 'site');
  const spreadRow = new Map<string, number>();
  const rowLower: number[] = [],
    rowUpper: number[] = [];
  for (let u = 0; u < U; u++) {
    rowLower.push(1);
    rowUpper.push(Infinity);
  }
  for (let j = 0; j < S; j++) {
    rowLower.push(-Infinity);
    rowUpper.push(1);
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

  const columnCost = (j: number, units: number[]): number => {
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
  const toLp = (c: Column, phase1: boolean): LpColumn => {
    const rows = [...c.units, U + c.server];
    const values = c.units.map(() => 1);
    values.push(1);
    const site = cp.servers[c.server].site;
    const counts = new Map<number, number>();
    for (const u of c.units) for (const k of groupsOf[u]) if (cp.conflictGroups[k].kind === 'site') counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const [k, n] of counts) {
      rows.push(spreadRow.get(`${k}:${site}`)!);
      values.push(n);
    }
    return { cost: phase1 ? 0 : c.cost, rows, values };
  };

  const pool: Column[] = [];
  const keys = new Set<string>();
  const addColumn = (j: number, units: number[]): Column | null => {
    const sorted = [...units].sort((a, b) => a - b);
    const key = `${j}:${sorted.join(',')}`;
    if (keys.has(key)) return null;
    keys.add(key);
    const column = { server: j, units: sorted, cost: columnCost(j, sorted) };
    pool.push(column);
    return column;
  };
  if (incumbent) {
    const members: number[][] = Array.from({ length: S }, () => []);
    incumbent.unitServer.forEach((j, u) => members[j].push(u));
    members.forEach((units, j) => {
      if (units.length) addColumn(j, units);
    });
  }
  for (let u = 0; u < U; u++) for (let j = 0; j < S; j++) if (cp.units[u].eligible[j]) addColumn(j, [u]);

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
  try {
    let best = -Infinity; // MB, phase 2 bound
    let round = 0;
    for (;;) {
      if (deadline.expired()) break;
      const solved = lp.solve(deadline.remainingSec(), () => deadline.stopped());
      if (solved.clockCut) deadline.markClockCut();
      if (solved.status !== 'optimal' || !solved.rowDual) break;
      outcome.iterations++;
      if (phase1 && (solved.objective ?? 1) < 1e-9) {
        // The columns already cover every unit: the LP is feasible; on to the real costs.
        phase1 = false;
        lp.setCosts(Float64Array.from([...Array.from({ length: U }, () => bigM), ...pool.map((c) => c.cost)]));
        round = 0;
        continue;
      }
      const dual = solved.rowDual;
      const pi = Float64Array.from({ length: U }, (_, u) => Math.max(0, dual[u]));
      const mu = Float64Array.from({ length: S }, (_, j) => Math.min(0, dual[U + j]));
      const sigma = new Map<string, number>();
      for (const [key, row] of spreadRow) sigma.set(key, Math.min(0, dual[row]));
      const value = (u: number, j: number): number => {
        let v = pi[u];
        const site = cp.servers[j].site;
        for (const k of groupsOf[u]) if (cp.conflictGroups[k].kind === 'site') v += sigma.get(`${k}:${site}`) ?? 0;
        return v;
      };
      let dualValue = 0;
      for (let u = 0; u < U; u++) dualValue += pi[u];
      for (let j = 0; j < S; j++) dualValue += mu[j];
      for (const v of sigma.values()) dualValue += v;

      const exactRound = ++round % exactEvery === 0;
      const added: Column[] = [];
      let lagrangian = dualValue;
      let allPriced = exactRound;
      for (let j = 0; j < S; j++) {
        if (deadline.expired()) {
          allPriced = false;
          break;
        }
        let found: { columns: number[][]; bound: number | null };
        if (exactRound) {
          const searched = priceByBranchAndBound(cp, j, (u) => value(u, j), phase1, groupsOf, PRICING_NODES);
          found = searched
            ? { columns: searched.best.length ? [searched.best] : [], bound: -searched.profit - 1e-9 }
            : priceExactly(cp, engine, j, (u) => value(u, j), phase1, deadline);
        } else found = { columns: priceGreedily(cp, j, (u) => value(u, j), phase1, groupsOf), bound: null };
        if (found.bound === null) allPriced = false;
        else lagrangian += Math.min(0, found.bound - mu[j]);
        for (const units of found.columns) {
          const cost = phase1 ? 0 : columnCost(j, units);
          let gain = mu[j]; // reduced cost = cost − Σ value − μ(j)
          for (const u of units) gain += value(u, j);
          if (cost - gain < -EPS) {
            const column = addColumn(j, units);
            if (column) added.push(column);
          }
        }
      }
      if (allPriced) {
        if (phase1) {
          // Phase 1 bound > 0: no combination of columns covers every unit, so no placement exists.
          if (lagrangian > 1e-6) {
            outcome.infeasible = true;
            break;
          }
        } else if (lagrangian > best) {
          best = lagrangian;
          outcome.bound = Math.max(0, Math.floor(best * BYTES_PER_UNIT * (1 - 1e-9) - 1));
          options.report?.(outcome.bound);
          if (incumbent && outcome.bound >= incumbent.cost - 0.5) break;
        }
      }
      if (added.length === 0) {
        if (!exactRound) {
          round = exactEvery - 1;
          continue;
        } // let the exact pricer decide
        if (phase1) {
          // Converged with value 0: the LP is feasible; switch to the real costs.
          if ((solved.objective ?? 1) > 1e-6) {
            outcome.infeasible = true;
            break;
          }
          phase1 = false;
          lp.setCosts(Float64Array.from([...Array.from({ length: U }, () => bigM), ...pool.map((c) => c.cost)]));
          round = 0;
          continue;
        }
        outcome.converged = true;
        break;
      }
      lp.addColumns(added.map((c) => toLp(c, phase1)));
      if (!phase1 && incumbent && outcome.bound !== null && outcome.bound >= incumbent.cost - 0.5) break;
    }
  } finally {
    lp.dispose();
  }
  outcome.columns = pool.length;
  if (outcome.infeasible || phase1) return outcome;

  // Price and branch: the integer master over every column generated.
  const share = options.integerShare ?? 0.5;
  if (!deadline.expired() && !(incumbent && outcome.bound !== null && outcome.bound >= incumbent.cost - 0.5)) {
    outcome.unitServer = solveIntegerMaster(cp, engine, pool, rowLower.length, spreadRow, groupsOf, incumbent, deadline.remainingSec() * share, deadline);
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
  rowCount: number,
  spreadRow: Map<string, number>,
  groupsOf: number[][],
  incumbent: PlacementState | null,
  timeLimitSec: number,
  deadline: Deadline,
): Int32Array | null {
  const U = cp.units.length;
  const entries: [number, number][][] = Array.from({ length: rowCount }, () => []);
  pool.forEach((c, k) => {
    for (const u of c.units) entries[u].push([k, 1]);
    entries[U + c.server].push([k, 1]);
    const site = cp.servers[c.server].site;
    const counts = new Map<number, number>();
    for (const u of c.units) for (const g of groupsOf[u]) if (cp.conflictGroups[g].kind === 'site') counts.set(g, (counts.get(g) ?? 0) + 1);
    for (const [g, n] of counts) entries[spreadRow.get(`${g}:${site}`)!].push([k, n]);
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
    rowUpper.push(1);
  });
  const n = pool.length;
  let start: Float64Array | undefined;
  if (incumbent) {
    start = new Float64Array(n);
    const members: number[][] = Array.from({ length: cp.servers.length }, () => []);
    incumbent.unitServer.forEach((j, u) => members[j].push(u));
    const keyOf = (c: Column) => `${c.server}:${c.units.join(',')}`;
    const wanted = new Set(members.map((units, j) => `${j}:${[...units].sort((a, b) => a - b).join(',')}`));
    pool.forEach((c, k) => {
      if (wanted.has(keyOf(c))) start![k] = 1;
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
  const unitServer = new Int32Array(U).fill(-1);
  pool.forEach((c, k) => {
    if (solved.values![k] > 0.5) for (const u of c.units) unitServer[u] = c.server;
  });
  return unitServer.every((j) => j >= 0) ? unitServer : null;
}

/**
 * Exact pricing by depth-first branch and bound (no WASM round trip): units by value, take
 * before skip. The bound adds, for every remaining unit that still fits alone, its value less
 * the layers only it (among those remaining) would bring: a shared layer may be paid by
 * someone else, so only private ones are certain. Null when `nodeLimit` runs out (the caller
 * then prices with the MIP).
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
  const bound = (i: number): number => {
    let total = profit;
    const users = suffixUsers[i];
    for (let k = i; k < n; k++) {
      const { u, v } = items[k];
      if (!fits(u)) continue;
      let own = 0;
      for (const l of cp.units[u].layers) if (!present[l] && users[l] === 1) own += cost(l);
      if (v > own) total += v - own;
    }
    return total;
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
