import { describe, expect, it } from 'vitest';
import { countTrafficColumns } from './add-traffic-model';
import { compileProblem } from './compile-problem';
import { deriveNetworkCoefficients } from './derive-network-coefficients';
import { evaluate } from './evaluate';
import { parsePlacementProblem } from './problem-schema';
import { bruteForceOptimum } from './small-problems.fixture';
import { randomSmallNetworkProblem as randomNetworkProblem, type WeightEmphasis } from './small-network-problems.fixture';
import { solvePlacement } from './solve-placement';
import type { PlacementProblem, PlacementResult } from './types';

const SEEDS = Array.from({ length: 70 }, (_, k) => 4000 + k);
const EMPHASES: WeightEmphasis[] = ['storage', 'startup', 'traffic', 'moves', 'mixed'];

type Case = { seed: number; emphasis: WeightEmphasis; optimum: number | null };
const cases: Case[] = EMPHASES.flatMap((emphasis) => SEEDS.map((seed) => ({ seed, emphasis, optimum: bruteForceOptimum(randomNetworkProblem(seed, emphasis)) })));

/** Weighted costs are not whole bytes: equal up to float rounding of the terms' sums. */
const sameCost = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;

function checkAnswer(problem: PlacementProblem, result: PlacementResult) {
  if (result.status !== 'optimal' && result.status !== 'feasible') return;
  const checked = evaluate(problem, result.assignment!);
  expect(checked.violations).toEqual([]);
  expect(result.cost).toBe(checked.cost);
  expect(result.terms).toEqual(checked.terms);
}

describe('exact on random version-2 problems (brute force over every assignment is the reference)', () => {
  it('the sample has feasible and infeasible problems, and the network rules some placements out', () => {
    for (const emphasis of EMPHASES) {
      const problems = SEEDS.map((seed) => randomNetworkProblem(seed, emphasis));
      for (const p of problems) expect(parsePlacementProblem(p)).toMatchObject({ ok: true });
      const mine = cases.filter((c) => c.emphasis === emphasis);
      expect(mine.filter((c) => c.optimum !== null).length, emphasis).toBeGreaterThanOrEqual(20);
      expect(mine.filter((c) => c.optimum === null).length, emphasis).toBeGreaterThanOrEqual(2);
    }
    // Some placements are invalid only for the network: no registry reached, or no path.
    const rules = new Set<string>();
    for (const seed of SEEDS) {
      const problem = randomNetworkProblem(seed, 'mixed');
      for (const server of problem.servers) {
        const assignment = Object.fromEntries(problem.containers.map((c) => [c.id, server.id]));
        for (const v of evaluate(problem, assignment).violations) rules.add(v.rule);
      }
    }
    expect(rules).toContain('registry');
    expect(cases.some((c) => randomNetworkProblem(c.seed, c.emphasis).dependencies?.some((d) => d.via))).toBe(true);
  });

  // Without the warm start: the heuristics, weighted too, often find the optimum on their own,
  // and a model that overestimated a term would then still answer right. The model must.
  const MODEL_ONLY = { warmStart: false };

  it.each(cases)('seed $seed, $emphasis: exact proves the brute-force optimum', async ({ seed, emphasis, optimum }) => {
    const problem = randomNetworkProblem(seed, emphasis);
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning: MODEL_ONLY });
    checkAnswer(problem, result);
    expect(result.droppedTerms).toBeUndefined();
    if (optimum === null) {
      expect(result.status, result.message).toBe('infeasible');
      return;
    }
    expect(result.status, result.message).toBe('optimal');
    expect(sameCost(result.cost!, optimum), `${result.cost} against ${optimum}`).toBe(true);
    expect(result.lowerBound).toBe(result.cost);
  });

  it.each(SEEDS.slice(0, 12))('seed %i: the glpk engine proves the same optima', async (seed) => {
    const problem = randomNetworkProblem(seed, 'mixed');
    const optimum = cases.find((c) => c.seed === seed && c.emphasis === 'mixed')!.optimum;
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'glpk', timeLimitSec: 30, exactTuning: { warmStart: false } });
    checkAnswer(problem, result);
    if (optimum === null) expect(result.status).toBe('infeasible');
    else expect(sameCost(result.cost!, optimum) && result.status === 'optimal', `${result.status} ${result.cost} against ${optimum}`).toBe(true);
  });
});

describe('every traffic linearisation is exact', () => {
  const withTraffic = cases.filter((c) => c.optimum !== null && (c.emphasis === 'traffic' || c.emphasis === 'mixed'));

  it.each(withTraffic)('seed $seed, $emphasis: stars, McCormick and pairs without cuts prove the same optimum', async ({ seed, emphasis, optimum }) => {
    const problem = randomNetworkProblem(seed, emphasis);
    for (const tuning of [{ trafficModel: 'stars' as const }, { trafficModel: 'mccormick' as const }, { trafficCuts: [] }, { identicalUnitOrder: true }]) {
      const exactTuning = { ...tuning, warmStart: false };
      const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning });
      checkAnswer(problem, result);
      expect(result.status, JSON.stringify(exactTuning)).toBe('optimal');
      expect(sameCost(result.cost!, optimum!), `${JSON.stringify(exactTuning)}: ${result.cost} against ${optimum}`).toBe(true);
    }
  });

  let starred = 0;
  it.each(withTraffic.slice(0, 30))('seed $seed, $emphasis: between the two sizes, stars replace pairs and the answer stays optimal', async ({ seed, emphasis, optimum }) => {
    const problem = randomNetworkProblem(seed, emphasis);
    const cp = compileProblem(problem);
    const net = deriveNetworkCoefficients(cp);
    const stars = countTrafficColumns(cp, net, 'stars');
    if (stars >= countTrafficColumns(cp, net, 'pairs')) return;
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning: { trafficColumnLimit: stars, warmStart: false } });
    starred++;
    expect(result.droppedTerms).toBeUndefined();
    expect(result.message).toMatch(/stars/);
    expect(result.status).toBe('optimal');
    expect(sameCost(result.cost!, optimum!)).toBe(true);
  });

  it('replaced pairs by stars on some of them', () => expect(starred).toBeGreaterThanOrEqual(5));
});

describe('the traffic term above the size limit', () => {
  const feasible = cases.filter((c) => c.optimum !== null && (c.emphasis === 'traffic' || c.emphasis === 'mixed'));
  let dropped = 0;

  it.each(feasible)('seed $seed, $emphasis: is dropped and said so; the answer is valid, never called optimal, its bound holds', async ({ seed, emphasis, optimum }) => {
    const problem = randomNetworkProblem(seed, emphasis);
    const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning: { trafficColumnLimit: 0 } });
    checkAnswer(problem, result);
    if (result.droppedTerms === undefined) {
      // Nothing to linearise (only `via` legs, or callers tied to their callees by affinity):
      // the model is exact and proves the optimum.
      expect(result.status).toBe('optimal');
      expect(sameCost(result.cost!, optimum!)).toBe(true);
      return;
    }
    dropped++;
    expect(result.droppedTerms).toEqual(['traffic']);
    expect(result.message).toMatch(/traffic/);
    expect(result.status).toBe('feasible');
    expect(result.terms!.trafficCost).not.toBeNull();
    expect(result.lowerBound!).toBeLessThanOrEqual(optimum! * (1 + 1e-9));
    expect(result.cost!).toBeGreaterThanOrEqual(optimum! * (1 - 1e-9));
  });

  it('dropped the term on most of them', () => {
    expect(dropped).toBeGreaterThanOrEqual(feasible.length / 2);
  });
});
