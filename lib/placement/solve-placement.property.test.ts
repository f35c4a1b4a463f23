import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { parsePlacementProblem } from './problem-schema';
import { bruteForceOptimum, randomSmallProblem } from './small-problems.fixture';
import { solvePlacement } from './solve-placement';
import { ALGORITHMS, type PlacementResult } from './types';

const SEEDS = Array.from({ length: 80 }, (_, k) => 1000 + k);

type Case = { seed: number; optimum: number | null; noSharingOptimum: number | null };
const cases: Case[] = SEEDS.map((seed) => {
  const problem = randomSmallProblem(seed);
  return { seed, optimum: bruteForceOptimum(problem), noSharingOptimum: bruteForceOptimum(problem, 'no-sharing') };
});

function checkAnswer(result: PlacementResult, seed: number) {
  const problem = randomSmallProblem(seed);
  expect(result.noSharingCost).toBe(evaluate(problem, {}, 'sharing').noSharingCost);
  if (result.status === 'optimal' || result.status === 'feasible') {
    const mode = result.algorithm === 'no-sharing' ? 'no-sharing' : 'sharing';
    const checked = evaluate(problem, result.assignment!, mode);
    expect(checked.violations).toEqual([]);
    expect(result.cost).toBe(checked.cost);
    expect(Object.keys(result.serverLayers!).sort()).toEqual(Object.keys(evaluate(problem, result.assignment!).serverLayers).sort());
  } else {
    expect(result.assignment).toBeUndefined();
  }
}

describe('placement algorithms on random small problems (brute force is the reference)', () => {
  it('the sample covers feasible and infeasible problems, every policy type and both objectives', () => {
    const problems = SEEDS.map(randomSmallProblem);
    expect(problems.every((p) => parsePlacementProblem(p).ok)).toBe(true);
    const types = new Set(problems.flatMap((p) => p.policies.map((x) => x.type)));
    expect([...types].sort()).toEqual(['affinity', 'anti-affinity', 'max-utilisation', 'pin', 'spread']);
    expect(problems.some((p) => p.objective === 'download')).toBe(true);
    expect(problems.some((p) => p.servers.some((s) => s.cachedLayers))).toBe(true);
    expect(problems.some((p) => p.containers.some((c) => c.arch))).toBe(true);
    expect(problems.some((p) => p.containers.some((c) => c.accelerator))).toBe(true);
    const infeasible = cases.filter((c) => c.optimum === null).length;
    expect(infeasible).toBeGreaterThanOrEqual(5);
    expect(cases.length - infeasible).toBeGreaterThanOrEqual(40);
    // Sharing matters in this sample: some optimum is strictly below the no-sharing cost.
    expect(cases.some((c) => c.optimum !== null && c.optimum < evaluate(randomSmallProblem(c.seed), {}).noSharingCost)).toBe(true);
  });

  it.each(cases)('seed $seed: exact proves the brute-force answer', async ({ seed, optimum }) => {
    const result = await solvePlacement(randomSmallProblem(seed), { algorithm: 'exact', engine: 'highs', timeLimitSec: 20 });
    checkAnswer(result, seed);
    if (optimum === null) {
      expect(result.status).toBe('infeasible');
    } else {
      expect(result.status).toBe('optimal');
      expect(result.cost).toBe(optimum);
      expect(result.lowerBound).toBe(optimum);
    }
  });

  it.each(cases)('seed $seed: heuristics answer validly, never claim infeasible, bounds stay below the optimum', async ({ seed, optimum, noSharingOptimum }) => {
    for (const algorithm of ALGORITHMS.filter((a) => a !== 'exact')) {
      const result = await solvePlacement(randomSmallProblem(seed), { algorithm, engine: 'highs', timeLimitSec: 20, seed });
      checkAnswer(result, seed);
      if (result.lowerBound !== null && optimum !== null) expect(result.lowerBound).toBeLessThanOrEqual(optimum);
      if (algorithm === 'no-sharing') {
        // A question about private copies: answered exactly (the search is complete here).
        expect(result.status).toBe(noSharingOptimum === null ? 'infeasible' : 'feasible');
        expect(result.cost).toBe(result.noSharingCost);
        continue;
      }
      expect(result.status).not.toBe('infeasible');
      expect(result.status).not.toBe('optimal');
      if (optimum === null) expect(result.status).toBe('no-solution');
      else if (algorithm !== 'kube-default') {
        // relax and greedy must find a valid placement whenever one exists (exact fallback).
        expect(result.status).toBe('feasible');
        expect(result.cost!).toBeGreaterThanOrEqual(optimum);
      } else if (result.status === 'feasible') {
        expect(result.cost!).toBeGreaterThanOrEqual(optimum);
      } else {
        expect(result.status).toBe('no-solution');
      }
    }
  });
});
