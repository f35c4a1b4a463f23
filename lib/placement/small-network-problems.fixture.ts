// Random small version-2 problems for the property tests: the small problems of
// small-problems.fixture.ts (every policy, arch, accelerators, cached layers, both objectives)
// with a network, services and dependencies, a current placement and weights drawn on top.
// Few enough assignments (at most 3^6) for bruteForceOptimum to judge every one with evaluate.
import { createPrng, randomInt } from './prng';
import { randomSmallProblem } from './small-problems.fixture';
import type { Dependency, ObjectiveWeights, PlacementProblem, RegistryPath, ServerLatency } from './types';

/** Which terms the weights switch on: one alone, or all of them. */
export type WeightEmphasis = 'storage' | 'startup' | 'traffic' | 'moves' | 'mixed';

// Exchange rates that make each term worth tens of MB, like the storage bytes: a second of
// start-up 20 MB, one Mbit/s·ms of traffic 0.2 MB, and the moves term counted in bytes.
const RATES = { storage: 1, startup: 2e7, traffic: 2e5, moves: 1 };

function weightsFor(emphasis: WeightEmphasis, random: () => number): ObjectiveWeights {
  if (emphasis === 'mixed') {
    const scale = () => [0.2, 1, 5][randomInt(random, 0, 2)];
    return { storage: RATES.storage * scale(), startup: RATES.startup * scale(), traffic: RATES.traffic * scale(), moves: RATES.moves * scale() };
  }
  return { storage: 0, startup: 0, traffic: 0, moves: 0, [emphasis]: RATES[emphasis] };
}

export function randomNetworkProblem(seed: number, emphasis: WeightEmphasis): PlacementProblem {
  const base = randomSmallProblem(seed);
  const random = createPrng(seed * 7919 + emphasis.length);
  const chance = (p: number) => random() < p;
  const servers = base.servers.map((s) => s.id);

  // Two to three services; containers of one service are its replicas.
  const serviceCount = randomInt(random, 2, 3);
  const containers = base.containers.map((c, i) => ({ ...c, service: `svc${i < serviceCount ? i : randomInt(random, 0, serviceCount - 1)}` }));

  // A near registry on a thin path and a far one on a wide path: which one finishes a server's
  // pull first depends on how much it pulls.
  const registries = Array.from({ length: chance(0.35) ? 1 : 2 }, (_, k) => ({ id: `reg${k}` }));
  const pulls: RegistryPath[] = [];
  for (const server of servers) {
    for (const { id } of registries) {
      // Sometimes a server reaches no registry: it may then only take what it holds.
      if (!chance(0.9)) continue;
      const near = id === 'reg0';
      pulls.push({
        server,
        registry: id,
        bandwidthMbps: near ? [20, 50, 100][randomInt(random, 0, 2)] : 1000,
        latencyMs: near ? randomInt(random, 1, 50) : randomInt(random, 200, 900),
      });
    }
  }
  const latencies: ServerLatency[] = [];
  for (let a = 0; a < servers.length; a++) {
    for (let b = a + 1; b < servers.length; b++) {
      // Sometimes no path joins two servers: dependent replicas may not sit on both.
      if (chance(0.85)) latencies.push({ a: servers[a], b: servers[b], latencyMs: randomInt(random, 1, 60) });
    }
  }
  const dependencies: Dependency[] = [];
  const services = [...new Set(containers.map((c) => c.service))];
  const listed = new Set<string>();
  for (let k = randomInt(random, 1, 3); k > 0; k--) {
    const from = services[randomInt(random, 0, services.length - 1)];
    const to = services[randomInt(random, 0, services.length - 1)];
    // The schema refuses a service calling itself and a pair listed twice.
    if (from === to || listed.has(`${from}>${to}`)) continue;
    listed.add(`${from}>${to}`);
    dependencies.push({
      from,
      to,
      trafficMbps: chance(0.1) ? 0 : randomInt(random, 1, 50),
      ...(chance(0.25) ? { via: [servers[randomInt(random, 0, servers.length - 1)]] } : {}),
    });
  }
  // The placement in force: most containers placed, some on a server that is gone, some new.
  const assignment: Record<string, string> = {};
  for (const c of containers) {
    if (chance(0.15)) continue;
    assignment[c.id] = chance(0.1) ? 'gone-server' : servers[randomInt(random, 0, servers.length - 1)];
  }
  return {
    ...base,
    version: 2,
    containers,
    network: { registries, pulls, latencies },
    dependencies,
    current: { assignment, movePenaltyBytes: randomInt(random, 0, 30) * 1_000_000 },
    weights: weightsFor(emphasis, random),
  };
}
