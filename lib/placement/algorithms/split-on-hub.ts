import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import type { NetworkCoefficients } from '../derive-network-coefficients';
import { openHighsLp, type LpColumn } from '../engines/highs-engine';
import type { MilpEngine, MilpModel, MilpOutcome } from '../engines/milp-engine';

/**
 * The unit whose direct traffic weighs most (summed pair weights), when it weighs more than
 * any other unit and may go to more than one server: the tracing agent every service calls,
 * a database shared by a service's replicas. Null when no unit stands out.
 */
export function chooseHub(cp: CompiledProblem, net: NetworkCoefficients, xCol: Int32Array): number | null {
  const S = cp.servers.length;
  const weight = new Float64Array(cp.units.length);
  for (const { u, v, weight: w } of net.trafficPairs) {
    weight[u] += w;
    weight[v] += w;
  }
  let hub = -1;
  for (let u = 0; u < cp.units.length; u++) if (weight[u] > 0 && (hub < 0 || weight[u] > weight[hub])) hub = u;
  if (hub < 0) return null;
  let places = 0;
  for (let j = 0; j < S; j++) if (xCol[hub * S + j] >= 0) places++;
  // A tie leaves the choice to the index; the split then helps no more than on any other unit.
  const tied = Array.from(weight).filter((w) => w === weight[hub]).length > 1;
  return places > 1 && !tied ? hub : null;
}

export type HubPosition = {
  server: number;
  /** proved lower bound (model units, without the offset) for placements with the hub there */
  bound: number;
  /** closed: `bound` is the optimum with the hub there, or reaches the cutoff */
  closed: boolean;
};

export type SplitOutcome = {
  positions: HubPosition[];
  /** min over the positions: a lower bound on every placement (model units) */
  bound: number;
  /** a sub-MIP ended on the clock (a rerun may differ) */
  clockCut: boolean;
  /** an engine error: the caller falls back to the whole MIP */
  error?: string;
};

export type SplitOptions = {
  model: MilpModel;
  xCol: Int32Array;
  S: number;
  hub: number;
  /** the best placement's objective in model units (no offset), Infinity without one */
  cutoff: () => number;
  /** its columns, when the hub is on `server` there (a MIP start for that position) */
  startAt: (server: number) => Float64Array | undefined;
  onSolution: (values: Float64Array) => void;
  /** seconds a sub-MIP cannot use: model intake and the tail past its limit (model-for-engine.ts) */
  setupSec: number;
  /** absolute tolerance of a proof in model units */
  tolerance: number;
  /**
   * Columns the sub-MIPs declare integer beside the model's own: the layer flags y, integral at
   * every optimum anyway, which lets HiGHS branch on them and cut with them (README).
   */
  integerColumns?: ArrayLike<number>;
};

/**
 * Branches on the hub's server first: every placement puts the hub on exactly one server, so
 * min over servers a of (the optimum with the hub on a) is the optimum, and of their bounds a
 * bound. Per server, the LP with the hub fixed there (one LP kept open, re-solved from the last
 * basis) prices the position; positions whose LP reaches the best placement's cost are closed
 * at once, the others get a MIP of their own, cheapest LP first, each stopped once its bound
 * reaches the cutoff. HiGHS left to itself rarely branches on the hub early: on Kdl's social
 * network (README, "Network terms in exact") the LP with the tracing agent fixed is 4.20–7.14
 * GB against 4.17 with it free, and one position is left to search.
 */
export async function splitOnHub(engine: MilpEngine, deadline: Deadline, o: SplitOptions): Promise<SplitOutcome> {
  const { model, xCol, S, hub } = o;
  const hubCols = Array.from({ length: S }, (_, j) => ({ server: j, col: xCol[hub * S + j] })).filter((p) => p.col >= 0);
  const positions: HubPosition[] = [];
  let clockCut = false;

  // The LPs: columns out of the CSR rows, one session, the hub's other columns bounded to 0.
  const columns: LpColumn[] = Array.from({ length: model.numCols }, (_, c) => ({ cost: model.colCost[c], rows: [], values: [] }));
  for (let r = 0; r < model.rowLower.length; r++) {
    for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k++) {
      columns[model.rowIndex[k]].rows.push(r);
      columns[model.rowIndex[k]].values.push(model.rowValue[k]);
    }
  }
  const session = await openHighsLp(model.rowLower, model.rowUpper, columns);
  try {
    session.setUpperBounds(0, Float64Array.from(model.colUpper));
    for (const { server, col } of hubCols) {
      for (const other of hubCols) session.setUpperBounds(other.col, Float64Array.of(other.col === col ? model.colUpper[other.col] : 0));
      if (deadline.expired() || deadline.stopped()) return { positions, bound: -Infinity, clockCut: true };
      const lp = session.solve(deadline.remainingSec(), () => deadline.stopped());
      if (lp.status === 'infeasible') positions.push({ server, bound: Infinity, closed: true });
      else if (lp.status === 'optimal') positions.push({ server, bound: lp.objective!, closed: lp.objective! >= o.cutoff() - o.tolerance });
      else return { positions, bound: -Infinity, clockCut: lp.clockCut, ...(lp.status === 'error' ? { error: 'the LP of a hub position failed' } : {}) };
    }
  } finally {
    session.dispose();
  }

  // Cheapest LP first: the best placement found there tightens the cutoff for the others.
  const open = positions.filter((p) => !p.closed).sort((a, b) => a.bound - b.bound || a.server - b.server);
  for (let k = 0; k < open.length; k++) {
    const position = open[k];
    if (position.bound >= o.cutoff() - o.tolerance) {
      position.closed = true;
      continue;
    }
    // Each open position gets an equal share of what is left; one that closes early leaves its
    // time to the next.
    const share = deadline.remainingSec() / (open.length - k);
    if (share <= o.setupSec || deadline.stopped()) {
      clockCut = true;
      break;
    }
    const integer = Uint8Array.from(model.integer);
    for (let k = 0; k < (o.integerColumns?.length ?? 0); k++) if (o.integerColumns![k] >= 0) integer[o.integerColumns![k]] = 1;
    const colLower = Float64Array.from(model.colLower);
    const colUpper = Float64Array.from(model.colUpper);
    for (const { server, col } of hubCols) {
      if (server === position.server) colLower[col] = 1;
      else colUpper[col] = 0;
    }
    const end = performance.now() + share * 1000;
    // With a cutoff HiGHS proves only "nothing below it": any value it reports above the cutoff
    // (an 'optimal' placement it happened to find, or its dual bound) bounds the position only
    // up to the cutoff.
    const cutoff = o.cutoff() + o.tolerance;
    const clamp = (value: number) => Math.min(value, cutoff);
    let dual = -Infinity;
    const outcome: MilpOutcome = engine.solve(
      { ...model, colLower, colUpper, integer },
      {
        timeLimitSec: share,
        remainingSec: () => Math.min(deadline.remainingSec(), (end - performance.now()) / 1000) - o.setupSec,
        start: o.startAt(position.server),
        cutoff,
        // The cutoff: a bound at the best placement's cost closes the position.
        shouldStop: () => deadline.stopped() || deadline.expired() || dual >= o.cutoff() - o.tolerance,
        onProgress: (p) => {
          if (p.dual !== null) dual = Math.max(dual, clamp(p.dual));
        },
        onIncumbent: (values) => o.onSolution(values),
      },
    );
    if (outcome.status === 'error') return { positions, bound: -Infinity, clockCut, error: outcome.message };
    if (outcome.values) o.onSolution(outcome.values);
    if (outcome.status === 'infeasible') {
      // Nothing below the cutoff there (or nothing at all).
      position.bound = Math.max(position.bound, cutoff);
      position.closed = true;
    } else if (outcome.status === 'optimal') {
      position.bound = Math.max(position.bound, clamp(outcome.objective!));
      position.closed = true;
    } else {
      position.bound = Math.max(position.bound, clamp(outcome.bound ?? -Infinity), dual);
      position.closed = position.bound >= o.cutoff() - o.tolerance;
      // Out of time there: the bound stays where it got to.
      if (!position.closed) clockCut = true;
    }
  }
  const bound = positions.length === hubCols.length ? Math.min(...positions.map((p) => p.bound)) : -Infinity;
  return { positions, bound, clockCut };
}
