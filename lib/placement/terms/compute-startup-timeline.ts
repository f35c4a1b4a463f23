import type { Assignment, PlacementProblem, RegistryPath } from '../types';
import type { StorageMode } from '../evaluate';

export type LayerPull = {
  digest: string;
  bytes: number;
  /** seconds from the start of the roll-out */
  startSeconds: number;
  endSeconds: number;
  /** the container whose start needed this layer first */
  forContainer: string;
};

export type ServerStartup = {
  server: string;
  /** the registry this server pulls from, null when it pulls nothing or reaches none */
  registry: string | null;
  bandwidthMbps: number | null;
  latencyMs: number | null;
  pullBytes: number;
  pulls: LayerPull[];
  /** container id -> seconds until every layer it needs is on the server */
  ready: Record<string, number>;
  /** the last container's ready time on this server, s */
  makespanSeconds: number;
  /** true when the server must pull but reaches no registry */
  unreachable: boolean;
};

export type StartupTimeline = {
  servers: ServerStartup[];
  makespanSeconds: number;
  sumSeconds: number;
};

/** Seconds to pull `bytes` over a path: its latency once, then the bytes at its bottleneck bandwidth. */
export function pullSeconds(path: Pick<RegistryPath, 'bandwidthMbps' | 'latencyMs'>, bytes: number): number {
  if (bytes <= 0) return 0;
  return path.latencyMs / 1000 + (bytes * 8) / (path.bandwidthMbps * 1e6);
}

/**
 * The registry a server pulls `bytes` from: the path that finishes soonest, ties to the higher
 * bandwidth, then to the registry listed first. One registry per server, because the layers a
 * server pulls share its link; which one is fastest depends on how much it pulls.
 */
export function chooseRegistry(paths: readonly RegistryPath[], bytes: number): RegistryPath | null {
  let best: RegistryPath | null = null;
  for (const path of paths) {
    if (!best) {
      best = path;
      continue;
    }
    const a = pullSeconds(path, bytes);
    const b = pullSeconds(best, bytes);
    if (a < b || (a === b && path.bandwidthMbps > best.bandwidthMbps)) best = path;
  }
  return best;
}

/**
 * Layers each server holds before the roll-out: its cached layers, and, when re-planning, the
 * layers of the containers the current placement already runs there.
 */
export function layersHeldBefore(problem: PlacementProblem): Map<string, Set<string>> {
  const held = new Map(problem.servers.map((s) => [s.id, new Set(s.cachedLayers ?? [])]));
  const current = problem.current?.assignment;
  if (current) {
    for (const c of problem.containers) {
      const server = Object.hasOwn(current, c.id) ? held.get(current[c.id]) : undefined;
      if (server) for (const d of c.layers) server.add(d);
    }
  }
  return held;
}

/**
 * When each container is ready (docs/placement-format.md, "Start-up time"). Each server pulls
 * the layers its containers need and it does not hold, once each under sharing (once per
 * container without sharing), one after another over the path to the registry it reaches
 * fastest. Containers are started in order of the bytes they miss, fewest first (ties by id), so
 * small services are not kept waiting behind big ones; a container is ready when its last layer
 * has arrived, at once if it misses none. Null when the problem has no registries to pull from.
 */
export function computeStartupTimeline(problem: PlacementProblem, assignment: Assignment, mode: StorageMode = 'sharing'): StartupTimeline | null {
  const network = problem.network;
  if (!network || network.registries.length === 0) return null;
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const held = layersHeldBefore(problem);
  const pathsOf = new Map<string, RegistryPath[]>();
  for (const pull of network.pulls) {
    if (!pathsOf.has(pull.server)) pathsOf.set(pull.server, []);
    pathsOf.get(pull.server)!.push(pull);
  }
  const byServer = new Map<string, string[]>();
  const containers = new Map(problem.containers.map((c) => [c.id, c]));
  for (const c of problem.containers) {
    const server = Object.hasOwn(assignment, c.id) ? assignment[c.id] : undefined;
    if (server === undefined) continue;
    if (!byServer.has(server)) byServer.set(server, []);
    byServer.get(server)!.push(c.id);
  }

  const servers: ServerStartup[] = [];
  let makespan = 0;
  let sum = 0;
  for (const server of problem.servers) {
    const ids = byServer.get(server.id);
    if (!ids) continue;
    const before = held.get(server.id) ?? new Set<string>();
    // An empty layer pulls no bytes: it is there at once, with or without a registry (as pullSeconds says).
    const missing = (id: string) => [...new Set(containers.get(id)!.layers)].filter((d) => !before.has(d) && (size.get(d) ?? 0) > 0);
    const missingBytes = (id: string) => missing(id).reduce((total, d) => total + (size.get(d) ?? 0), 0);
    const order = ids.map((id) => ({ id, bytes: missingBytes(id) })).sort((x, y) => x.bytes - y.bytes || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

    // What will be pulled, in order, before knowing the path (the registry depends on the total).
    const plan: { digest: string; bytes: number; forContainer: string }[] = [];
    const planned = new Set<string>();
    for (const { id } of order) {
      for (const d of missing(id)) {
        if (mode === 'sharing' && planned.has(d)) continue;
        planned.add(d);
        plan.push({ digest: d, bytes: size.get(d) ?? 0, forContainer: id });
      }
    }
    const pullBytes = plan.reduce((total, p) => total + p.bytes, 0);
    const path = pullBytes > 0 ? chooseRegistry(pathsOf.get(server.id) ?? [], pullBytes) : null;

    const ready: Record<string, number> = Object.create(null) as Record<string, number>;
    const pulls: LayerPull[] = [];
    const arrival = new Map<string, number>();
    let unreachable = false;
    if (path) {
      let clock = path.latencyMs / 1000;
      for (const p of plan) {
        const end = clock + (p.bytes * 8) / (path.bandwidthMbps * 1e6);
        pulls.push({ ...p, startSeconds: clock, endSeconds: end });
        clock = end;
        // Without sharing a container waits for its own copy, so arrivals are per container.
        arrival.set(mode === 'sharing' ? p.digest : `${p.forContainer}\u0000${p.digest}`, end);
      }
    } else if (pullBytes > 0) {
      unreachable = true;
    }
    let serverMakespan = 0;
    for (const { id } of order) {
      let at = 0;
      for (const d of missing(id)) {
        const end = arrival.get(mode === 'sharing' ? d : `${id}\u0000${d}`);
        at = Math.max(at, end ?? Infinity);
      }
      ready[id] = at;
      serverMakespan = Math.max(serverMakespan, at);
      sum += at;
    }
    makespan = Math.max(makespan, serverMakespan);
    servers.push({
      server: server.id,
      registry: path?.registry ?? null,
      bandwidthMbps: path?.bandwidthMbps ?? null,
      latencyMs: path?.latencyMs ?? null,
      pullBytes,
      pulls,
      ready,
      makespanSeconds: serverMakespan,
      unreachable,
    });
  }
  return { servers, makespanSeconds: makespan, sumSeconds: sum };
}
