import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { bruteForceOptimum, enumerateOptimum, randomConstrainedProblem, randomSmallProblem } from './small-problems.fixture';
import { solvePlacement } from './solve-placement';
import type { PlacementProblem } from './types';

// The sample: random constrained instances of 3–4 edge servers and 6–8 containers, each
// with its optimum by complete enumeration. Infeasible draws are skipped until 300 remain.
const WANTED = 300;
type Instance = { seed: number; problem: PlacementProblem; optimum: number };
const instances: Instance[] = [];
for (let seed = 20_000; instances.length < WANTED; seed++) {
  const problem = randomConstrainedProblem(seed);
  const best = enumerateOptimum(problem);
  if (best) instances.push({ seed, problem, optimum: best.cost });
}

describe('greedy and relax against enumerated optima (300 random constrained instances)', () => {
  it('the enumeration agrees with judging every assignment by evaluate, on the original sample', () => {
    for (let seed = 1000; seed < 1080; seed++) {
      const problem = randomSmallProblem(seed);
      expect(enumerateOptimum(problem)?.cost ?? null).toBe(bruteForceOptimum(problem));
    }
  });

  it('the sample is constrained: every policy type, both objectives, 3–4 servers, 6–8 containers', () => {
    const types = new Set(instances.flatMap((i) => i.problem.policies.map((p) => p.type)));
    expect([...types].sort()).toEqual(['affinity', 'anti-affinity', 'max-utilisation', 'pin', 'spread']);
    expect(instances.some((i) => i.problem.objective === 'download')).toBe(true);
    expect(instances.every((i) => i.problem.servers.length >= 3 && i.problem.servers.length <= 4)).toBe(true);
    expect(instances.every((i) => i.problem.containers.length >= 6 && i.problem.containers.length <= 8)).toBe(true);
    for (const { problem } of instances.slice(0, 20)) {
      const best = enumerateOptimum(problem)!;
      const judged = evaluate(problem, best.assignment);
      expect(judged.violations).toEqual([]);
      expect(judged.cost).toBe(best.cost);
    }
  });

  for (const algorithm of ['greedy', 'relax'] as const) {
    it(`${algorithm}: valid on all, within 1% of the optimum on all, at the optimum on at least 98%`, async () => {
      const far: string[] = [];
      let atOptimum = 0;
      for (const { seed, problem, optimum } of instances) {
        const result = await solvePlacement(problem, { algorithm, engine: 'highs', seed, timeLimitSec: 60 });
        expect(result.status, `seed ${seed}`).toBe('feasible');
        const judged = evaluate(problem, result.assignment!);
        expect(judged.violations, `seed ${seed}`).toEqual([]);
        expect(result.cost).toBe(judged.cost);
        expect(result.cost!, `seed ${seed}`).toBeGreaterThanOrEqual(optimum);
        if (result.lowerBound !== null) expect(result.lowerBound, `seed ${seed}`).toBeLessThanOrEqual(optimum);
        if (result.cost! <= optimum) atOptimum++;
        if (result.cost! > optimum * 1.01) far.push(`seed ${seed}: ${result.cost} vs ${optimum}`);
      }
      expect(far).toEqual([]);
      expect(atOptimum / instances.length).toBeGreaterThanOrEqual(0.98);
    }, 600_000);
  }
});
