import { chainLatency, createLatencyLookup } from './terms/compute-traffic-cost';
import { layersHeldBefore } from './terms/compute-startup-timeline';
import type { PlacementProblem } from './types';

/**
 * The network side of a version-2 problem in index form, for every algorithm (heuristics, exact
 * models): the same definitions as lib/placement/terms (evaluate stays the judge), precomputed
 * once so that a term's change under a move costs O(its inputs), not a timeline.
 *
 * - start-up: a server that pulls B > 0 bytes is done after min over its registry paths of
 *   (latency + B / bandwidth) (compute-startup-timeline.ts: one registry, the soonest, pulls
 *   back to back); B counts the layers it needs and does not hold before (`held`).
 * - traffic: Σ_d coef_d × Σ over (from replica, to replica) pairs of latency_d(server, server),
 *   coef_d = trafficMbps / (replicas of from × replicas of to) (compute-traffic-cost.ts).
 * - moves: a container with a `current` entry moves when placed elsewhere; its new server pulls
 *   its layers it does not hold before, once per server (compute-moves.ts).
 */
export type CompiledNetwork = {
  /** per server: layers held before the roll-out (cached, plus the current placement's) */
  held: Uint8Array[];
  /**
   * Start-up paths per server, or null when the problem has no registries (no start-up term and
   * no reachability rule). A server with no path may only host units it needs pull nothing for.
   */
  paths: { latencySec: Float64Array; secPerByte: Float64Array }[] | null;
  dependencies: CompiledDependency[];
  /** per unit: the dependencies its containers take part in, with how many are callers / callees */
  unitDependencies: UnitDependency[][];
  /** per unit: its containers that have a current server (`server` -1 when that server is gone) */
  movers: Mover[][];
  /** bytes-equivalent per moved replica */
  movePenaltyBytes: number;
  hasCurrent: boolean;
  /**
   * per server: an id shared by servers that the network cannot tell apart (same paths, same
   * held layers, same latency to every third server, on no chain, hosting nothing now); searches
   * treat empty servers as interchangeable only within one id.
   */
  symmetryClass: Int32Array;
};

export type CompiledDependency = {
  from: string;
  to: string;
  trafficMbps: number;
  /** trafficMbps / (caller replicas × callee replicas): the weight of one replica pair */
  coef: number;
  /** S×S row-major: ms from a caller on x to a callee on y through the chain; Infinity = no path */
  latency: Float64Array;
};

export type UnitDependency = { dependency: number; callers: number; callees: number };

export type Mover = { container: number; server: number; layers: Int32Array };

/** Seconds for server `j` to pull `bytes` (its fastest path), 0 for none, Infinity with no path. */
export function pullTime(network: CompiledNetwork, j: number, bytes: number): number {
  if (bytes <= 0 || !network.paths) return 0;
  const { latencySec, secPerByte } = network.paths[j];
  let best = Infinity;
  for (let p = 0; p < latencySec.length; p++) {
    const t = latencySec[p] + bytes * secPerByte[p];
    if (t < best) best = t;
  }
  return best;
}

/**
 * Null for a problem without a network, dependencies or current placement (every v1 problem):
 * then nothing but storage matters and the algorithms run exactly as before.
 */
export function compileNetwork(problem: PlacementProblem, layerIndex: Map<string, number>, unitOfContainer: Int32Array, unitCount: number): CompiledNetwork | null {
  const network = problem.network;
  const current = problem.current;
  if (!network && !current) return null;
  const S = problem.servers.length;
  const L = layerIndex.size;
  const serverIndex = new Map(problem.servers.map((s, j) => [s.id, j]));

  const heldSets = layersHeldBefore(problem);
  const held = problem.servers.map((s) => {
    const row = new Uint8Array(L);
    for (const d of heldSets.get(s.id) ?? []) row[layerIndex.get(d)!] = 1;
    return row;
  });

  let paths: CompiledNetwork['paths'] = null;
  if (network && network.registries.length > 0) {
    const lists = problem.servers.map(() => ({ latencySec: [] as number[], secPerByte: [] as number[] }));
    for (const pull of network.pulls) {
      const j = serverIndex.get(pull.server);
      if (j === undefined) continue;
      // compute-startup-timeline.ts's pullSeconds, split so a byte count can be added later.
      lists[j].latencySec.push(pull.latencyMs / 1000);
      lists[j].secPerByte.push(8 / (pull.bandwidthMbps * 1e6));
    }
    paths = lists.map((p) => ({ latencySec: Float64Array.from(p.latencySec), secPerByte: Float64Array.from(p.secPerByte) }));
  }

  const dependencies: CompiledDependency[] = [];
  const unitDependencies: UnitDependency[][] = Array.from({ length: unitCount }, () => []);
  if (network && problem.dependencies) {
    const lookup = createLatencyLookup(problem);
    const replicas = new Map<string, number[]>();
    problem.containers.forEach((c, i) => {
      if (c.service === undefined) return;
      if (!replicas.has(c.service)) replicas.set(c.service, []);
      replicas.get(c.service)!.push(i);
    });
    const matrices = new Map<string, Float64Array>();
    for (const d of problem.dependencies) {
      // A dependency without traffic costs nothing and forbids nothing (evaluate ignores it).
      if (d.trafficMbps <= 0) continue;
      const callers = replicas.get(d.from) ?? [];
      const callees = replicas.get(d.to) ?? [];
      if (callers.length === 0 || callees.length === 0) continue;
      const key = (d.via ?? []).join('\u0000');
      let latency = matrices.get(key);
      if (!latency) {
        latency = new Float64Array(S * S);
        for (let x = 0; x < S; x++) {
          for (let y = 0; y < S; y++) latency[x * S + y] = chainLatency(lookup, problem.servers[x].id, problem.servers[y].id, d.via);
        }
        matrices.set(key, latency);
      }
      const index = dependencies.length;
      dependencies.push({ from: d.from, to: d.to, trafficMbps: d.trafficMbps, coef: d.trafficMbps / (callers.length * callees.length), latency });
      const perUnit = new Map<number, UnitDependency>();
      const entry = (u: number) => {
        let e = perUnit.get(u);
        if (!e) {
          e = { dependency: index, callers: 0, callees: 0 };
          perUnit.set(u, e);
          unitDependencies[u].push(e);
        }
        return e;
      };
      for (const i of callers) entry(unitOfContainer[i]).callers++;
      for (const i of callees) entry(unitOfContainer[i]).callees++;
    }
  }

  const movers: Mover[][] = Array.from({ length: unitCount }, () => []);
  if (current) {
    problem.containers.forEach((c, i) => {
      if (!Object.hasOwn(current.assignment, c.id)) return;
      const layers = Int32Array.from([...new Set(c.layers.map((d) => layerIndex.get(d)!))].sort((a, b) => a - b));
      movers[unitOfContainer[i]].push({ container: i, server: serverIndex.get(current.assignment[c.id]) ?? -1, layers });
    });
  }

  const symmetryClass = classifyServers(problem, held, paths, dependencies, movers, serverIndex);
  return {
    held,
    paths,
    dependencies,
    unitDependencies,
    movers,
    movePenaltyBytes: current?.movePenaltyBytes ?? 0,
    hasCurrent: current !== undefined,
    symmetryClass,
  };
}

/** Servers i and k get one class when swapping them changes no network term or rule. */
function classifyServers(
  problem: PlacementProblem,
  held: Uint8Array[],
  paths: CompiledNetwork['paths'],
  dependencies: CompiledDependency[],
  movers: Mover[][],
  serverIndex: Map<string, number>,
): Int32Array {
  const S = problem.servers.length;
  const unique = new Uint8Array(S);
  for (const list of movers) for (const m of list) if (m.server >= 0) unique[m.server] = 1;
  for (const d of problem.dependencies ?? []) for (const hop of d.via ?? []) unique[serverIndex.get(hop)!] = 1;
  const pathKey = (j: number) => {
    if (!paths) return '';
    const { latencySec, secPerByte } = paths[j];
    return Array.from(latencySec, (t, p) => `${t}/${secPerByte[p]}`)
      .sort()
      .join(',');
  };
  const keys = problem.servers.map((_, j) => `${pathKey(j)}|${held[j].join('')}`);
  // Servers on no chain keep every chain's latency when their plain latencies agree.
  const lookup = dependencies.length > 0 ? createLatencyLookup(problem) : null;
  const ids = problem.servers.map((s) => s.id);
  const sameLatency = (i: number, k: number) => {
    if (!lookup) return true;
    for (let x = 0; x < S; x++) {
      if (x !== i && x !== k && lookup(ids[i], ids[x]) !== lookup(ids[k], ids[x])) return false;
    }
    return true;
  };
  const symmetryClass = new Int32Array(S).fill(-1);
  let next = 0;
  for (let i = 0; i < S; i++) {
    if (symmetryClass[i] >= 0) continue;
    symmetryClass[i] = next;
    if (!unique[i]) {
      for (let k = i + 1; k < S; k++) {
        if (symmetryClass[k] < 0 && !unique[k] && keys[k] === keys[i] && sameLatency(i, k)) symmetryClass[k] = next;
      }
    }
    next++;
  }
  return symmetryClass;
}
