import type { CompiledProblem } from './compile-problem';
import { problemWeights } from './evaluate';
import { createLatencyLookup } from './terms/compute-traffic-cost';
import type { ObjectiveWeights } from './types';

/** One registry path of a server: its latency and seconds per byte. */
export type PullOption = { latencySec: number; secPerByte: number };

/** Replicas of two units with direct traffic: the traffic term adds weight × ms between their servers. */
export type TrafficPair = { u: number; v: number; weight: number };

export type MoveCoefficients = {
  movePenaltyBytes: number;
  /** containers the current placement runs (a move is counted only for them) */
  currentCount: number;
  /** index u * S + j: how many of unit u's containers the current placement runs on server j */
  stay: Float64Array;
  /** per layer: the units with a currently placed container that needs it (they pull it when moved) */
  movers: number[][];
};

/**
 * The network terms of docs/placement-format.md "Version 2" in the shape the MILP needs: per unit
 * and server, per server and layer, per pair of units. Derived from the compiled network
 * (compile-network.ts) and the problem; definitions are those of lib/placement/terms (evaluate
 * is the judge, this only feeds the model), including the placements the network alone rules
 * out. Unlike the heuristics' view, a dependency through `via` hosts is split into its two legs
 * (linear in the placement) and the direct ones into pairs of units (linearised).
 */
export type NetworkCoefficients = {
  /** the problem's weights, 0 for a term the problem cannot measure (evaluate counts it 0) */
  weights: ObjectiveWeights;
  /** per server, per layer: 1 where the server holds the layer before the roll-out */
  held: Uint8Array[];
  /**
   * index u * S + j: 1 where the network alone rules unit u out of server j: the server must
   * pull and reaches no registry, or a `via` leg from or to it has no path
   */
  forbidden: Uint8Array;
  /** set when the network makes every placement invalid (a `via` chain whose hosts no path joins) */
  infeasibleReason: string | null;
  /** per server: the registries it reaches that no other beats on both latency and bandwidth; null without registries */
  pulls: PullOption[][] | null;
  /** index i * S + j: ms between servers i and j (Infinity: no path); null without traffic inputs */
  latency: Float64Array | null;
  /** pairs of distinct units whose replicas call each other directly (traffic > 0) */
  trafficPairs: TrafficPair[];
  /** index u * S + j: Mbit/s·ms the legs to and from `via` hosts add when unit u is on server j */
  trafficLinear: Float64Array;
  /** Mbit/s·ms between consecutive `via` hosts: the same for every placement */
  trafficConstant: number;
  moves: MoveCoefficients | null;
};

/** Keeps the registries no other one beats on both latency and time per byte. */
function undominated(options: PullOption[]): PullOption[] {
  const sorted = [...options].sort((a, b) => a.latencySec - b.latencySec || a.secPerByte - b.secPerByte);
  const kept: PullOption[] = [];
  for (const o of sorted) if (kept.every((k) => k.secPerByte > o.secPerByte)) kept.push(o);
  return kept;
}

export function deriveNetworkCoefficients(cp: CompiledProblem): NetworkCoefficients {
  const { problem } = cp;
  const S = cp.servers.length;
  const U = cp.units.length;
  const L = cp.layerSize.length;
  const serverIndex = new Map(problem.servers.map((s, j) => [s.id, j]));
  const forbidden = new Uint8Array(U * S);
  const reasons: string[] = [];
  const compiled = cp.network;
  const held = compiled?.held ?? problem.servers.map(() => new Uint8Array(L));

  let pulls: PullOption[][] | null = null;
  if (compiled?.paths) {
    pulls = compiled.paths.map(({ latencySec, secPerByte }) => undominated(Array.from(latencySec, (t, p) => ({ latencySec: t, secPerByte: secPerByte[p] }))));
    // A server that reaches no registry can take only units whose layers it holds already.
    for (let j = 0; j < S; j++) {
      if (pulls[j].length > 0) continue;
      cp.units.forEach((unit, u) => {
        if (unit.layers.some((l) => !held[j][l] && cp.layerSize[l] > 0)) forbidden[u * S + j] = 1;
      });
    }
  }
  const network = problem.network;

  let latency: Float64Array | null = null;
  const trafficPairs: TrafficPair[] = [];
  const trafficLinear = new Float64Array(U * S);
  let trafficConstant = 0;
  if (network && problem.dependencies) {
    const lookup = createLatencyLookup(problem);
    latency = new Float64Array(S * S);
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) latency[i * S + j] = lookup(problem.servers[i].id, problem.servers[j].id);
    const replicas = new Map<string, number[]>();
    problem.containers.forEach((c, i) => {
      if (c.service === undefined) return;
      if (!replicas.has(c.service)) replicas.set(c.service, []);
      replicas.get(c.service)!.push(cp.unitOfContainer[i]);
    });
    const pairWeight = new Map<number, number>();
    for (const d of problem.dependencies) {
      const from = replicas.get(d.from) ?? [];
      const to = replicas.get(d.to) ?? [];
      if (d.trafficMbps <= 0 || from.length === 0 || to.length === 0) continue;
      const via = (d.via ?? []).map((id) => serverIndex.get(id)!);
      if (via.length > 0) {
        // Separable: caller to the first host, between hosts, last host to callee; the mean
        // over replica pairs of a sum is the sum of the means over each end.
        let middle = 0;
        for (let k = 0; k + 1 < via.length; k++) middle += latency[via[k] * S + via[k + 1]];
        if (!Number.isFinite(middle)) {
          reasons.push(`${d.from} → ${d.to}: no path joins the hosts of its chain (${(d.via ?? []).join(', ')})`);
          continue;
        }
        trafficConstant += d.trafficMbps * middle;
        const leg = (units: number[], ms: (j: number) => number) => {
          for (const u of units) {
            for (let j = 0; j < S; j++) {
              const value = ms(j);
              if (Number.isFinite(value)) trafficLinear[u * S + j] += (d.trafficMbps / units.length) * value;
              else forbidden[u * S + j] = 1;
            }
          }
        };
        leg(from, (j) => latency![j * S + via[0]]);
        leg(to, (j) => latency![via[via.length - 1] * S + j]);
        continue;
      }
      const share = d.trafficMbps / (from.length * to.length);
      for (const u of from) {
        for (const v of to) {
          if (u === v) continue; // one unit: always on one server, 0 ms
          const key = Math.min(u, v) * U + Math.max(u, v);
          pairWeight.set(key, (pairWeight.get(key) ?? 0) + share);
        }
      }
    }
    for (const [key, weight] of [...pairWeight].sort((a, b) => a[0] - b[0])) trafficPairs.push({ u: Math.floor(key / U), v: key % U, weight });
  }

  let moves: MoveCoefficients | null = null;
  if (compiled?.hasCurrent) {
    const stay = new Float64Array(U * S);
    const movers: Set<number>[] = Array.from({ length: L }, () => new Set());
    let currentCount = 0;
    compiled.movers.forEach((list, u) => {
      for (const m of list) {
        currentCount++;
        if (m.server >= 0) stay[u * S + m.server] += 1;
        for (const l of m.layers) movers[l].add(u);
      }
    });
    moves = { movePenaltyBytes: compiled.movePenaltyBytes, currentCount, stay, movers: movers.map((m) => [...m]) };
  }

  cp.units.forEach((unit, u) => {
    let open = false;
    for (let j = 0; j < S && !open; j++) open = unit.eligible[j] === 1 && !forbidden[u * S + j];
    if (!open && unit.eligibleCount > 0) {
      const ids = unit.containers.map((i) => problem.containers[i].id).join(' + ');
      reasons.push(`${ids} fits on no server the network lets it use (a registry to pull from, a path to its chain's hosts)`);
    }
  });

  const given = problemWeights(problem);
  return {
    weights: {
      storage: given.storage,
      startup: pulls ? given.startup : 0,
      traffic: latency ? given.traffic : 0,
      moves: moves ? given.moves : 0,
    },
    held,
    forbidden,
    infeasibleReason: reasons.length > 0 ? reasons.join('; ') : null,
    pulls,
    latency,
    trafficPairs,
    trafficLinear,
    trafficConstant,
    moves,
  };
}

/** whether only the storage term is weighed (then the storage-only bounds and searches apply as they are) */
export function weighsStorageOnly(net: NetworkCoefficients): boolean {
  return net.weights.startup === 0 && net.weights.traffic === 0 && net.weights.moves === 0;
}

/**
 * A bound on the weighted objective from a bound on the storage term alone (layer copies, the
 * LP of relax, the branch and price): the other terms are never negative, and every placement
 * pays the traffic between consecutive `via` hosts.
 */
export function boundFromStorage(net: NetworkCoefficients, storageBytes: number): number {
  return net.weights.storage * storageBytes + net.weights.traffic * net.trafficConstant;
}
