import { addMoveModel } from './add-move-model';
import { addStartupModel, type StartFiller } from './add-startup-model';
import { addTrafficModel, countTrafficColumns, type TrafficCut, type TrafficModel } from './add-traffic-model';
import { layerCost, layerStorage, type CompiledProblem } from './compile-problem';
import type { NetworkCoefficients } from './derive-network-coefficients';
import type { MilpModel } from './engines/milp-engine';
import { MilpBuilder, type RowEntry } from './milp-builder';
import { addIdenticalUnitOrder, identicalUnits } from './order-identical-units';

/** Objective and storage rows are in MB, which keeps coefficients near 1 for the LP solvers. */
export const BYTES_PER_UNIT = 1e6;

export type PlacementModel = {
  milp: MilpModel;
  /** column of x(u,j), or -1 where unit u may not go to server j; index u * S + j */
  xCol: Int32Array;
  /** column of y(l,j), or -1; index l * S + j */
  yCol: Int32Array;
  /** bytes-equivalent per objective unit (BYTES_PER_UNIT unless the weights call for another scale) */
  objectiveUnit: number;
  /** objective units every placement pays on top of the columns' costs */
  offset: number;
  /** sets the columns of the network terms for a MIP start (x and y are set by placementToColumns) */
  fillNetwork: StartFiller;
  /** columns the traffic linearisation took (0 when it is off) */
  trafficColumns: number;
  /** the same placement relabelled to obey the model's symmetry rows (identical units ordered) */
  canonical: (unitServer: ArrayLike<number>) => Int32Array;
};

/** The network terms in the model (v2); without them the model is the storage-only one of v1. */
export type NetworkModelOptions = {
  coefficients: NetworkCoefficients;
  traffic: TrafficModel;
  /** T ≥ Σ_j a(u,j) x(u,j) per unit (add-startup-model.ts) */
  startupUnitCuts: boolean;
  /** valid rows on the traffic columns (add-traffic-model.ts, `pairs`) */
  trafficCuts: readonly TrafficCut[];
};

export type ModelOptions = {
  /**
   * Capacity-linking cuts Σ_{u uses l} d_u x(u,j) ≤ cap_j y(l,j): a layer must be stored on
   * enough servers to hold everyone who needs it. Valid for every integer solution and much
   * tighter in the LP than y(l,j) ≥ x(u,j) alone when capacities bind.
   */
  capacityLinking?: boolean;
  /** with capacityLinking: Σ_j y(l,j) ≥ the fewest servers that can host all users of l */
  layerCover?: boolean;
  /** declare y(l,j) integer too (it is integral at the optimum anyway; this changes branching) */
  integerLayers?: boolean;
  /** order interchangeable servers (same capacities, caches and eligibility) by their load */
  symmetryBreaking?: boolean;
  /** feasibility under private copies: additive storage rows, zero objective */
  noSharing?: boolean;
  /** v2: weights, network terms and the placements the network rules out */
  network?: NetworkModelOptions;
  /** order units no input tells apart (replicas) by server index (order-identical-units.ts) */
  identicalUnitOrder?: boolean;
};

/** Thrown by buildPlacementModel when its `shouldStop` says the time is up. */
export class ModelBuildStopped extends Error {
  constructor() {
    super('the time ran out while building the placement model');
  }
}

/**
 * The paper's model over units: x(u,j) binary, y(l,j) ∈ [0,1] (integral at any optimum once x
 * is, since it only needs to cover max x), min Σ cost(l,j) y(l,j), with the disaggregated
 * linking y(l,j) ≥ x(u,j).
 */
export function buildPlacementModel(cp: CompiledProblem, options: ModelOptions = {}, shouldStop: () => boolean = () => false): PlacementModel {
  // Building takes seconds on thousands of containers: checked once per unit, layer or server.
  const check = () => {
    if (shouldStop()) throw new ModelBuildStopped();
  };
  const S = cp.servers.length;
  const L = cp.layerSize.length;
  const U = cp.units.length;
  const xCol = new Int32Array(U * S).fill(-1);
  const yCol = new Int32Array(L * S).fill(-1);
  const b = new MilpBuilder();
  const net = options.network?.coefficients;
  const weights = net?.weights;
  // Objective units are MB-equivalent: each weight converts its term into bytes.
  const storageWeight = weights?.storage ?? 1;
  const unit = net ? objectiveUnit(cp, net) : BYTES_PER_UNIT;

  for (let u = 0; u < U; u++) {
    for (let j = 0; j < S; j++) {
      if (!cp.units[u].eligible[j] || net?.forbidden[u * S + j]) continue;
      xCol[u * S + j] = b.addColumn(0, { integer: true });
    }
  }
  for (let u = 0; u < U; u++) {
    check();
    for (let j = 0; j < S; j++) {
      if (xCol[u * S + j] < 0) continue;
      for (const l of cp.units[u].layers) {
        if (yCol[l * S + j] >= 0) continue;
        // A cached layer that costs nothing (download objective) needs no variable at all.
        if (layerCost(cp, l, j) === 0 && layerStorage(cp, l, j) === 0) continue;
        yCol[l * S + j] = b.addColumn((storageWeight * layerCost(cp, l, j)) / unit, { integer: options.integerLayers });
      }
    }
  }

  const addRow = (lower: number, upper: number, entries: RowEntry[]) => b.addRow(lower, upper, entries);

  for (let u = 0; u < U; u++) {
    const entries: RowEntry[] = [];
    for (let j = 0; j < S; j++) if (xCol[u * S + j] >= 0) entries.push([xCol[u * S + j], 1]);
    addRow(1, 1, entries);
  }
  for (let u = 0; u < U; u++) {
    check();
    for (let j = 0; j < S; j++) {
      const x = xCol[u * S + j];
      if (x < 0) continue;
      for (const l of cp.units[u].layers) {
        const y = yCol[l * S + j];
        if (y >= 0)
          addRow(-Infinity, 0, [
            [x, 1],
            [y, -1],
          ]);
      }
    }
  }

  const resources = ['cpu', 'memory', 'bandwidth'] as const;
  for (let j = 0; j < S; j++) {
    check();
    for (const r of resources) {
      const entries: RowEntry[] = [];
      let total = 0;
      for (let u = 0; u < U; u++) {
        const x = xCol[u * S + j];
        if (x < 0 || cp.units[u][r] === 0) continue;
        entries.push([x, cp.units[u][r]]);
        total += cp.units[u][r];
      }
      if (total > cp.servers[j][r]) addRow(-Infinity, cp.servers[j][r], entries);
    }
    const room = cp.servers[j].storage - cp.servers[j].cachedBytes;
    if (options.noSharing) {
      const entries: RowEntry[] = [];
      let total = 0;
      for (let u = 0; u < U; u++) {
        const x = xCol[u * S + j];
        if (x < 0 || cp.units[u].ownBytes === 0) continue;
        entries.push([x, cp.units[u].ownBytes / BYTES_PER_UNIT]);
        total += cp.units[u].ownBytes;
      }
      if (total > room) addRow(-Infinity, room / BYTES_PER_UNIT, entries);
      continue;
    }
    const entries: RowEntry[] = [];
    let total = 0;
    for (let l = 0; l < L; l++) {
      const y = yCol[l * S + j];
      const bytes = layerStorage(cp, l, j);
      if (y < 0 || bytes === 0) continue;
      entries.push([y, bytes / BYTES_PER_UNIT]);
      total += bytes;
    }
    if (total > room) addRow(-Infinity, room / BYTES_PER_UNIT, entries);
  }

  for (const group of cp.conflictGroups) {
    if (group.kind === 'server') {
      for (let j = 0; j < S; j++) {
        const entries: RowEntry[] = [];
        for (const u of group.units) if (xCol[u * S + j] >= 0) entries.push([xCol[u * S + j], 1]);
        if (entries.length > 1) addRow(-Infinity, 1, entries);
      }
    } else {
      for (let site = 0; site < cp.siteCount; site++) {
        const entries: RowEntry[] = [];
        for (const u of group.units) {
          for (let j = 0; j < S; j++) {
            if (cp.servers[j].site === site && xCol[u * S + j] >= 0) entries.push([xCol[u * S + j], 1]);
          }
        }
        if (entries.length > 1) addRow(-Infinity, 1, entries);
      }
    }
  }

  if (options.capacityLinking) {
    const users: number[][] = Array.from({ length: L }, () => []);
    cp.units.forEach((unit, u) => unit.layers.forEach((l) => users[l].push(u)));
    for (let l = 0; l < L; l++) {
      check();
      if (users[l].length < 2) continue;
      for (let j = 0; j < S; j++) {
        const y = yCol[l * S + j];
        if (y < 0) continue;
        for (const r of resources) {
          const cap = cp.servers[j][r];
          const entries: RowEntry[] = [];
          let total = 0;
          for (const u of users[l]) {
            const x = xCol[u * S + j];
            if (x < 0 || cp.units[u][r] === 0) continue;
            entries.push([x, cp.units[u][r]]);
            total += cp.units[u][r];
          }
          // Only where the users together exceed the server; otherwise y ≥ x already implies it.
          if (total > cap && entries.length > 1) addRow(-Infinity, 0, [...entries, [y, -cap]]);
        }
      }
      if (options.layerCover) {
        // Integer rounding of the same idea: copies of l ≥ the fewest servers that can hold
        // every user of l (largest servers first), which the LP alone only sees fractionally.
        let copies = 1;
        // A server where l costs nothing has no y(l,j) but still hosts users: no cover then.
        const free = users[l].some((u) => cp.servers.some((_, j) => xCol[u * S + j] >= 0 && yCol[l * S + j] < 0));
        for (const r of free ? [] : resources) {
          const demand = users[l].reduce((sum, u) => sum + cp.units[u][r], 0);
          const caps = cp.servers.map((s, j) => (yCol[l * S + j] >= 0 ? s[r] : 0)).sort((a, b) => b - a);
          let k = 0,
            covered = 0;
          while (k < caps.length && covered < demand - 1e-9) covered += caps[k++];
          copies = Math.max(copies, k);
        }
        const entries: RowEntry[] = [];
        for (let j = 0; j < S; j++) if (yCol[l * S + j] >= 0) entries.push([yCol[l * S + j], 1]);
        if (copies > 1) addRow(copies, Infinity, entries);
      }
    }
  }

  let offset = 0;
  let trafficColumns = 0;
  const fillers: StartFiller[] = [];
  if (net && weights && !options.noSharing) {
    check();
    if (weights.startup > 0) fillers.push(addStartupModel(b, cp, net, xCol, yCol, weights.startup / unit, options.network!.startupUnitCuts));
    if (net.latency) {
      const traffic = weights.traffic > 0 ? options.network!.traffic : 'off';
      trafficColumns = countTrafficColumns(cp, net, traffic);
      fillers.push(addTrafficModel(b, cp, net, xCol, weights.traffic / unit, { model: traffic, cuts: options.network!.trafficCuts, yCol }));
      offset += (weights.traffic * net.trafficConstant) / unit;
    }
    if (weights.moves > 0) {
      const moves = addMoveModel(b, cp, net, xCol, weights.moves / unit);
      offset += moves.offset;
      fillers.push(moves.fill);
    }
  }

  if (options.noSharing) b.clearCosts();
  // Servers the network tells apart are not interchangeable.
  if (options.symmetryBreaking && !(net && (net.pulls || net.latency || net.moves))) {
    for (const members of interchangeableServers(cp)) {
      // Order each class by its lowest-numbered unit: unit u may open member t only if some
      // unit v < u sits on member t-1. Any placement can be relabelled to satisfy this.
      for (let t = 1; t < members.length; t++) {
        const here = members[t],
          prev = members[t - 1];
        for (let u = 0; u < U; u++) {
          const x = xCol[u * S + here];
          if (x < 0) continue;
          const entries: RowEntry[] = [[x, 1]];
          for (let v = 0; v < u; v++) if (xCol[v * S + prev] >= 0) entries.push([xCol[v * S + prev], -1]);
          addRow(-Infinity, 0, entries);
        }
      }
    }
  }

  const canonical = options.identicalUnitOrder ? addIdenticalUnitOrder(b, identicalUnits(cp, net), xCol, S) : (unitServer: ArrayLike<number>) => Int32Array.from(unitServer);

  return {
    milp: b.build(),
    xCol,
    yCol,
    objectiveUnit: unit,
    offset,
    canonical,
    fillNetwork: (unitServer, values) => fillers.forEach((fill) => fill(unitServer, values)),
    trafficColumns,
  };
}

/** column values of a complete placement (unit -> server), used as a MIP start */
export function placementToColumns(model: PlacementModel, cp: CompiledProblem, placement: ArrayLike<number>): Float64Array {
  const values = new Float64Array(model.milp.numCols);
  const unitServer = model.canonical(placement);
  const S = cp.servers.length;
  for (let u = 0; u < unitServer.length; u++) {
    const j = unitServer[u];
    const x = model.xCol[u * S + j];
    if (x >= 0) values[x] = 1;
    for (const l of cp.units[u].layers) {
      const y = model.yCol[l * S + j];
      if (y >= 0) values[y] = 1;
    }
  }
  model.fillNetwork(unitServer, values);
  return values;
}

/** unit -> server from (possibly fractional) x values: the largest x(u,j) wins */
export function columnsToUnitServers(model: PlacementModel, cp: CompiledProblem, values: Float64Array): Int32Array {
  const S = cp.servers.length;
  const unitServer = new Int32Array(cp.units.length).fill(-1);
  for (let u = 0; u < cp.units.length; u++) {
    let best = -1;
    for (let j = 0; j < S; j++) {
      const x = model.xCol[u * S + j];
      if (x >= 0 && (best < 0 || values[x] > values[model.xCol[u * S + best]])) best = j;
    }
    unitServer[u] = best;
  }
  return unitServer;
}

/**
 * Classes of servers that no constraint tells apart: same capacities, cache, eligibility for
 * every unit, and the same site where spread policies make sites matter.
 */
function interchangeableServers(cp: CompiledProblem): number[][] {
  const sitesMatter = cp.conflictGroups.some((g) => g.kind === 'site');
  const classes = new Map<string, number[]>();
  cp.servers.forEach((s, j) => {
    let key = `${s.cpu}|${s.memory}|${s.bandwidth}|${s.storage}|${sitesMatter ? s.site : ''}|`;
    for (let l = 0; l < s.cached.length; l++) if (s.cached[l]) key += `${l},`;
    key += '|';
    for (const unit of cp.units) key += unit.eligible[j];
    if (!classes.has(key)) classes.set(key, []);
    classes.get(key)!.push(j);
  });
  return [...classes.values()].filter((members) => members.length > 1);
}

/** Relabels servers inside each interchangeable class so the placement obeys the class order. */
export function orderInterchangeableServers(cp: CompiledProblem, unitServer: Int32Array): Int32Array {
  const relabelled = Int32Array.from(unitServer);
  for (const members of interchangeableServers(cp)) {
    const firstUnit = (j: number) => {
      for (let u = 0; u < unitServer.length; u++) if (unitServer[u] === j) return u;
      return Infinity;
    };
    const sorted = [...members].sort((a, b) => firstUnit(a) - firstUnit(b) || a - b);
    const target = new Map(sorted.map((j, t) => [j, members[t]]));
    for (let u = 0; u < unitServer.length; u++) {
      const to = target.get(unitServer[u]);
      if (to !== undefined) relabelled[u] = to;
    }
  }
  return relabelled;
}

/**
 * Bytes-equivalent per objective unit. Storage alone keeps MB (times its weight): the v1 model
 * exactly. With network terms the weights may be anything (1 byte per second of start-up, or
 * gigabytes), so the unit is a ten-thousandth of the objective's rough scale (every layer once,
 * the slowest pull of all of them, every pair at its farthest, every layer and penalty moved):
 * costs stay near 1, far above HiGHS's tolerances (an absolute gap of 1e-7 units, 1e-11 of the
 * scale) and far below its infinity.
 */
function objectiveUnit(cp: CompiledProblem, net: NetworkCoefficients): number {
  const w = net.weights;
  if (w.startup === 0 && w.traffic === 0 && w.moves === 0) return BYTES_PER_UNIT * (w.storage > 0 ? w.storage : 1);
  let bytes = 0;
  for (const size of cp.layerSize) bytes += size;
  let scale = w.storage * bytes;
  if (w.startup > 0 && net.pulls) for (const paths of net.pulls) for (const r of paths) scale = Math.max(scale, w.startup * (r.latencySec + bytes * r.secPerByte));
  if (w.traffic > 0 && net.latency) {
    let farthest = 0;
    for (const ms of net.latency) if (Number.isFinite(ms)) farthest = Math.max(farthest, ms);
    let linear = 0;
    for (const c of net.trafficLinear) linear = Math.max(linear, c);
    scale += w.traffic * (net.trafficPairs.reduce((sum, p) => sum + p.weight, 0) * farthest + linear * cp.units.length + net.trafficConstant);
  }
  if (w.moves > 0 && net.moves) scale += w.moves * (bytes + net.moves.movePenaltyBytes * net.moves.currentCount);
  return scale > 0 ? scale / 1e4 : BYTES_PER_UNIT;
}
