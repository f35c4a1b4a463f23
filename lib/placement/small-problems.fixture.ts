// Random small problems for the property tests: few enough assignments to enumerate, with every
// feature of the contract switched on at random (arch, accelerators, cached layers, policies).
import { fitsWithin } from './capacity-tolerance';
import { evaluate } from './evaluate';
import { createPrng, randomInt } from './prng';
import type { Assignment, Container, Layer, PlacementProblem, Policy, Server } from './types';

export type SmallProblemSize = { servers: [number, number]; containers: [number, number] };

export function randomSmallProblem(seed: number): PlacementProblem {
  return drawSmallProblem(seed, { servers: [2, 3], containers: [2, 6] });
}

/** `size` bounds the server and container counts (inclusive). */
export function drawSmallProblem(seed: number, size: SmallProblemSize): PlacementProblem {
  const random = createPrng(seed);
  const chance = (p: number) => random() < p;
  const S = randomInt(random, size.servers[0], size.servers[1]);
  const N = randomInt(random, size.containers[0], size.containers[1]);
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
  const choice = new Array<number>(containers.length).fill(0);
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

/** The harder sample: 3–4 edge servers and 6–8 containers, every feature on at random. */
export function randomConstrainedProblem(seed: number): PlacementProblem {
  return drawSmallProblem(seed, { servers: [3, 4], containers: [6, 8] });
}

/**
 * The reference optimum for problems too big to judge every assignment with evaluate (4^8 of
 * them): a depth-first enumeration written straight from the spec's feasibility rules, which
 * drops a partial assignment only when a rule is already broken (every rule is monotone) or its
 * cost already reaches the best found. Returns the best assignment so the caller can confirm it
 * with evaluate, the one judge. `networkCost` (version-2 problems) adds the weighted network
 * terms of a partial assignment (`where[i]` = server index, -1 unplaced), Infinity when a
 * network rule is already broken; it must not decrease as containers are added.
 */
export function enumerateOptimum(problem: PlacementProblem, networkCost: ((where: Int32Array) => number) | null = null): { cost: number; assignment: Assignment } | null {
  const { containers, servers, layers, policies } = problem;
  const size = new Map(layers.map((l) => [l.digest, l.size]));
  const S = servers.length;
  const fraction = servers.map((s) => {
    let f = 1;
    for (const p of policies) if (p.type === 'max-utilisation' && (p.servers ?? [s.id]).includes(s.id)) f = Math.min(f, p.fraction);
    return f;
  });
  const cached = servers.map((s) => new Set(s.cachedLayers ?? []));
  const cachedBytes = cached.map((c) => [...c].reduce((sum, d) => sum + size.get(d)!, 0));
  const load = servers.map(() => ({ cpu: 0, memory: 0, bandwidth: 0, disk: 0 }));
  const refs = servers.map(() => new Map<string, number>());
  const where = new Int32Array(containers.length).fill(-1);
  const index = new Map(containers.map((c, i) => [c.id, i]));
  const storageWeight = problem.weights?.storage ?? 1;
  let cost = 0;
  const total = () => (networkCost ? storageWeight * cost + networkCost(where) : cost);
  let best: { cost: number; assignment: Assignment } | null = null;

  const allowed = (i: number, j: number): boolean => {
    const c = containers[i],
      s = servers[j];
    if (c.arch !== undefined && s.arch !== undefined && c.arch !== s.arch) return false;
    if (c.accelerator !== undefined && !(s.accelerators ?? []).includes(c.accelerator)) return false;
    for (const p of policies) {
      if (p.type === 'pin' && p.container === c.id && !p.servers.includes(s.id)) return false;
      if (p.type === 'affinity' && p.containers.includes(c.id)) {
        for (const other of p.containers) {
          const k = where[index.get(other)!];
          if (k >= 0 && k !== j) return false;
        }
      }
      if ((p.type === 'anti-affinity' || p.type === 'spread') && p.containers.includes(c.id)) {
        if (p.type === 'spread' && s.site === undefined) return false;
        for (const other of p.containers) {
          const k = where[index.get(other)!];
          if (k < 0 || other === c.id) continue;
          if (p.type === 'anti-affinity' ? k === j : servers[k].site === s.site) return false;
        }
      }
    }
    const l = load[j];
    for (const r of ['cpu', 'memory', 'bandwidth'] as const) {
      if (!fitsWithin(l[r] + c[r], s[r]) || !fitsWithin(l[r] + c[r], fraction[j] * s[r])) return false;
    }
    let extra = 0;
    for (const d of new Set(c.layers)) if (!refs[j].get(d) && !cached[j].has(d)) extra += size.get(d)!;
    return cachedBytes[j] + l.disk + extra <= s.storage;
  };

  const visit = (i: number) => {
    const value = total();
    if (value === Infinity || (best && value >= best.cost)) return;
    if (i === containers.length) {
      const assignment: Assignment = {};
      containers.forEach((c, k) => (assignment[c.id] = servers[where[k]].id));
      best = { cost: value, assignment };
      return;
    }
    const c = containers[i];
    const own = [...new Set(c.layers)];
    for (let j = 0; j < S; j++) {
      if (!allowed(i, j)) continue;
      const added: string[] = [];
      for (const d of own) {
        const n = refs[j].get(d) ?? 0;
        if (n === 0) {
          added.push(d);
          if (!cached[j].has(d)) load[j].disk += size.get(d)!;
          if (!(problem.objective === 'download' && cached[j].has(d))) cost += size.get(d)!;
        }
        refs[j].set(d, n + 1);
      }
      load[j].cpu += c.cpu;
      load[j].memory += c.memory;
      load[j].bandwidth += c.bandwidth;
      where[i] = j;
      visit(i + 1);
      where[i] = -1;
      load[j].cpu -= c.cpu;
      load[j].memory -= c.memory;
      load[j].bandwidth -= c.bandwidth;
      for (const d of own) refs[j].set(d, refs[j].get(d)! - 1);
      for (const d of added) {
        if (!cached[j].has(d)) load[j].disk -= size.get(d)!;
        if (!(problem.objective === 'download' && cached[j].has(d))) cost -= size.get(d)!;
      }
    }
  };
  visit(0);
  return best;
}
