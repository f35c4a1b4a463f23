// Random small version-2 problems for the property tests: the constrained sample of
// small-problems.fixture.ts with a network small enough to check by hand (3–4 servers, 1–2
// registries, some servers reaching none, some server pairs with no path), 2–3 services with
// dependencies, and sometimes a current placement. Their network terms are written here again
// straight from docs/placement-format.md, apart from lib/placement/terms, so the enumeration
// checks the judge as well as the heuristics.
import { createPrng, randomInt } from './prng';
import { drawSmallProblem, type SmallProblemSize } from './small-problems.fixture';
import type { Dependency, ObjectiveWeights, PlacementProblem, RegistryPath, ServerLatency } from './types';

/** which weights are > 0: one network term alone, or every term with storage */
export type TermMix = 'startup' | 'traffic' | 'moves' | 'mixed';
export const TERM_MIXES: readonly TermMix[] = ['startup', 'traffic', 'moves', 'mixed'];

const MB = 1_000_000;

export function randomNetworkProblem(seed: number, mix: TermMix, size: SmallProblemSize = { servers: [3, 4], containers: [5, 8] }): PlacementProblem {
  return addRandomNetwork(drawSmallProblem(seed, size), seed, mix);
}

/**
 * `base` with a random network, services, dependencies, maybe a current placement, and the
 * weights of `mix`. `gaps` (the default) leaves some servers without a registry and some server
 * pairs without a path; without gaps every server reaches a registry and every other server,
 * so a large problem stays feasible.
 */
export function addRandomNetwork(base: PlacementProblem, seed: number, mix: TermMix, gaps = true): PlacementProblem {
  const random = createPrng(seed * 7919 + TERM_MIXES.indexOf(mix));
  const chance = (p: number) => random() < p;
  const ids = base.servers.map((s) => s.id);

  const registries = Array.from({ length: randomInt(random, 1, 2) }, (_, r) => ({ id: `reg-${r}` }));
  const pulls: RegistryPath[] = [];
  for (const server of ids) {
    if (gaps && chance(0.15)) continue; // reaches no registry: may only host what it holds already
    for (const { id } of registries) {
      if (pulls.some((p) => p.server === server) && chance(0.4)) continue;
      pulls.push({ server, registry: id, bandwidthMbps: randomInt(random, 1, 10) * 100, latencyMs: randomInt(random, 1, 400) });
    }
  }
  const latencies: ServerLatency[] = [];
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) if (!gaps || chance(0.8)) latencies.push({ a: ids[a], b: ids[b], latencyMs: randomInt(random, 1, 40) });
  }

  const serviceCount = randomInt(random, 2, 3);
  const containers = base.containers.map((c, i) => ({ ...c, service: `svc-${i < serviceCount ? i : randomInt(random, 0, serviceCount - 1)}` }));
  const dependencies: Dependency[] = [];
  const pairs: [number, number][] = [];
  for (let a = 0; a < serviceCount; a++) for (let b = 0; b < serviceCount; b++) if (a !== b) pairs.push([a, b]);
  for (let k = randomInt(random, 1, Math.min(3, pairs.length)); k > 0; k--) {
    const [a, b] = pairs.splice(randomInt(random, 0, pairs.length - 1), 1)[0];
    dependencies.push({
      from: `svc-${a}`,
      to: `svc-${b}`,
      trafficMbps: randomInt(random, 1, 20),
      ...(chance(0.2) ? { via: [ids[randomInt(random, 0, ids.length - 1)]] } : {}),
    });
  }

  const withCurrent = mix === 'moves' || chance(0.5);
  const current = withCurrent
    ? {
        assignment: Object.fromEntries(containers.filter(() => chance(0.85)).map((c) => [c.id, chance(0.1) ? 'gone-server' : ids[randomInt(random, 0, ids.length - 1)]])),
        movePenaltyBytes: randomInt(random, 0, 20) * MB,
      }
    : undefined;

  const weights: ObjectiveWeights = {
    startup: { storage: 0, startup: 1, traffic: 0, moves: 0 },
    traffic: { storage: 0, startup: 0, traffic: 1, moves: 0 },
    moves: { storage: 0, startup: 0, traffic: 0, moves: 1 },
    // Exchange rates that make each term matter: a second of start-up against 5–40 MB,
    // 1 Mbit/s·ms of traffic against 20–200 kB.
    mixed: { storage: 1, startup: randomInt(random, 5, 40) * MB, traffic: randomInt(random, 20, 200) * 1000, moves: withCurrent ? randomInt(random, 1, 3) / 2 : 0 },
  }[mix];

  return {
    ...base,
    version: 2,
    containers,
    network: { registries, pulls, latencies },
    dependencies,
    ...(current ? { current } : {}),
    weights,
  };
}

/**
 * The weighted network terms of a partial assignment (`where[i]` = server index, -1 unplaced),
 * Infinity once a network rule is broken, for enumerateOptimum. Every term only grows as
 * containers are added: pulls, replica pairs (weighted with the full replica counts) and moves.
 */
export function networkCostOf(problem: PlacementProblem): (where: Int32Array) => number {
  const { servers, containers, network, dependencies = [], current } = problem;
  const weights = problem.weights!;
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const layersOf = containers.map((c) => [...new Set(c.layers)]);
  const held = servers.map((s) => new Set(s.cachedLayers ?? []));
  const currentServer = containers.map((c) => (current && Object.hasOwn(current.assignment, c.id) ? current.assignment[c.id] : null));
  containers.forEach((_, i) => {
    const j = servers.findIndex((s) => s.id === currentServer[i]);
    if (j >= 0) for (const d of layersOf[i]) held[j].add(d);
  });
  const paths = servers.map((s) => network!.pulls.filter((p) => p.server === s.id));
  const pullsApply = network!.registries.length > 0;
  const ms = (a: number, b: number) => {
    if (a === b) return 0;
    const link = network!.latencies.find((l) => (l.a === servers[a].id && l.b === servers[b].id) || (l.b === servers[a].id && l.a === servers[b].id));
    return link ? link.latencyMs : Infinity;
  };
  const serverIndex = new Map(servers.map((s, j) => [s.id, j]));
  const chain = (a: number, b: number, via: string[] = []) => {
    let total = 0,
      at = a;
    for (const hop of via) {
      total += ms(at, serverIndex.get(hop)!);
      at = serverIndex.get(hop)!;
    }
    return total + ms(at, b);
  };
  const replicas = (service: string) => containers.flatMap((c, i) => (c.service === service ? [i] : []));
  const links = dependencies.filter((d) => d.trafficMbps > 0).map((d) => ({ d, callers: replicas(d.from), callees: replicas(d.to) }));

  return (where) => {
    let makespan = 0;
    for (let j = 0; j < servers.length; j++) {
      const pulled = new Set<string>();
      where.forEach((k, i) => {
        if (k === j) for (const d of layersOf[i]) if (!held[j].has(d)) pulled.add(d);
      });
      let bytes = 0;
      for (const d of pulled) bytes += size.get(d)!;
      if (bytes === 0 || !pullsApply) continue;
      if (paths[j].length === 0) return Infinity;
      makespan = Math.max(makespan, Math.min(...paths[j].map((p) => p.latencyMs / 1000 + (bytes * 8) / (p.bandwidthMbps * 1e6))));
    }
    let traffic = 0;
    for (const { d, callers, callees } of links) {
      let sum = 0;
      for (const a of callers) {
        for (const b of callees) {
          if (where[a] < 0 || where[b] < 0) continue;
          const latency = chain(where[a], where[b], d.via);
          if (latency === Infinity) return Infinity;
          sum += latency;
        }
      }
      traffic += (d.trafficMbps * sum) / (callers.length * callees.length);
    }
    let moves = 0;
    const brought = servers.map(() => new Set<string>());
    where.forEach((k, i) => {
      if (k < 0 || currentServer[i] === null || currentServer[i] === servers[k].id) return;
      moves++;
      for (const d of layersOf[i]) if (!held[k].has(d)) brought[k].add(d);
    });
    let moveBytes = 0;
    for (const set of brought) for (const d of set) moveBytes += size.get(d)!;
    return weights.startup * makespan + weights.traffic * traffic + weights.moves * (moveBytes + (current?.movePenaltyBytes ?? 0) * moves);
  };
}
