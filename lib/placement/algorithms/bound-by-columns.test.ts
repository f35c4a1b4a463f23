import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compile-problem';
import { Deadline } from '../deadline';
import { loadHighsEngine } from '../engines/highs-engine';
import { evaluate } from '../evaluate';
import { generateProblem } from '../generate-problem';
import { createPrng } from '../prng';
import { enumerateOptimum, randomConstrainedProblem } from '../small-problems.fixture';
import { solvePlacement } from '../solve-placement';
import { buildPlacementModel } from '../build-placement-model';
import type { PlacementProblem } from '../types';
import { boundByColumns, serverClasses } from './bound-by-columns';
import { priceByBranchAndBound } from './price-by-branch-and-bound';
import { layerCopiesBound, layerCopiesNeeded } from './layer-copies-bound';
import { runGreedySearch } from './run-greedy-search';

const SEEDS = Array.from({ length: 40 }, (_, k) => 30_000 + k);

/** The same problem with every server a copy of the first (ids and sites kept): one class, where branching needs pairs. */
const identicalServers = (p: PlacementProblem): PlacementProblem => ({ ...p, servers: p.servers.map((s) => ({ ...p.servers[0], id: s.id, site: s.site })) });

describe('column generation bound', () => {
  it('never exceeds the enumerated optimum, and proves infeasibility only when no placement exists', async () => {
    const engine = await loadHighsEngine();
    let infeasible = 0,
      bounded = 0;
    for (const seed of SEEDS) {
      const problem = randomConstrainedProblem(seed);
      const optimum = enumerateOptimum(problem)?.cost ?? null;
      const cp = compileProblem(problem);
      if (cp.infeasibleReason) continue;
      const incumbent = optimum === null ? null : runGreedySearch(cp, new Deadline(30).subWork(1e6), createPrng(seed)).state;
      const outcome = await boundByColumns(cp, engine, new Deadline(30), incumbent);
      if (outcome.infeasible) {
        infeasible++;
        expect(optimum, `seed ${seed}`).toBeNull();
      }
      if (outcome.bound !== null && optimum !== null) {
        bounded++;
        expect(outcome.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum);
      }
      if (outcome.unitServer) {
        const assignment: Record<string, string> = {};
        problem.containers.forEach((c, i) => (assignment[c.id] = problem.servers[outcome.unitServer![cp.unitOfContainer[i]]].id));
        expect(evaluate(problem, assignment).violations, `seed ${seed}`).toEqual([]);
      }
    }
    expect(bounded).toBeGreaterThan(10);
    expect(infeasible).toBeGreaterThan(0);
  }, 300_000);

  it('branch and price: its bound never exceeds the enumerated optimum, and a closed tree is the optimum', async () => {
    const engine = await loadHighsEngine();
    let proved = 0,
      shared = 0;
    for (const seed of SEEDS) {
      for (const problem of [randomConstrainedProblem(seed), identicalServers(randomConstrainedProblem(seed))]) {
        const optimum = enumerateOptimum(problem)?.cost ?? null;
        const cp = compileProblem(problem);
        if (cp.infeasibleReason) continue;
        if (serverClasses(cp, true).length < cp.servers.length) shared++;
        // Half of them start without a placement: phase 1, then placements from the tree alone.
        const incumbent = optimum !== null && seed % 2 === 0 ? runGreedySearch(cp, new Deadline(30).subWork(1e6), createPrng(seed)).state : null;
        const outcome = await boundByColumns(cp, engine, new Deadline(30), incumbent);
        if (outcome.bound !== null && optimum !== null) expect(outcome.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum);
        if (outcome.infeasible) expect(optimum, `seed ${seed}`).toBeNull();
        if (outcome.proved) {
          proved++;
          const cost = outcome.unitServer ? costOf(problem, cp, outcome.unitServer) : incumbent!.cost;
          expect(cost, `seed ${seed}`).toBe(optimum);
        }
      }
    }
    expect(proved).toBeGreaterThan(40);
    expect(shared).toBeGreaterThan(10);
  }, 300_000);

  it('with the root tuned (automatic smoothing, exact pricing every third round, runners-up, a pricing gap, the compact start) the bound stays below the enumerated optimum and a closed tree is the optimum', async () => {
    const engine = await loadHighsEngine();
    let proved = 0,
      bounded = 0;
    for (const seed of SEEDS) {
      const problem = seed % 2 ? randomConstrainedProblem(seed) : identicalServers(randomConstrainedProblem(seed));
      const optimum = enumerateOptimum(problem)?.cost ?? null;
      const cp = compileProblem(problem);
      if (cp.infeasibleReason || optimum === null) continue;
      const incumbent = runGreedySearch(cp, new Deadline(30).subWork(1e6), createPrng(seed)).state;
      const outcome = await boundByColumns(cp, engine, new Deadline(30), incumbent, {
        autoSmoothing: true,
        smoothing: 0.9,
        heuristicFirst: true,
        exactEvery: 3,
        runnersUp: 3,
        pricingGap: seed % 3 === 0 ? 0.2 : 0,
        compactStart: true,
      });
      if (outcome.bound !== null) {
        bounded++;
        expect(outcome.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum);
      }
      if (outcome.proved) {
        proved++;
        expect(outcome.unitServer ? costOf(problem, cp, outcome.unitServer) : incumbent!.cost, `seed ${seed}`).toBe(optimum);
      }
    }
    expect(bounded).toBeGreaterThan(10);
    expect(proved).toBeGreaterThan(10);
  }, 300_000);

  it('phase 1 proves that no placement exists where every container fits alone but no two share a server', async () => {
    const problem: PlacementProblem = {
      version: 1,
      objective: 'storage',
      layers: [{ digest: 'sha256:a', size: 1_000_000 }],
      servers: ['s0', 's1'].map((id) => ({ id, storage: 10_000_000, cpu: 2, memory: 4096, bandwidth: 100 })),
      containers: ['c0', 'c1', 'c2'].map((id) => ({ id, layers: ['sha256:a'], cpu: 1.5, memory: 512, bandwidth: 10 })),
      policies: [],
    };
    const cp = compileProblem(problem);
    expect(cp.infeasibleReason).toBeNull();
    const outcome = await boundByColumns(cp, await loadHighsEngine(), new Deadline(30), null, { branching: false });
    expect(outcome.infeasible).toBe(true);
    expect(outcome.nodes).toBe(1);
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning: { columnGeneration: true } });
    expect(result.status).toBe('infeasible');
  });

  it('the converged master LP is at least the compact LP with capacity linking (it holds in every column)', async () => {
    const engine = await loadHighsEngine();
    const problems = [
      ...[1, 2, 3, 4].map((seed) => generateProblem({ servers: 4, containers: 14, seed, capacityScale: 0.8 })),
      ...SEEDS.slice(0, 12).map((seed) => randomConstrainedProblem(seed)),
    ];
    let compared = 0;
    for (const problem of problems) {
      const cp = compileProblem(problem);
      if (cp.infeasibleReason || !enumerateOptimumOrSkip(problem)) continue;
      // Without a placement to stop at, the root LP runs to convergence.
      const outcome = await boundByColumns(cp, engine, new Deadline(60), null, { branching: false, integerShare: 0 });
      const compact = engine.solve(buildPlacementModel(cp, { capacityLinking: true, layerCover: false }).milp, { relax: true, timeLimitSec: 30 });
      if (!outcome.converged || outcome.masterValue === null || compact.objective === null) continue;
      compared++;
      expect(outcome.masterValue).toBeGreaterThanOrEqual(compact.objective - 1e-6 * Math.max(1, compact.objective));
      expect(outcome.bound! / 1e6).toBeLessThanOrEqual(outcome.masterValue + 1e-6);
    }
    expect(compared).toBeGreaterThan(5);
  }, 300_000);

  it('layer-cover rows: the bound stays below the enumerated optimum (identical replicas too), and the converged root is never weaker', async () => {
    const engine = await loadHighsEngine();
    let compared = 0,
      bounded = 0,
      covers = 0;
    for (const seed of SEEDS.slice(0, 24)) {
      for (const problem of [randomConstrainedProblem(seed), withReplicas(randomConstrainedProblem(seed)), withBase(withReplicas(randomConstrainedProblem(seed)))]) {
        const optimum = enumerateOptimum(problem)?.cost ?? null;
        const cp = compileProblem(problem);
        if (cp.infeasibleReason || optimum === null) continue;
        if (layerCopiesNeeded(cp).some((k) => k >= 2)) covers++;
        const root = (layerCover: boolean) => boundByColumns(cp, engine, new Deadline(60), null, { branching: false, integerShare: 0, layerCover });
        const [plain, covered] = [await root(false), await root(true)];
        if (covered.bound !== null) {
          bounded++;
          expect(covered.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum);
          expect(covered.bound, `seed ${seed}`).toBeGreaterThanOrEqual(Math.min(optimum, layerCopiesBound(cp)) - 2);
        }
        if (!plain.converged || !covered.converged || plain.masterValue === null || covered.masterValue === null) continue;
        compared++;
        expect(covered.masterValue, `seed ${seed}`).toBeGreaterThanOrEqual(plain.masterValue - 1e-6 * Math.max(1, plain.masterValue));
      }
    }
    expect(bounded).toBeGreaterThan(30);
    expect(compared).toBeGreaterThan(20);
    // Instances where some layer needs two copies or more, so that the master has cover rows.
    expect(covers).toBeGreaterThan(15);
  }, 300_000);

  it('with the closure in pricing and from the compact LP duals: the bound stays below the enumerated optimum, and the converged root has the same master value', async () => {
    const engine = await loadHighsEngine();
    let compared = 0,
      bounded = 0;
    for (const seed of SEEDS.slice(0, 20)) {
      for (const problem of [randomConstrainedProblem(seed), withReplicas(randomConstrainedProblem(seed))]) {
        const optimum = enumerateOptimum(problem)?.cost ?? null;
        const cp = compileProblem(problem);
        if (cp.infeasibleReason || optimum === null) continue;
        const incumbent = runGreedySearch(cp, new Deadline(30).subWork(1e6), createPrng(seed)).state;
        const root = (extra: object) => boundByColumns(cp, engine, new Deadline(60), incumbent, { branching: false, integerShare: 0, ...extra });
        const plain = await root({});
        const changed = await root({ closure: { searchDepth: Infinity }, compactStart: true });
        if (changed.bound !== null) {
          bounded++;
          expect(changed.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum);
        }
        // Both roots converged below the incumbent: the same LP, whatever the path.
        if (!plain.converged || !changed.converged || plain.masterValue === null || changed.masterValue === null) continue;
        const ceiling = (incumbent?.cost ?? Infinity) / 1e6 - 1e-6;
        if (plain.masterValue >= ceiling || changed.masterValue >= ceiling) continue;
        compared++;
        expect(changed.masterValue, `seed ${seed}`).toBeCloseTo(plain.masterValue, 4);
      }
    }
    expect(bounded).toBeGreaterThan(10);
    expect(compared).toBeGreaterThan(3);
  }, 300_000);

  it('exact with column generation proves the enumerated optimum', async () => {
    for (const seed of SEEDS.slice(0, 15)) {
      const problem = randomConstrainedProblem(seed);
      const optimum = enumerateOptimum(problem)?.cost ?? null;
      const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 60, exactTuning: { columnGeneration: true } });
      if (optimum === null) expect(result.status, `seed ${seed}`).toBe('infeasible');
      else {
        expect(result.status, `seed ${seed}`).toBe('optimal');
        expect(result.cost, `seed ${seed}`).toBe(optimum);
      }
    }
  }, 300_000);

  it('exact with the root tuned for its bound (exactTuning.boundRoot, no compact MIP first) still proves the enumerated optimum', async () => {
    let proved = 0;
    for (const seed of SEEDS.slice(0, 12)) {
      const problem = randomConstrainedProblem(seed);
      const optimum = enumerateOptimum(problem)?.cost ?? null;
      const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 60, exactTuning: { boundRoot: true, columnShare: 1 } });
      if (optimum === null) expect(result.status, `seed ${seed}`).toBe('infeasible');
      else {
        expect(result.lowerBound!, `seed ${seed}`).toBeLessThanOrEqual(optimum);
        expect(result.status, `seed ${seed}`).toBe('optimal');
        expect(result.cost, `seed ${seed}`).toBe(optimum);
        proved++;
      }
    }
    expect(proved).toBeGreaterThan(5);
  }, 300_000);

  it.each([
    [4, 0.8],
    [5, 0.6],
    [6, 1],
  ])('pricing by branch and bound finds the most profitable column (checked by enumeration, seed %i, capacity ×%f)', (seed, capacityScale) => {
    const problem = generateProblem({ servers: 3, containers: 12, seed, capacityScale });
    const cp = compileProblem(problem);
    const random = createPrng(seed + 5);
    const values = cp.units.map(() => random() * 200);
    const groupsOf = cp.units.map(() => [] as number[]);
    for (let j = 0; j < cp.servers.length; j++) {
      // Cover-row duals discount some layers (never below zero).
      const discount = Float64Array.from(cp.layerSize, (size) => (random() < 0.5 ? (random() * size) / 1e6 : 0));
      const priced = priceByBranchAndBound(cp, j, (u) => values[u], false, groupsOf, 1e7, { discount })!;
      // Every subset of the units eligible here, judged directly.
      const eligible = cp.units.map((_, u) => u).filter((u) => cp.units[u].eligible[j]);
      let best = 0;
      for (let mask = 1; mask < 1 << eligible.length; mask++) {
        const set = eligible.filter((_, k) => mask & (1 << k));
        const layers = new Set(set.flatMap((u) => [...cp.units[u].layers]));
        const sum = (r: 'cpu' | 'memory' | 'bandwidth') => set.reduce((s, u) => s + cp.units[u][r], 0);
        let disk = 0,
          discounted = 0;
        for (const l of layers) {
          disk += cp.layerSize[l];
          discounted += discount[l];
        }
        if (sum('cpu') > cp.servers[j].cpu + 1e-9 || sum('memory') > cp.servers[j].memory + 1e-9 || sum('bandwidth') > cp.servers[j].bandwidth + 1e-9) continue;
        if (disk + cp.servers[j].cachedBytes > cp.servers[j].storage) continue;
        const profit = set.reduce((s, u) => s + values[u], 0) - disk / 1e6 + discounted;
        best = Math.max(best, profit);
      }
      expect(priced.profit).toBeCloseTo(best, 6);
    }
  });
});

function costOf(problem: PlacementProblem, cp: ReturnType<typeof compileProblem>, unitServer: Int32Array): number | null {
  const assignment: Record<string, string> = {};
  problem.containers.forEach((c, i) => (assignment[c.id] = problem.servers[unitServer[cp.unitOfContainer[i]]].id));
  const judged = evaluate(problem, assignment);
  return judged.feasible ? judged.cost : null;
}

/** Every second container a replica of the one before it (same layers, demands, arch, accelerator). */
function withReplicas(problem: PlacementProblem): PlacementProblem {
  const containers = problem.containers.map((c, i) => (i % 2 === 1 ? { ...problem.containers[i - 1], id: c.id } : c));
  return { ...problem, containers };
}

/** One more layer under every container (a shared OS base): with several servers it needs several copies. */
function withBase(problem: PlacementProblem): PlacementProblem {
  const base = { digest: 'sha256:base', size: 30_000_000 };
  return {
    ...problem,
    layers: [...problem.layers, base],
    servers: problem.servers.map((s) => ({ ...s, storage: s.storage + base.size })),
    containers: problem.containers.map((c) => ({ ...c, layers: [...c.layers, base.digest] })),
  };
}

function enumerateOptimumOrSkip(problem: PlacementProblem): boolean {
  // generated 4 x 14 instances are too big to enumerate; only the small ones need the check
  return problem.containers.length > 8 || enumerateOptimum(problem) !== null;
}
