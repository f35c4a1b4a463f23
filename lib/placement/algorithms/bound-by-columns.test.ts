import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compile-problem';
import { Deadline } from '../deadline';
import { loadHighsEngine } from '../engines/highs-engine';
import { evaluate } from '../evaluate';
import { generateProblem } from '../generate-problem';
import { createPrng } from '../prng';
import { enumerateOptimum, randomConstrainedProblem } from '../small-problems.fixture';
import { solvePlacement } from '../solve-placement';
import { boundByColumns, priceByBranchAndBound } from './bound-by-columns';
import { runGreedySearch } from './run-greedy-search';

const SEEDS = Array.from({ length: 40 }, (_, k) => 30_000 + k);

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

  it('pricing by branch and bound finds the most profitable column (checked by enumeration)', () => {
    const problem = generateProblem({ servers: 3, containers: 12, seed: 4, capacityScale: 0.8 });
    const cp = compileProblem(problem);
    const random = createPrng(9);
    const values = cp.units.map(() => random() * 200);
    const groupsOf = cp.units.map(() => [] as number[]);
    for (let j = 0; j < cp.servers.length; j++) {
      const priced = priceByBranchAndBound(cp, j, (u) => values[u], false, groupsOf, 1e7)!;
      // Every subset of the units eligible here, judged directly.
      const eligible = cp.units.map((_, u) => u).filter((u) => cp.units[u].eligible[j]);
      let best = 0;
      for (let mask = 1; mask < 1 << eligible.length; mask++) {
        const set = eligible.filter((_, k) => mask & (1 << k));
        const layers = new Set(set.flatMap((u) => [...cp.units[u].layers]));
        const sum = (r: 'cpu' | 'memory' | 'bandwidth') => set.reduce((s, u) => s + cp.units[u][r], 0);
        let disk = 0;
        for (const l of layers) disk += cp.layerSize[l];
        if (sum('cpu') > cp.servers[j].cpu + 1e-9 || sum('memory') > cp.servers[j].memory + 1e-9 || sum('bandwidth') > cp.servers[j].bandwidth + 1e-9) continue;
        if (disk + cp.servers[j].cachedBytes > cp.servers[j].storage) continue;
        const profit = set.reduce((s, u) => s + values[u], 0) - disk / 1e6;
        best = Math.max(best, profit);
      }
      expect(priced.profit).toBeCloseTo(best, 6);
    }
  });
});
