import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProblem } from './compile-problem';
import { boundFromStorage, deriveNetworkCoefficients } from './derive-network-coefficients';
import { evaluate } from './evaluate';
import { parsePlacementProblem } from './problem-schema';
import { bruteForceOptimum, randomSmallProblem } from './small-problems.fixture';
import { randomSmallNetworkProblem as randomNetworkProblem } from './small-network-problems.fixture';
import { solvePlacement } from './solve-placement';
import type { PlacementProblem } from './types';

const MB = 1_000_000;

/** The version-2 example of docs/placement-format.md, as the format test reads it. */
function documentedProblem(): PlacementProblem {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../../docs/placement-format.md'), 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m): unknown => JSON.parse(m[1]));
  const parsed = parsePlacementProblem(blocks[1]);
  if (!parsed.ok) throw new Error('the documented example does not parse');
  return parsed.problem;
}

describe('exact with the network terms, by hand', () => {
  it("proves the documented example's placement optimal: 129 MB stored, 3.38 s start-up, 160 Mbit/s·ms", async () => {
    const result = await solvePlacement(documentedProblem(), { algorithm: 'exact', engine: 'highs', timeLimitSec: 10 });
    expect(result.status).toBe('optimal');
    expect(result.cost).toBeCloseTo(178_800_000, 3);
    expect(result.assignment!['api-0']).toBe('edge-b');
    expect(result.terms).toMatchObject({ storageBytes: 129_000_000, trafficCost: 160 });
  });

  it('models the registry a server pulls from as the one that finishes first for what it pulls', async () => {
    // 100 MB: s1 pulls at 25 Mbit/s (32 s); s2 reaches a 20 Mbit/s registry (40 s) and a wide
    // far one (0.8 s + 0.8 s). Only the far registry makes s2 the better server.
    const problem: PlacementProblem = {
      version: 2,
      objective: 'storage',
      weights: { storage: 0, startup: 1e6, traffic: 0, moves: 0 },
      layers: [{ digest: 'app', size: 100 * MB }],
      servers: ['s1', 's2'].map((id) => ({ id, storage: 1000 * MB, cpu: 4, memory: 4096, bandwidth: 1000 })),
      containers: [{ id: 'c', layers: ['app'], cpu: 1, memory: 256, bandwidth: 10 }],
      policies: [],
      network: {
        registries: [{ id: 'near' }, { id: 'far' }],
        pulls: [
          { server: 's1', registry: 'near', bandwidthMbps: 25, latencyMs: 5 },
          { server: 's2', registry: 'near', bandwidthMbps: 20, latencyMs: 5 },
          { server: 's2', registry: 'far', bandwidthMbps: 1000, latencyMs: 800 },
        ],
        latencies: [],
      },
    };
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 10 });
    expect(result.status).toBe('optimal');
    expect(result.assignment).toEqual({ c: 's2' });
    expect(result.terms!.startupSeconds).toBeCloseTo(1.6, 9);
  });

  it('lets a server that reaches no registry host a container whose only missing layers are empty, as evaluate does', async () => {
    // s1 holds the base and reaches no registry; the 0-byte layer pulls nothing, so c fits there.
    const problem: PlacementProblem = {
      version: 2,
      objective: 'storage',
      weights: { storage: 1, startup: 1e6, traffic: 0, moves: 0 },
      layers: [
        { digest: 'base', size: 50 * MB },
        { digest: 'empty', size: 0 },
      ],
      servers: [{ id: 's1', storage: 1000 * MB, cpu: 4, memory: 4096, bandwidth: 1000, cachedLayers: ['base'] }],
      containers: [{ id: 'c', layers: ['base', 'empty'], cpu: 1, memory: 256, bandwidth: 10 }],
      policies: [],
      network: { registries: [{ id: 'far' }], pulls: [], latencies: [] },
    };
    expect(evaluate(problem, { c: 's1' }).feasible).toBe(true);
    for (const algorithm of ['greedy', 'relax', 'exact'] as const) {
      const result = await solvePlacement(problem, { algorithm, engine: 'highs', timeLimitSec: 10 });
      expect(result.assignment, algorithm).toEqual({ c: 's1' });
      expect(result.terms!.startupSeconds, algorithm).toBe(0);
    }
    // One byte in the layer, and no placement is left.
    problem.layers[1].size = 1;
    expect((await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 10 })).status).toBe('infeasible');
  });

  it('keeps dependent replicas on servers a path joins even when traffic weighs nothing, and proves infeasibility when none can', async () => {
    const problem: PlacementProblem = {
      version: 2,
      objective: 'storage',
      layers: [
        { digest: 'a', size: 10 * MB },
        { digest: 'b', size: 10 * MB },
      ],
      // Each server takes one container: they must be apart, and s3 has no path to anyone.
      servers: ['s1', 's2', 's3'].map((id) => ({ id, storage: 1000 * MB, cpu: 1, memory: 4096, bandwidth: 1000 })),
      containers: [
        { id: 'web', service: 'web', layers: ['a'], cpu: 1, memory: 256, bandwidth: 10 },
        { id: 'db', service: 'db', layers: ['b'], cpu: 1, memory: 256, bandwidth: 10 },
      ],
      policies: [],
      network: { registries: [], pulls: [], latencies: [{ a: 's1', b: 's2', latencyMs: 3 }] },
      dependencies: [{ from: 'web', to: 'db', trafficMbps: 5 }],
    };
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 10 });
    expect(result.status).toBe('optimal');
    expect(new Set(Object.values(result.assignment!))).toEqual(new Set(['s1', 's2']));
    const cut: PlacementProblem = { ...problem, network: { ...problem.network!, latencies: [] } };
    const none = await solvePlacement(cut, { algorithm: 'exact', engine: 'highs', timeLimitSec: 10 });
    expect(none.status).toBe('infeasible');
  });

  it('refuses a server that must pull but reaches no registry, as evaluate does', () => {
    const problem = randomNetworkProblem(4003, 'startup');
    const cp = compileProblem(problem);
    const net = deriveNetworkCoefficients(cp);
    const S = problem.servers.length;
    cp.units.forEach((unit, u) => {
      for (let j = 0; j < S; j++) {
        if (!unit.eligible[j] || !net.forbidden[u * S + j]) continue;
        // Alone on that server, the unit would make it pull from nowhere.
        const assignment = Object.fromEntries(unit.containers.map((i) => [problem.containers[i].id, problem.servers[j].id]));
        expect(
          evaluate({ ...problem, containers: unit.containers.map((i) => problem.containers[i]), policies: [], dependencies: [] }, assignment).violations.map((v) => v.rule),
        ).toContain('registry');
      }
    });
  });
});

describe('lower bounds on the weighted objective', () => {
  const SEEDS = Array.from({ length: 30 }, (_, k) => 1000 + k);

  it('a bound on storage alone becomes one on the weighted cost of every valid placement', () => {
    // exact passes every storage-only bound (layer copies, relax's LP, the branch and price)
    // through boundFromStorage; those bound the storage of every valid placement (their own tests).
    let checked = 0;
    for (const seed of SEEDS) {
      for (const emphasis of ['storage', 'traffic', 'mixed'] as const) {
        const problem = randomNetworkProblem(seed, emphasis);
        const net = deriveNetworkCoefficients(compileProblem(problem));
        const S = problem.servers.length;
        const choice = problem.containers.map(() => 0);
        for (;;) {
          const verdict = evaluate(problem, Object.fromEntries(problem.containers.map((c, i) => [c.id, problem.servers[choice[i]].id])));
          if (verdict.feasible) {
            checked++;
            expect(boundFromStorage(net, verdict.terms.storageBytes)).toBeLessThanOrEqual(verdict.cost * (1 + 1e-12));
          }
          let k = 0;
          while (k < choice.length && ++choice[k] === S) choice[k++] = 0;
          if (k === choice.length) break;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.each(SEEDS)('seed %i: a storage-only bound counts times the storage weight', async (seed) => {
    // Storage weighted 0.001: the layer-copies bound in bytes would exceed the optimum 1000 times
    // over. (The branch and price, which prunes in bytes, stays out unless the weight is 1.)
    const problem: PlacementProblem = { ...randomSmallProblem(seed), version: 2, weights: { storage: 0.001, startup: 0, traffic: 0, moves: 0 } };
    const optimum = bruteForceOptimum(problem);
    // Also with all the time meant for the branch and price after a compact MIP that gets none.
    for (const exactTuning of [{}, { columnShare: 1 }]) {
      const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 20, exactTuning });
      if (optimum === null) {
        expect(result.status).toBe('infeasible');
        continue;
      }
      expect(result.status).toBe('optimal');
      expect(result.cost).toBeCloseTo(optimum, 6);
    }
    const greedyFirst = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 0.001 });
    if (optimum !== null && greedyFirst.lowerBound !== null) expect(greedyFirst.lowerBound).toBeLessThanOrEqual(optimum + 1e-6);
  });

  it.each(SEEDS)('seed %i: with start-up and traffic weighed too, every bound exact reports stays below the optimum', async (seed) => {
    const problem = randomNetworkProblem(seed, 'mixed');
    const optimum = bruteForceOptimum(problem);
    if (optimum === null) return;
    for (const timeLimitSec of [0.001, 20]) {
      for (const exactTuning of [{}, { columnShare: 1 }]) {
        const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec, exactTuning });
        if (result.lowerBound !== null) expect(result.lowerBound).toBeLessThanOrEqual(optimum * (1 + 1e-9));
        if (timeLimitSec === 20) expect(result.status).toBe('optimal');
      }
    }
  });
});
