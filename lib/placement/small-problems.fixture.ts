// Random small problems for the property tests: few enough assignments to enumerate, with every
// feature of the contract switched on at random (arch, accelerators, cached layers, policies).
import { evaluate } from './evaluate';
import { createPrng, randomInt } from './prng';
import type { Assignment, Container, Layer, PlacementProblem, Policy, Server } from './types';

export function randomSmallProblem(seed: number): PlacementProblem {
  const random = createPrng(seed);
  const chance = (p: number) => random() < p;
  const S = randomInt(random, 2, 3);
  const N = randomInt(random, 2, 6);
  const layers: Layer[] = Array.from({ length: randomInt(random, 3, 7) }, (_, l) => ({
    digest: `sha256:${seed}-${l}`,
    size: randomInt(random, 1, 60) * 1_000_000 + randomInt(random, 0, 999),
  }));
  const pickLayers = () => {
    const chosen = new Set<string>();
    const count = randomInt(random, 1, 3);
    for (let k = 0; k < count; k++) chosen.add(layers[randomInt(random, 0, layers.length - 1)].digest);
    return [...chosen];
  };
  const containers: Container[] = Array.from({ length: N }, (_, i) => ({
    id: `c${i}`,
    image: `img-${randomInt(random, 0, 3)}`,
    layers: pickLayers(),
    cpu: randomInt(random, 1, 4) / 2,
    memory: randomInt(random, 1, 8) * 128,
    bandwidth: randomInt(random, 0, 50),
    ...(chance(0.15) ? { arch: chance(0.5) ? 'amd64' : 'arm64' } : {}),
    ...(chance(0.1) ? { accelerator: 'gpu' } : {}),
  }));
  const layerBytes = layers.reduce((s, l) => s + l.size, 0);
  const tightness = 1.2 + random(); // near 1 forces spreading, sometimes makes it impossible
  const servers: Server[] = Array.from({ length: S }, (_, j) => ({
    id: `s${j}`,
    ...(chance(0.8) ? { site: `site-${randomInt(random, 0, 1)}` } : {}),
    storage: Math.round((layerBytes * tightness * randomInt(random, 2, 4)) / 4),
    cpu: Math.round(((N * 1.25 * tightness) / S) * 2 * randomInt(random, 2, 4)) / 4,
    memory: Math.round((N * 576 * tightness * randomInt(random, 2, 4)) / S / 2),
    bandwidth: Math.round((N * 25 * 2 * tightness) / S),
    ...(chance(0.3) ? { arch: chance(0.7) ? 'amd64' : 'arm64' } : {}),
    ...(chance(0.5) ? { accelerators: ['gpu'] } : {}),
    ...(chance(0.3) ? { cachedLayers: [layers[randomInt(random, 0, layers.length - 1)].digest] } : {}),
  }));
  const ids = containers.map((c) => c.id);
  const some = (min: number, max: number) => {
    const picked = new Set<string>();
    const count = randomInt(random, min, max);
    while (picked.size < Math.min(count, ids.length)) picked.add(ids[randomInt(random, 0, ids.length - 1)]);
    return [...picked];
  };
  const policies: Policy[] = [];
  if (chance(0.3)) policies.push({ type: 'anti-affinity', containers: some(2, 3) });
  if (chance(0.25)) policies.push({ type: 'affinity', containers: some(2, 2) });
  if (chance(0.25)) policies.push({ type: 'pin', container: ids[randomInt(random, 0, N - 1)], servers: [servers[randomInt(random, 0, S - 1)].id] });
  if (chance(0.2)) policies.push({ type: 'spread', containers: some(2, 2) });
  if (chance(0.25)) policies.push({ type: 'max-utilisation', fraction: 0.7 + 0.3 * random(), ...(chance(0.5) ? { servers: [servers[0].id] } : {}) });
  return { version: 1, objective: chance(0.3) ? 'download' : 'storage', layers, servers, containers, policies };
}

/** The reference optimum by enumeration of every assignment, judged by evaluate alone. */
export function bruteForceOptimum(problem: PlacementProblem, mode: 'sharing' | 'no-sharing' = 'sharing'): number | null {
  const { containers, servers } = problem;
  const choice = new Array(containers.length).fill(0);
  let best: number | null = null;
  for (;;) {
    const assignment: Assignment = {};
    containers.forEach((c, i) => (assignment[c.id] = servers[choice[i]].id));
    const result = evaluate(problem, assignment, mode);
    if (result.feasible && (best === null || result.cost < best)) best = result.cost;
    let k = 0;
    while (k < choice.length && ++choice[k] === servers.length) choice[k++] = 0;
    if (k === choice.length) return best;
  }
}
