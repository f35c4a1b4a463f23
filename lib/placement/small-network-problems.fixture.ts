// The version-2 problems of network-problems.fixture.ts at the size bruteForceOptimum can judge
// (3 to 6 containers, since each of up to 3 services needs one; at most 3^6 assignments, every
// one through evaluate), with two changes for exact's tests: registry paths drawn so that the
// choice matters (a near registry on a thin path and a far one on a wide path, which wins
// depends on how much a server pulls), and one more weighting: storage alone, where the network
// only rules placements out.
import { chooseHub } from './algorithms/split-on-hub';
import { buildPlacementModel } from './build-placement-model';
import type { CompiledProblem } from './compile-problem';
import { deriveNetworkCoefficients } from './derive-network-coefficients';
import { randomNetworkProblem, type TermMix } from './network-problems.fixture';
import { createPrng, randomInt } from './prng';
import type { PlacementProblem, RegistryPath } from './types';

export type WeightEmphasis = TermMix | 'storage';

export function randomSmallNetworkProblem(seed: number, emphasis: WeightEmphasis): PlacementProblem {
  const size = { servers: [2, 3] as [number, number], containers: [3, 6] as [number, number] };
  const problem = randomNetworkProblem(seed, emphasis === 'storage' ? 'mixed' : emphasis, size);
  const random = createPrng(seed * 104_729 + 1);
  const registries = [{ id: 'near' }, { id: 'far' }];
  const pulls: RegistryPath[] = [];
  for (const { id } of problem.servers) {
    // Sometimes a server reaches no registry, or only one.
    if (random() < 0.1) continue;
    if (random() < 0.85) pulls.push({ server: id, registry: 'near', bandwidthMbps: [20, 50, 100][randomInt(random, 0, 2)], latencyMs: randomInt(random, 1, 50) });
    if (random() < 0.75) pulls.push({ server: id, registry: 'far', bandwidthMbps: 1000, latencyMs: randomInt(random, 200, 900) });
  }
  return {
    ...problem,
    network: { ...problem.network!, registries, pulls },
    ...(emphasis === 'storage' ? { weights: { storage: 1, startup: 0, traffic: 0, moves: 0 } } : {}),
  };
}

/** One more replica of the first container, no current placement: a class of identical units. */
export function withReplica(problem: PlacementProblem): PlacementProblem {
  const [first] = problem.containers;
  return { ...problem, current: undefined, containers: [...problem.containers, { ...first, id: `${first.id}-replica` }] };
}

/** exact's network model of a compiled problem (pairs, every traffic cut) and the hub it splits on. */
export function hubModel(cp: CompiledProblem) {
  const net = deriveNetworkCoefficients(cp);
  const model = buildPlacementModel(cp, {
    capacityLinking: true,
    layerCover: true,
    network: { coefficients: net, traffic: 'pairs', startupUnitCuts: true, trafficCuts: ['colocation', 'neighbourhood', 'layers'] },
  });
  return { net, model, hub: chooseHub(cp, net, model.xCol) };
}
