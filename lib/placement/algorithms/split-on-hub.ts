import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import type { NetworkCoefficients } from '../derive-network-coefficients';
import { openHighsLp, type LpColumn } from '../engines/highs-engine';
import type { MilpEngine, MilpModel, MilpOutcome } from '../engines/milp-engine';
import type { CutRow } from '../separate-lifted-linking';
import { integralOn, relaxColumns } from './layer-integral-relaxation';

/** Each unit's traffic weight: the sum over the pairs it is an end of (the split's order of units). */
export function weighUnits(cp: CompiledProblem, net: NetworkCoefficients): Float64Array {
  const weight = new Float64Array(cp.units.length);
  for (const p of net.trafficPairs) {
    weight[p.u] += p.weight;
    weight[p.v] += p.weight;
  }
  return weight;
}

/**
 * The unit whose direct traffic weighs most (summed pair weights), when it weighs more than
 * any other unit and may go to more than one server: the tracing agent every service calls,
 * a database shared by a service's replicas. Null when no unit stands out.
 */
export function chooseHub(cp: CompiledProblem, net: NetworkCoefficients, xCol: Int32Array): number | null {
  const S = cp.servers.length;
  const weight = weighUnits(cp, net);
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
  /** what the search did: LPs solved, sub-MIPs run, nodes branched (counts, not times) */
  stats: { lps: number; mips: number; branched: number; leaves: number; cuts: number; layerBranched: number; relaxedOpen: number };
};

/**
 * A second search over the same hub positions in another thread (hub-partner.ts). A bound on
 * every placement with the hub on a server bounds each subset of them, so what either search
 * proves per server raises the other's leaves there.
 */
export type HubPartnerLink = {
  /** the partner's proved lower bound (model units) for the hub on `server`; -Infinity without one */
  boundAt: (server: number) => number;
  /** this search's bound for the hub on `server` (the minimum over its leaves there) */
  publish: (server: number, bound: number) => void;
  /** takes in the placements the partner found; called often, cheap when there is nothing new */
  poll: () => void;
  /** the hub server this search is working on now (-1: none), so the partner works elsewhere */
  claim: (server: number) => void;
  /** the hub server the partner is working on now (-1: none) */
  claimed: () => number;
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
  /**
   * Per unit, the weight of its direct traffic (summed pair weights). With it, a node whose
   * sub-MIP ran out of its slice is split again on its heaviest unit still fractional in its LP;
   * without it, the weakest node only gets further MIPs.
   */
  unitWeight?: ArrayLike<number>;
  /**
   * Classes of units no input tells apart (order-identical-units.ts): branched on in index order,
   * each member at or after the server of the one before (any placement can be relabelled so), so
   * the split does not search the k! copies of a placement.
   */
  classes?: number[][];
  /** the shortest slice worth a sub-MIP, seconds (default 1) */
  minSliceSec?: number;
  /** called as the bound (min over the leaves, model units) rises, for progress reports */
  onBound?: (bound: number) => void;
  /** units (beyond the hub) a node has fixed before it gets a sub-MIP of its own (default 0) */
  splitDepth?: number;
  /**
   * Valid rows violated by an LP solution (separate-lifted-linking.ts). With it, an open node's
   * LP is tightened by rounds of them before the node is worked on; the rows stay in the LP
   * session for every later node and go into every later sub-MIP.
   */
  separate?: (values: Float64Array) => CutRow[];
  /** layer flag columns (-1: none): with them, nodes are split on their costliest fractional flag before their units */
  layerColumns?: ArrayLike<number>;
  /** a lower bound (model units) for the hub on a server without an LP (hub-position-floor.ts) */
  floor?: (server: number) => number;
  /**
   * Columns a node's first sub-MIP leaves continuous (the units' x): it then solves a relaxation
   * of its node with only the other integer columns (the layer flags) integral, a valid bound
   * that closes the node once it reaches the cutoff (layer-integral-relaxation.ts); a node it
   * leaves open is split or searched whole.
   */
  relaxedColumns?: ArrayLike<number>;
  /** counters for the split to count into, read while it runs (the second thread shares them) */
  stats?: SplitOutcome['stats'];
  /** a search over the same positions in another thread, bounds shared both ways */
  partner?: HubPartnerLink;
};

/** A set of placements: units fixed to servers, columns taken out. */
type SplitNode = {
  position: number;
  fixed: Map<number, number>;
  /** x columns bounded to 0 (the other servers of fixed units, class order) */
  zeroed: number[];
  /** columns bounded below by 1 (layer flags branched up) */
  raised: number[];
  /** layer flags branched on (up or down) on the way to this node */
  layerBranches: number;
  bound: number;
  closed: boolean;
  /** sub-MIPs run on exactly this node */
  mips: number;
  /** the node's LP solution, to choose the next unit to split on */
  lp: Float64Array | null;
  /** its LP has been through the separation rounds */
  tightened: boolean;
};

const FRACTIONAL = 1e-6;
const MIN_SLICE_SEC = 1;
/** separation rounds per node: on Kdl low latency seed 2 the LP stops rising after two or three */
const CUT_ROUNDS = 4;

/**
 * Branches on the hub's server first: every placement puts the hub on exactly one server, so
 * min over servers a of (the optimum with the hub on a) is the optimum, and of their bounds a
 * bound. Per server, the LP with the hub fixed there (one LP kept open, re-solved from the last
 * basis) prices the position; positions whose LP reaches the best placement's cost are closed
 * at once. Then, best-first until the clock ends: the weakest open node (the bound is the
 * minimum over them, so no other node can raise it) gets a sub-MIP with a slice of the time
 * left, stopped once its bound reaches the cutoff; a node whose sub-MIP did not close is split
 * again on its heaviest unit still fractional in its LP (one LP per server), or, given the
 * layer flags, first on the flag whose fraction costs most (two children: the copy not there,
 * or paid), its children starting from its bound. HiGHS left to itself rarely branches on the
 * hub early: on Kdl's social network (README, "Network terms in exact") the LP with the tracing
 * agent fixed is 4.20–7.14 GB against 4.17 with it free, and one position is left to search; a
 * restarted MIP on the same position redoes its tree and stalls where the first one stopped.
 */
export async function splitOnHub(engine: MilpEngine, deadline: Deadline, o: SplitOptions): Promise<SplitOutcome> {
  const { model, xCol, S, hub } = o;
  const hubCols = Array.from({ length: S }, (_, j) => ({ server: j, col: xCol[hub * S + j] })).filter((p) => p.col >= 0);
  const stats = o.stats ?? { lps: 0, mips: 0, branched: 0, leaves: 0, cuts: 0, layerBranched: 0, relaxedOpen: 0 };
  /** the rows separated so far, in CSR for the sub-MIPs; keys keep a row from coming twice */
  const pool = { lower: [] as number[], upper: [] as number[], starts: [0] as number[], index: [] as number[], value: [] as number[], keys: new Set<string>() };
  const minSlice = o.minSliceSec ?? MIN_SLICE_SEC;
  const classOf = new Map<number, number[]>();
  for (const members of o.classes ?? []) for (const u of members) classOf.set(u, members);
  let clockCut = false;

  // The LPs: columns out of the CSR rows, one session; a node's columns bounded to 0.
  const columns: LpColumn[] = Array.from({ length: model.numCols }, (_, c) => ({ cost: model.colCost[c], rows: [], values: [] }));
  for (let r = 0; r < model.rowLower.length; r++) {
    for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k++) {
      columns[model.rowIndex[k]].rows.push(r);
      columns[model.rowIndex[k]].values.push(model.rowValue[k]);
    }
  }
  const session = await openHighsLp(model.rowLower, model.rowUpper, columns);
  let applied: number[] = [];
  let appliedRaised: number[] = [];
  /** the node's LP: { bound, values } or an outcome to hand back (error, clock) */
  const solveLp = (zeroed: number[], raised: number[] = []) => {
    for (const col of [...applied, ...appliedRaised]) session.setUpperBounds(col, Float64Array.of(model.colUpper[col]));
    for (const col of zeroed) session.setUpperBounds(col, Float64Array.of(0));
    for (const col of raised) session.setBounds(col, Float64Array.of(1), Float64Array.of(model.colUpper[col]));
    applied = zeroed;
    appliedRaised = raised;
    stats.lps++;
    return session.solve(deadline.remainingSec(), () => deadline.stopped());
  };
  const leaves: SplitNode[] = [];
  const positions: HubPosition[] = [];
  const summary = (): SplitOutcome => {
    exchange();
    for (const p of positions) {
      const mine = leaves.filter((n) => n.position === p.server);
      p.bound = Math.min(...mine.map((n) => n.bound));
      p.closed = mine.every((n) => n.closed);
    }
    stats.leaves = leaves.length;
    const bound = positions.length === hubCols.length ? Math.min(...positions.map((p) => p.bound)) : -Infinity;
    return { positions, bound, clockCut, stats };
  };
  /** this search's bound for the hub on `server`, to the partner */
  const shareOne = (server: number) => {
    let bound = Infinity;
    for (const n of leaves) if (n.position === server) bound = Math.min(bound, n.bound);
    o.partner!.publish(server, bound);
  };
  /** the partner's bounds into the leaves, this search's out to it */
  const exchange = () => {
    if (!o.partner) return;
    o.partner.poll();
    for (const n of leaves) n.bound = Math.max(n.bound, o.partner.boundAt(n.position));
    for (const p of positions) shareOne(p.server);
  };
  /** the root node of the hub on `server` (its column `col`; the other hub columns zeroed), not yet priced */
  const hubNode = (col: number, server: number): SplitNode => ({
    position: server,
    fixed: new Map([[hub, server]]),
    zeroed: hubCols.filter((other) => other.col !== col).map((other) => other.col),
    raised: [],
    layerBranches: 0,
    bound: -Infinity,
    closed: false,
    mips: 0,
    lp: null,
    tightened: false,
  });
  const addPosition = (node: SplitNode) => {
    positions.push({ server: node.position, bound: node.bound, closed: node.closed });
    leaves.push(node);
  };
  const closeReached = () => {
    for (const n of leaves) if (!n.closed && n.bound >= o.cutoff() - o.tolerance) n.closed = true;
  };

  try {
    session.setUpperBounds(0, Float64Array.from(model.colUpper));
    for (const [index, { server, col }] of hubCols.entries()) {
      if (deadline.expired() || deadline.stopped()) {
        if (!o.partner) return { positions, bound: -Infinity, clockCut: true, stats };
        // The positions left unpriced keep what the partner proved there (and their floor), so
        // that its bounds still count when this thread got too little of the clock for the LPs.
        for (const left of hubCols.slice(index)) {
          addPosition({ ...hubNode(left.col, left.server), bound: Math.max(o.floor?.(left.server) ?? -Infinity, o.partner.boundAt(left.server)), tightened: true });
        }
        clockCut = true;
        closeReached();
        return summary();
      }
      const node = hubNode(col, server);
      // A position whose floor already reaches the cutoff needs no LP.
      const floor = Math.max(o.floor?.(server) ?? -Infinity, o.partner?.boundAt(server) ?? -Infinity);
      if (floor >= o.cutoff() - o.tolerance) {
        addPosition({ ...node, bound: floor, closed: true, tightened: true });
        continue;
      }
      const lp = solveLp(node.zeroed);
      if (lp.status === 'infeasible') Object.assign(node, { bound: Infinity, closed: true });
      else if (lp.status === 'optimal') Object.assign(node, { bound: lp.objective!, closed: lp.objective! >= o.cutoff() - o.tolerance, lp: lp.colValue });
      else return { positions, bound: -Infinity, clockCut: lp.clockCut, stats, ...(lp.status === 'error' ? { error: 'the LP of a hub position failed' } : {}) };
      addPosition(node);
    }

    // Best-first: the weakest open node is the bound; work there until the clock ends.
    let reported = -Infinity;
    for (;;) {
      exchange();
      closeReached();
      const now = Math.min(...leaves.map((n) => n.bound));
      if (now > reported) o.onBound?.((reported = now));
      const open = leaves.filter((n) => !n.closed).sort((a, b) => a.bound - b.bound || a.position - b.position);
      if (open.length === 0) break;
      if (deadline.stopped() || deadline.remainingSec() <= o.setupSec + 0.05) {
        clockCut = true;
        break;
      }
      // The positions are independent searches: the weakest node whose position the partner is not
      // working on, so that the two threads split the positions between them (the same node when
      // every open node is there).
      const busy = o.partner?.claimed() ?? -1;
      const node = open.find((n) => n.position !== busy) ?? open[0];
      o.partner?.claim(node.position);
      if (o.separate && !node.tightened) {
        const outcome = tighten(node);
        if (outcome === 'stopped') {
          clockCut = true;
          break;
        }
        if (outcome !== 'done') return { ...summary(), bound: -Infinity, error: outcome.error };
        // Its bound may have risen past another node's: choose again.
        continue;
      }
      // The first sub-MIP goes to the weakest position before any split (splitDepth counts from
      // the second): a better placement found there lowers the cutoff, and the other positions
      // often close on their LPs alone. Kdl low latency seeds 1 and 3 are proved with that one
      // sub-MIP in 5-10 s; splitting every position first left them at 2.5 and 4.2 % after 15 s
      // (README, "Network terms in exact").
      const splitFirst = stats.mips > 0 && node.fixed.size - 1 + node.layerBranches < (o.splitDepth ?? 0);
      const layer = (node.mips > 0 || splitFirst) && o.layerColumns ? branchLayer(node) : null;
      const unit = layer === null && (node.mips > 0 || splitFirst) ? branchUnit(node) : null;
      if (layer !== null || unit !== null) {
        const children = layer !== null ? branchOnLayer(node, layer) : branch(node, unit!);
        if ('stopped' in children) {
          clockCut = true;
          break;
        }
        if ('error' in children) return { ...summary(), bound: -Infinity, error: children.error };
        stats.branched++;
        if (layer !== null) stats.layerBranched++;
        leaves.splice(leaves.indexOf(node), 1, ...children);
        continue;
      }
      // A slice of the time left, as if each open node were to get one; at least minSlice. A
      // sub-MIP on the layer-integral relaxation (a node's first, when asked for) gets the rest of
      // the clock: restarted, it redoes its tree (README: Kdl low latency seed 2 stuck at its
      // root's bound over six slices of 1.1-2.7 s, proved in one run of 4.6 s).
      const share =
        o.relaxedColumns && node.mips === 0 ? deadline.remainingSec() : Math.min(deadline.remainingSec(), Math.max(minSlice + o.setupSec, deadline.remainingSec() / open.length));
      if (share <= o.setupSec) {
        clockCut = true;
        break;
      }
      const error = runMip(node, share);
      if (error) return { ...summary(), bound: -Infinity, error };
    }
  } finally {
    o.partner?.claim(-1);
    session.dispose();
  }
  return summary();

  /**
   * Rounds of separation on the node's LP: violated rows join the session (and the pool of the
   * sub-MIPs), the LP is solved again from its basis; stops when none is found, the LP no longer
   * rises or the node closes; 'stopped' on the clock.
   */
  function tighten(node: SplitNode): 'done' | 'stopped' | { error: string } {
    node.tightened = true;
    for (let round = 0; round < CUT_ROUNDS && node.lp && !node.closed; round++) {
      const rows: CutRow[] = [];
      for (const row of o.separate!(node.lp)) {
        const key = row.entries.map(([c, v]) => `${c}:${v}`).join(' ') + `<=${row.upper}`;
        if (pool.keys.has(key)) continue;
        pool.keys.add(key);
        rows.push(row);
      }
      if (rows.length === 0) return 'done';
      session.addRows(rows.map((row) => ({ lower: -Infinity, upper: row.upper, columns: row.entries.map(([c]) => c), values: row.entries.map(([, v]) => v) })));
      for (const row of rows) {
        pool.lower.push(-Infinity);
        pool.upper.push(row.upper);
        for (const [c, v] of row.entries) {
          pool.index.push(c);
          pool.value.push(v);
        }
        pool.starts.push(pool.index.length);
      }
      stats.cuts += rows.length;
      if (deadline.expired() || deadline.stopped()) return 'stopped';
      const lp = solveLp(node.zeroed, node.raised);
      if (lp.status === 'infeasible') Object.assign(node, { bound: Infinity, closed: true, lp: null });
      else if (lp.status === 'optimal') {
        const risen = lp.objective! - node.bound;
        Object.assign(node, { bound: Math.max(node.bound, lp.objective!), lp: lp.colValue });
        node.closed = node.bound >= o.cutoff() - o.tolerance;
        // A round that lifts the LP by less than the tolerance will not close anything.
        if (risen <= o.tolerance) return 'done';
      } else if (lp.status === 'error') return { error: 'the LP of a split node failed' };
      else return 'stopped';
    }
    return 'done';
  }

  /** the layer flag whose fraction costs most in the node's LP (cost × distance to 0 or 1) */
  function branchLayer(node: SplitNode): number | null {
    if (!node.lp || !o.layerColumns) return null;
    let best = -1;
    let score = 0;
    for (let k = 0; k < o.layerColumns.length; k++) {
      const col = o.layerColumns[k];
      if (col < 0) continue;
      const v = node.lp[col];
      const s = model.colCost[col] * Math.min(v, 1 - v);
      if (v > FRACTIONAL && v < 1 - FRACTIONAL && s > score) [best, score] = [col, s];
    }
    return best < 0 ? null : best;
  }

  /** Prices a child by its LP (its zeroed and raised columns): closed where infeasible, else bounded
   * below by its parent's bound. */
  function priceChild(parent: SplitNode, child: SplitNode): SplitNode | { stopped: true } | { error: string } {
    if (deadline.expired() || deadline.stopped()) return { stopped: true };
    const lp = solveLp(child.zeroed, child.raised);
    if (lp.status === 'infeasible') return { ...child, bound: Infinity, closed: true };
    if (lp.status === 'optimal') return { ...child, bound: Math.max(parent.bound, lp.objective!), lp: lp.colValue };
    if (lp.status === 'error') return { error: 'the LP of a split node failed' };
    return { stopped: true };
  }

  /** Two children: the layer flag at 0 (its users off the server) and at 1 (the copy paid). */
  function branchOnLayer(node: SplitNode, col: number): SplitNode[] | { stopped: true } | { error: string } {
    const children: SplitNode[] = [];
    for (const [zeroed, raised] of [
      [[...node.zeroed, col], node.raised],
      [node.zeroed, [...node.raised, col]],
    ]) {
      const child = priceChild(node, { ...node, zeroed, raised, layerBranches: node.layerBranches + 1, mips: 0, lp: null, tightened: false, closed: false });
      if ('stopped' in child || 'error' in child) return child;
      children.push(child);
    }
    return children;
  }

  /** the heaviest unfixed unit fractional in the node's LP; a class's first unfixed member */
  function branchUnit(node: SplitNode): number | null {
    if (!o.unitWeight || !node.lp) return null;
    let best = -1;
    for (let u = 0; u < o.unitWeight.length; u++) {
      if (o.unitWeight[u] <= 0 || node.fixed.has(u)) continue;
      let top = 0;
      for (let j = 0; j < S; j++) if (xCol[u * S + j] >= 0) top = Math.max(top, node.lp[xCol[u * S + j]]);
      if (top > 1 - FRACTIONAL) continue;
      if (best < 0 || o.unitWeight[u] > o.unitWeight[best]) best = u;
    }
    if (best < 0) return null;
    return classOf.get(best)?.find((u) => !node.fixed.has(u)) ?? best;
  }

  /** One child per server left to `unit`, each priced by its LP, bounded below by the node's bound. */
  function branch(node: SplitNode, unit: number): SplitNode[] | { stopped: true } | { error: string } {
    const zeroedSet = new Set(node.zeroed);
    const members = classOf.get(unit) ?? [unit];
    const later = members.slice(members.indexOf(unit) + 1);
    const children: SplitNode[] = [];
    for (let s = 0; s < S; s++) {
      const col = xCol[unit * S + s];
      if (col < 0 || zeroedSet.has(col)) continue;
      const zeroed = [...node.zeroed];
      for (let j = 0; j < S; j++) if (j !== s && xCol[unit * S + j] >= 0 && !zeroedSet.has(xCol[unit * S + j])) zeroed.push(xCol[unit * S + j]);
      // The class's later members go at or after s (their copies below s are relabellings).
      for (const v of later) for (let j = 0; j < s; j++) if (xCol[v * S + j] >= 0 && !zeroedSet.has(xCol[v * S + j])) zeroed.push(xCol[v * S + j]);
      const child = priceChild(node, {
        position: node.position,
        fixed: new Map([...node.fixed, [unit, s]]),
        zeroed,
        raised: node.raised,
        layerBranches: node.layerBranches,
        bound: node.bound,
        closed: false,
        mips: 0,
        lp: null,
        tightened: false,
      });
      if ('stopped' in child || 'error' in child) return child;
      children.push(child);
    }
    return children;
  }

  /** whether the partner's bound (after taking in its placements) closes the hub on `server` */
  function partnerClosed(server: number): boolean {
    if (!o.partner) return false;
    o.partner.poll();
    return o.partner.boundAt(server) >= o.cutoff() - o.tolerance;
  }

  /** The node's MIP for `share` seconds, with the incumbent as cutoff; an error message or null. */
  function runMip(node: SplitNode, share: number): string | null {
    stats.mips++;
    node.mips++;
    const integer = Uint8Array.from(model.integer);
    for (let k = 0; k < (o.integerColumns?.length ?? 0); k++) if (o.integerColumns![k] >= 0) integer[o.integerColumns![k]] = 1;
    // Only a node's first sub-MIP is relaxed: one whose relaxation ends below the cutoff on a
    // fractional x is split, or, when it cannot be, searched whole.
    const relaxed = node.mips === 1 ? relaxColumns(integer, o.relaxedColumns) : null;
    const colLower = Float64Array.from(model.colLower);
    const colUpper = Float64Array.from(model.colUpper);
    for (const col of node.zeroed) colUpper[col] = 0;
    for (const col of node.raised) colLower[col] = 1;
    for (const [u, s] of node.fixed) colLower[xCol[u * S + s]] = 1;
    // The incumbent as a start only where it lies in the node.
    const given = o.startAt(node.position);
    const start = given && node.zeroed.every((col) => given[col] < 0.5) && node.raised.every((col) => given[col] > 0.5) ? given : undefined;
    const end = performance.now() + share * 1000;
    // With a cutoff HiGHS proves only "nothing below it": any value it reports above the cutoff
    // (an 'optimal' placement it happened to find, or its dual bound) bounds the node only up to it.
    const cutoff = o.cutoff() + o.tolerance;
    const clamp = (value: number) => Math.min(value, cutoff);
    let dual = -Infinity;
    // The separated rows: valid for every placement, so for every node.
    const rowStarts = [...model.rowStarts, ...pool.starts.slice(1).map((k) => model.rowIndex.length + k)];
    const outcome: MilpOutcome = engine.solve(
      {
        ...model,
        colLower,
        colUpper,
        integer,
        rowLower: [...model.rowLower, ...pool.lower],
        rowUpper: [...model.rowUpper, ...pool.upper],
        rowStarts,
        rowIndex: [...model.rowIndex, ...pool.index],
        rowValue: [...model.rowValue, ...pool.value],
      },
      {
        // The slice ends at the interrupt checkpoints, on the run's clock (the one the deadline
        // reads); HiGHS's own time limit, on the wall clock, only backs up the run's end. A
        // benchmark on a CPU-time clock then gives each slice its CPU seconds on a loaded machine.
        timeLimitSec: deadline.remainingSec(),
        remainingSec: () => deadline.remainingSec() - o.setupSec,
        start,
        cutoff,
        // The cutoff: a bound at the best placement's cost closes the node.
        shouldStop: () =>
          deadline.stopped() || deadline.expired() || performance.now() >= end - o.setupSec * 1000 || dual >= o.cutoff() - o.tolerance || partnerClosed(node.position),
        onProgress: (p) => {
          if (p.dual === null || clamp(p.dual) <= dual) return;
          dual = clamp(p.dual);
          // The partner sees the node's bound as it rises, not only when the slice ends.
          if (o.partner) {
            node.bound = Math.max(node.bound, dual);
            shareOne(node.position);
          }
        },
        onIncumbent: (values) => o.onSolution(values),
      },
    );
    if (outcome.status === 'error') return outcome.message ?? 'a sub-MIP failed';
    if (outcome.values) o.onSolution(outcome.values);
    if (outcome.status === 'infeasible') {
      // Nothing below the cutoff there (or nothing at all).
      node.bound = Math.max(node.bound, cutoff);
      node.closed = true;
    } else if (outcome.status === 'optimal' && relaxed && !integralOn(outcome.values, relaxed)) {
      // The relaxation's optimum bounds the node; only one at the cutoff closes it.
      node.bound = Math.max(node.bound, clamp(outcome.objective!));
      node.closed = node.bound >= o.cutoff() - o.tolerance;
      if (!node.closed) stats.relaxedOpen++;
    } else if (outcome.status === 'optimal') {
      node.bound = Math.max(node.bound, clamp(outcome.objective!));
      node.closed = true;
    } else {
      node.bound = Math.max(node.bound, clamp(outcome.bound ?? -Infinity), dual);
      node.closed = node.bound >= o.cutoff() - o.tolerance;
      // Out of time there: the bound stays where it got to.
      if (!node.closed) clockCut = true;
    }
    return null;
  }
}
