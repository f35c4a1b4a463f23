import { fitsWithin } from './capacity-tolerance';
import { compileNetwork, type CompiledNetwork } from './compile-network';
import { DEFAULT_WEIGHTS, type ObjectiveWeights, type PlacementProblem } from './types';

/**
 * Containers tied by `affinity` always share a server, so every algorithm places them as one
 * "unit" with summed demand and the union of their layers.
 */
type CompiledUnit = {
  containers: number[];
  layers: Int32Array;
  cpu: number;
  memory: number;
  bandwidth: number;
  /** Σ over its containers of their own layer bytes (the no-sharing view) */
  ownBytes: number;
  /** 1 where the unit may go: arch, accelerator, pin, site for spread, and fits when alone */
  eligible: Uint8Array;
  eligibleCount: number;
  /** units that may not share this unit's server (`server`) or site (`site`) */
  partners: { unit: number; kind: 'server' | 'site' }[];
};

type CompiledServer = {
  id: string;
  /** capacities after the tightest max-utilisation fraction */
  cpu: number;
  memory: number;
  bandwidth: number;
  storage: number;
  /** -1 when the server names no site */
  site: number;
  cached: Uint8Array;
  cachedBytes: number;
};

type ConflictGroup = { kind: 'server' | 'site'; units: number[] };

export type CompiledProblem = {
  problem: PlacementProblem;
  download: boolean;
  layerDigest: string[];
  layerSize: Float64Array;
  servers: CompiledServer[];
  siteCount: number;
  units: CompiledUnit[];
  unitOfContainer: Int32Array;
  conflictGroups: ConflictGroup[];
  /** the objective's exchange rates (DEFAULT_WEIGHTS for a storage-only problem) */
  weights: ObjectiveWeights;
  /** null for a problem with neither network nor current placement (all of v1) */
  network: CompiledNetwork | null;
  /** which weighted terms the heuristics must track beside storage (weight > 0 and measurable) */
  active: { startup: boolean; traffic: boolean; moves: boolean };
  /**
   * A cost change smaller than this is rounding noise, not an improvement: half a byte when
   * storage alone counts (costs are sums of whole bytes), else a billionth of the objective's
   * scale, since weights in bytes per second or per Mbit/s·ms make costs fractional.
   */
  costTolerance: number;
  /** set when infeasibility is evident without search (a proof, not a guess) */
  infeasibleReason: string | null;
  /** work done on this problem so far (see deadline.ts); a solve shares it with its deadline */
  work: { units: number };
};

export function compileProblem(problem: PlacementProblem): CompiledProblem {
  const layerIndex = new Map(problem.layers.map((l, i) => [l.digest, i]));
  const layerSize = Float64Array.from(problem.layers.map((l) => l.size));
  const serverIndex = new Map(problem.servers.map((s, j) => [s.id, j]));
  const containerIndex = new Map(problem.containers.map((c, i) => [c.id, i]));
  const S = problem.servers.length;
  const reasons: string[] = [];

  const fraction = new Float64Array(S).fill(1);
  for (const p of problem.policies) {
    if (p.type !== 'max-utilisation') continue;
    for (const s of p.servers ?? problem.servers.map((x) => x.id)) {
      const j = serverIndex.get(s)!;
      fraction[j] = Math.min(fraction[j], p.fraction);
    }
  }
  const siteIndex = new Map<string, number>();
  const servers: CompiledServer[] = problem.servers.map((s, j) => {
    const cached = new Uint8Array(problem.layers.length);
    let cachedBytes = 0;
    for (const d of s.cachedLayers ?? []) {
      const l = layerIndex.get(d)!;
      if (!cached[l]) cachedBytes += layerSize[l];
      cached[l] = 1;
    }
    let site = -1;
    if (s.site !== undefined) {
      if (!siteIndex.has(s.site)) siteIndex.set(s.site, siteIndex.size);
      site = siteIndex.get(s.site)!;
    }
    return {
      id: s.id,
      cpu: s.cpu * fraction[j],
      memory: s.memory * fraction[j],
      bandwidth: s.bandwidth * fraction[j],
      storage: s.storage,
      site,
      cached,
      cachedBytes,
    };
  });

  // Union-find over affinity groups.
  const parent = problem.containers.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const p of problem.policies) {
    if (p.type !== 'affinity') continue;
    const [first, ...rest] = p.containers.map((c) => containerIndex.get(c)!);
    for (const other of rest) parent[find(other)] = find(first);
  }
  const unitOfContainer = new Int32Array(problem.containers.length);
  const rootToUnit = new Map<number, number>();
  const members: number[][] = [];
  problem.containers.forEach((_, i) => {
    const root = find(i);
    if (!rootToUnit.has(root)) {
      rootToUnit.set(root, members.length);
      members.push([]);
    }
    unitOfContainer[i] = rootToUnit.get(root)!;
    members[unitOfContainer[i]].push(i);
  });
  const network = compileNetwork(problem, layerIndex, unitOfContainer, members.length);
  const weights = problem.weights ?? DEFAULT_WEIGHTS;

  const allowed: Uint8Array[] = members.map(() => new Uint8Array(S).fill(1));
  for (const p of problem.policies) {
    if (p.type === 'pin') {
      const u = unitOfContainer[containerIndex.get(p.container)!];
      const listed = new Set(p.servers.map((s) => serverIndex.get(s)!));
      for (let j = 0; j < S; j++) if (!listed.has(j)) allowed[u][j] = 0;
    } else if (p.type === 'spread') {
      for (const c of p.containers) {
        const u = unitOfContainer[containerIndex.get(c)!];
        for (let j = 0; j < S; j++) if (servers[j].site < 0) allowed[u][j] = 0;
      }
    }
  }

  const units: CompiledUnit[] = members.map((containers, u) => {
    const layerSet = new Set<number>();
    let cpu = 0,
      memory = 0,
      bandwidth = 0,
      ownBytes = 0;
    for (const i of containers) {
      const c = problem.containers[i];
      cpu += c.cpu;
      memory += c.memory;
      bandwidth += c.bandwidth;
      for (const d of new Set(c.layers)) {
        const l = layerIndex.get(d)!;
        layerSet.add(l);
        ownBytes += layerSize[l];
      }
    }
    const layers = Int32Array.from([...layerSet].sort((a, b) => a - b));
    const eligible = new Uint8Array(S);
    let eligibleCount = 0;
    for (let j = 0; j < S; j++) {
      const s = problem.servers[j];
      const srv = servers[j];
      if (!allowed[u][j]) continue;
      const archOk = containers.every((i) => {
        const c = problem.containers[i];
        return (c.arch === undefined || s.arch === undefined || c.arch === s.arch) && (c.accelerator === undefined || (s.accelerators ?? []).includes(c.accelerator));
      });
      if (!archOk) continue;
      if (network && !networkAllows(network, u, layers, layerSize, j, S)) continue;
      let newBytes = 0;
      for (const l of layers) if (!srv.cached[l]) newBytes += layerSize[l];
      if (!fitsWithin(cpu, srv.cpu) || !fitsWithin(memory, srv.memory) || !fitsWithin(bandwidth, srv.bandwidth)) continue;
      if (srv.cachedBytes + newBytes > srv.storage) continue;
      eligible[j] = 1;
      eligibleCount++;
    }
    if (eligibleCount === 0) {
      const ids = containers.map((i) => problem.containers[i].id).join(' + ');
      reasons.push(`${ids} fits on no server (arch, accelerator, pin, site, capacity or network)`);
    }
    return { containers, layers, cpu, memory, bandwidth, ownBytes, eligible, eligibleCount, partners: [] };
  });

  const conflictGroups: ConflictGroup[] = [];
  const pairSeen = new Set<string>();
  for (const p of problem.policies) {
    if (p.type !== 'anti-affinity' && p.type !== 'spread') continue;
    const kind = p.type === 'spread' ? 'site' : 'server';
    const groupUnits = p.containers.map((c) => unitOfContainer[containerIndex.get(c)!]);
    if (new Set(groupUnits).size < groupUnits.length) {
      reasons.push(`${p.type} group ${p.containers.join(', ')} contains containers that affinity ties to one server`);
      continue;
    }
    conflictGroups.push({ kind, units: groupUnits });
    for (const a of groupUnits) {
      for (const b of groupUnits) {
        if (a === b) continue;
        const key = `${kind}:${a}:${b}`;
        if (pairSeen.has(key)) continue;
        pairSeen.add(key);
        units[a].partners.push({ unit: b, kind });
      }
    }
  }

  const active = {
    startup: weights.startup > 0 && (network?.paths ?? null) !== null,
    traffic: weights.traffic > 0 && (network?.dependencies.length ?? 0) > 0,
    moves: weights.moves > 0 && (network?.hasCurrent ?? false),
  };
  return {
    problem,
    download: problem.objective === 'download',
    layerDigest: problem.layers.map((l) => l.digest),
    layerSize,
    servers,
    siteCount: siteIndex.size,
    units,
    unitOfContainer,
    conflictGroups,
    weights,
    network,
    active,
    costTolerance: costTolerance(problem, weights, network, active, layerSize),
    infeasibleReason: reasons.length > 0 ? reasons.join('; ') : null,
    work: { units: 0 },
  };
}

function costTolerance(problem: PlacementProblem, weights: ObjectiveWeights, network: CompiledNetwork | null, active: CompiledProblem['active'], layerSize: Float64Array): number {
  if (!active.startup && !active.traffic && !active.moves) return 0.5 * weights.storage;
  let bytes = 0;
  for (const size of layerSize) bytes += size;
  let scale = weights.storage * bytes;
  if (active.startup && network?.paths) {
    let slowest = 0;
    for (const { latencySec, secPerByte } of network.paths) {
      for (let p = 0; p < latencySec.length; p++) slowest = Math.max(slowest, latencySec[p] + bytes * secPerByte[p]);
    }
    scale += weights.startup * slowest;
  }
  if (active.traffic && network) {
    for (const d of network.dependencies) {
      let farthest = 0;
      for (const ms of d.latency) if (Number.isFinite(ms)) farthest = Math.max(farthest, ms);
      scale += weights.traffic * d.trafficMbps * farthest;
    }
  }
  if (active.moves && network) scale += weights.moves * (bytes + network.movePenaltyBytes * problem.containers.length);
  return Math.max(1e-9 * scale, Number.MIN_VALUE);
}

/**
 * Rules of the network that hold for a unit alone: a server that reaches no registry can only
 * host what it needs pull no bytes for, and a unit holding both ends of a dependency needs a
 * path from its server back to itself (through the chain's hosts).
 */
function networkAllows(network: CompiledNetwork, u: number, layers: Int32Array, layerSize: Float64Array, j: number, S: number): boolean {
  // evaluate's rule: a server must reach a registry only when it pulls bytes (empty layers pull none).
  if (network.paths && network.paths[j].latencySec.length === 0) {
    for (const l of layers) if (!network.held[j][l] && layerSize[l] > 0) return false;
  }
  for (const e of network.unitDependencies[u]) {
    if (e.callers > 0 && e.callees > 0 && !Number.isFinite(network.dependencies[e.dependency].latency[j * S + j])) return false;
  }
  return true;
}

/** What storing layer `l` on server `j` adds to the objective. */
export function layerCost(cp: CompiledProblem, l: number, j: number): number {
  return cp.download && cp.servers[j].cached[l] ? 0 : cp.layerSize[l];
}

/** What storing layer `l` on server `j` adds to the disk in use. */
export function layerStorage(cp: CompiledProblem, l: number, j: number): number {
  return cp.servers[j].cached[l] ? 0 : cp.layerSize[l];
}

/** unit placement (unit -> server index) to the contract's container -> server id map */
export function toAssignment(cp: CompiledProblem, unitServer: ArrayLike<number>): Record<string, string> {
  // Keyed by the user's container ids: a null prototype makes `__proto__` an ordinary key.
  const assignment = Object.create(null) as Record<string, string>;
  cp.problem.containers.forEach((c, i) => {
    assignment[c.id] = cp.servers[unitServer[cp.unitOfContainer[i]]].id;
  });
  return assignment;
}
