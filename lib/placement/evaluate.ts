import { DEFAULT_WEIGHTS, type Assignment, type ObjectiveTerms, type ObjectiveWeights, type PlacementProblem } from './types';
import { fitsWithin } from './capacity-tolerance';
import { computeStartupTimeline } from './terms/compute-startup-timeline';
import { computeTrafficCost } from './terms/compute-traffic-cost';
import { computeMoves } from './terms/compute-moves';

export type StorageMode = 'sharing' | 'no-sharing';

type ViolationRule =
  | 'unassigned'
  | 'unknown-container'
  | 'unknown-server'
  | 'cpu'
  | 'memory'
  | 'bandwidth'
  | 'storage'
  | 'arch'
  | 'accelerator'
  | 'anti-affinity'
  | 'affinity'
  | 'pin'
  | 'spread'
  | 'max-utilisation'
  | 'registry'
  | 'no-path';

export type Violation = { rule: ViolationRule; message: string; container?: string; server?: string };

export type Evaluation = {
  feasible: boolean;
  /**
   * Σ weight × term (bytes-equivalent; exactly the storage bytes when the weights are
   * storage-only, as in every v1 problem). The storage term is the no-sharing cost in no-sharing mode.
   */
  cost: number;
  terms: ObjectiveTerms;
  noSharingCost: number;
  violations: Violation[];
  /** per server with containers: the distinct layers they need (sharing view) */
  serverLayers: Record<string, string[]>;
  /** bytes on disk per server under `mode`, cached layers included */
  storageUsed: Record<string, number>;
};

const exceeds = (used: number, limit: number) => !fitsWithin(used, limit);

/** Σ over containers of the bytes of their own (distinct) layers: the paper's flat baseline. */
export function computeNoSharingCost(problem: PlacementProblem): number {
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  let total = 0;
  for (const c of problem.containers) for (const d of new Set(c.layers)) total += size.get(d) ?? 0;
  return total;
}

/** Where a container is placed; only the assignment's own keys count (not `constructor` & co.). */
export function placedOn(assignment: Assignment, containerId: string): string | undefined {
  return Object.hasOwn(assignment, containerId) ? assignment[containerId] : undefined;
}

/**
 * The one definition of feasibility and cost (spec "Feasibility"). Every algorithm's answer is
 * passed through here; a result's `cost` is this number, never a solver's objective value.
 */
export function evaluate(problem: PlacementProblem, assignment: Assignment, mode: StorageMode = 'sharing'): Evaluation {
  const violations: Violation[] = [];
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const servers = new Map(problem.servers.map((s) => [s.id, s]));
  const containers = new Map(problem.containers.map((c) => [c.id, c]));

  for (const containerId of Object.keys(assignment)) {
    if (!containers.has(containerId)) {
      violations.push({ rule: 'unknown-container', container: containerId, message: `${containerId} is not in the problem` });
    }
  }

  const onServer = new Map<string, string[]>();
  for (const c of problem.containers) {
    const serverId = placedOn(assignment, c.id);
    if (serverId === undefined) {
      violations.push({ rule: 'unassigned', container: c.id, message: `${c.id} is not placed` });
      continue;
    }
    const server = servers.get(serverId);
    if (!server) {
      violations.push({ rule: 'unknown-server', container: c.id, server: serverId, message: `${c.id} is on unknown server ${serverId}` });
      continue;
    }
    if (!onServer.has(serverId)) onServer.set(serverId, []);
    onServer.get(serverId)!.push(c.id);
    if (c.arch !== undefined && server.arch !== undefined && c.arch !== server.arch) {
      violations.push({ rule: 'arch', container: c.id, server: serverId, message: `${c.id} needs ${c.arch}, ${serverId} is ${server.arch}` });
    }
    if (c.accelerator !== undefined && !(server.accelerators ?? []).includes(c.accelerator)) {
      violations.push({ rule: 'accelerator', container: c.id, server: serverId, message: `${c.id} needs ${c.accelerator}, ${serverId} has none` });
    }
  }

  // Several max-utilisation policies on one server: the tightest one applies.
  const utilisationCap = new Map<string, number>();
  for (const p of problem.policies) {
    if (p.type !== 'max-utilisation') continue;
    for (const s of p.servers ?? problem.servers.map((x) => x.id)) {
      utilisationCap.set(s, Math.min(utilisationCap.get(s) ?? 1, p.fraction));
    }
  }

  let cost = 0;
  // Keyed by the user's server ids: null prototypes make `__proto__` an ordinary key.
  const serverLayers = Object.create(null) as Record<string, string[]>;
  const storageUsed = Object.create(null) as Record<string, number>;
  for (const server of problem.servers) {
    const ids = onServer.get(server.id) ?? [];
    const cached = new Set(server.cachedLayers ?? []);
    let cachedBytes = 0;
    for (const d of cached) cachedBytes += size.get(d) ?? 0;

    let cpu = 0,
      memory = 0,
      bandwidth = 0,
      privateBytes = 0;
    const needed = new Set<string>();
    for (const id of ids) {
      const c = containers.get(id)!;
      cpu += c.cpu;
      memory += c.memory;
      bandwidth += c.bandwidth;
      for (const d of new Set(c.layers)) {
        needed.add(d);
        privateBytes += size.get(d) ?? 0;
      }
    }
    let neededBytes = 0,
      newBytes = 0;
    for (const d of needed) {
      neededBytes += size.get(d) ?? 0;
      if (!cached.has(d)) newBytes += size.get(d) ?? 0;
    }
    const used = mode === 'sharing' ? cachedBytes + newBytes : cachedBytes + privateBytes;
    storageUsed[server.id] = used;
    if (ids.length > 0) {
      serverLayers[server.id] = [...needed];
      cost += problem.objective === 'download' ? newBytes : neededBytes;
    }

    for (const [rule, use, cap] of [
      ['cpu', cpu, server.cpu],
      ['memory', memory, server.memory],
      ['bandwidth', bandwidth, server.bandwidth],
    ] as const) {
      if (exceeds(use, cap)) violations.push({ rule, server: server.id, message: `${server.id}: ${rule} ${use} > ${cap}` });
      const fraction = utilisationCap.get(server.id);
      if (fraction !== undefined && exceeds(use, fraction * cap)) {
        violations.push({ rule: 'max-utilisation', server: server.id, message: `${server.id}: ${rule} ${use} > ${fraction} × ${cap}` });
      }
    }
    if (used > server.storage) {
      violations.push({ rule: 'storage', server: server.id, message: `${server.id}: storage ${used} > ${server.storage} bytes (${mode})` });
    }
  }

  for (const p of problem.policies) {
    const where = (id: string) => placedOn(assignment, id);
    switch (p.type) {
      case 'anti-affinity':
      case 'spread': {
        const seen = new Map<string, string>();
        for (const id of p.containers) {
          const serverId = where(id);
          const server = serverId === undefined ? undefined : servers.get(serverId);
          if (!server) continue;
          if (p.type === 'spread' && server.site === undefined) {
            violations.push({ rule: 'spread', container: id, server: server.id, message: `${id} is in a spread group but ${server.id} has no site` });
            continue;
          }
          const key = p.type === 'spread' ? server.site! : server.id;
          const other = seen.get(key);
          if (other !== undefined) {
            violations.push({ rule: p.type, container: id, server: server.id, message: `${other} and ${id} share ${p.type === 'spread' ? `site ${key}` : `server ${key}`}` });
          } else seen.set(key, id);
        }
        break;
      }
      case 'affinity': {
        const places = new Set(p.containers.map(where).filter((s) => s !== undefined));
        if (places.size > 1) {
          violations.push({ rule: 'affinity', message: `${p.containers.join(', ')} are split over ${[...places].join(', ')}` });
        }
        break;
      }
      case 'pin': {
        const serverId = where(p.container);
        if (serverId !== undefined && !p.servers.includes(serverId)) {
          violations.push({ rule: 'pin', container: p.container, server: serverId, message: `${p.container} is pinned to ${p.servers.join(', ')}, not ${serverId}` });
        }
        break;
      }
      case 'max-utilisation':
        break; // checked with the capacities above
    }
  }

  const noSharingCost = computeNoSharingCost(problem);
  const terms = computeTerms(problem, assignment, mode, mode === 'sharing' ? cost : noSharingCost, violations);
  return {
    feasible: violations.length === 0,
    cost: weighTerms(problem, terms),
    terms,
    noSharingCost,
    violations,
    serverLayers,
    storageUsed,
  };
}

export function problemWeights(problem: PlacementProblem): ObjectiveWeights {
  return problem.weights ?? DEFAULT_WEIGHTS;
}

/** The objective: Σ weight × term; a term the problem cannot measure counts 0. */
export function weighTerms(problem: PlacementProblem, terms: ObjectiveTerms): number {
  const weights = problemWeights(problem);
  let total = weights.storage * terms.storageBytes;
  if (weights.startup > 0 && terms.startupSeconds !== null) total += weights.startup * terms.startupSeconds;
  if (weights.traffic > 0 && terms.trafficCost !== null) total += weights.traffic * terms.trafficCost;
  if (weights.moves > 0 && terms.moves !== null && terms.moveBytes !== null) {
    total += weights.moves * (terms.moveBytes + (problem.current?.movePenaltyBytes ?? 0) * terms.moves);
  }
  return total;
}

/**
 * The network terms of a placement, with the violations only the network can cause: a server
 * that must pull but reaches no registry, a dependency with traffic whose replicas no path joins.
 */
function computeTerms(problem: PlacementProblem, assignment: Assignment, mode: StorageMode, storageBytes: number, violations: Violation[]): ObjectiveTerms {
  const startup = computeStartupTimeline(problem, assignment, mode);
  for (const server of startup?.servers ?? []) {
    if (server.unreachable) {
      violations.push({ rule: 'registry', server: server.server, message: `${server.server} must pull ${server.pullBytes} bytes but reaches no registry` });
    }
  }
  const traffic = computeTrafficCost(problem, assignment);
  for (const d of traffic?.dependencies ?? []) {
    if (d.unreachablePairs > 0 && d.trafficMbps > 0) {
      violations.push({ rule: 'no-path', message: `${d.from} → ${d.to}: ${d.unreachablePairs} of ${d.pairs} replica pairs are on servers no path joins` });
    }
  }
  const moves = computeMoves(problem, assignment);
  return {
    storageBytes,
    startupSeconds: startup?.makespanSeconds ?? null,
    startupSumSeconds: startup?.sumSeconds ?? null,
    trafficCost: traffic?.total ?? null,
    moves: moves?.moves.length ?? null,
    moveBytes: moves?.moveBytes ?? null,
  };
}
