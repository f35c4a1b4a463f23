import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { TERM_MIXES, networkCostOf, randomNetworkProblem, type TermMix } from './network-problems.fixture';
import { bruteForceOptimum, enumerateOptimum } from './small-problems.fixture';
import { solvePlacement } from './solve-placement';
import type { Assignment, PlacementProblem, Policy } from './types';

// Issue 13's property tests: random small version-2 instances (3–4 servers, 5–8 containers in
// 2–3 services with dependencies, 1–2 registries, servers that reach none, server pairs with no
// path, a current placement half the time) for each network term alone and for mixed weights,
// each with its optimum by complete enumeration. Infeasible draws are skipped until 300 remain.
const WANTED = 320;
type Instance = { seed: number; mix: TermMix; problem: PlacementProblem; optimum: number; assignment: Assignment };
const instances: Instance[] = [];
for (let seed = 1; instances.length < WANTED; seed++) {
  const mix = TERM_MIXES[seed % TERM_MIXES.length];
  const problem = randomNetworkProblem(seed, mix);
  const best = enumerateOptimum(problem, networkCostOf(problem));
  if (best) instances.push({ seed, mix, problem, optimum: best.cost, assignment: best.assignment });
}

/** equal up to floating-point noise (the terms are sums of seconds and Mbit/s·ms) */
const atMost = (cost: number, optimum: number) => cost <= optimum + 1e-9 * Math.max(1, Math.abs(optimum));

describe('greedy and relax against enumerated optima of the weighted objective (320 random version-2 instances)', () => {
  it('the enumeration agrees with judging every assignment by evaluate', () => {
    let feasible = 0;
    for (let seed = 5000; seed < 5080; seed++) {
      const problem = randomNetworkProblem(seed, TERM_MIXES[seed % TERM_MIXES.length], { servers: [2, 3], containers: [3, 5] });
      const enumerated = enumerateOptimum(problem, networkCostOf(problem))?.cost ?? null;
      const judged = bruteForceOptimum(problem);
      if (judged === null) expect(enumerated, `seed ${seed}`).toBeNull();
      else {
        feasible++;
        expect(enumerated, `seed ${seed}`).not.toBeNull();
        expect(atMost(enumerated!, judged) && atMost(judged, enumerated!), `seed ${seed}: ${enumerated} vs ${judged}`).toBe(true);
      }
    }
    expect(feasible).toBeGreaterThan(30);
  });

  it('the sample covers every mix, and the network decides the optimum: storage alone would miss it', () => {
    for (const mix of TERM_MIXES) expect(instances.filter((i) => i.mix === mix).length).toBeGreaterThanOrEqual(60);
    let missed = 0;
    for (const { problem, optimum, assignment } of instances) {
      const judged = evaluate(problem, assignment);
      expect(judged.violations).toEqual([]);
      expect(atMost(judged.cost, optimum) && atMost(optimum, judged.cost)).toBe(true);
      // The best placement for storage alone (the network's rules ignored), judged on the real objective.
      const storageOnly = enumerateOptimum({ ...problem, version: 1, network: undefined, dependencies: undefined, current: undefined, weights: undefined });
      const verdict = storageOnly ? evaluate(problem, storageOnly.assignment) : null;
      if (!verdict?.feasible || !atMost(verdict.cost, optimum)) missed++;
    }
    expect(missed / instances.length).toBeGreaterThan(0.5);
  });

  for (const algorithm of ['greedy', 'relax'] as const) {
    it(`${algorithm}: valid on all, within 1% of the optimum on all, at the optimum on at least 98%`, async () => {
      const far: string[] = [];
      let atOptimum = 0;
      for (const { seed, mix, problem, optimum } of instances) {
        const result = await solvePlacement(problem, { algorithm, engine: 'highs', seed, timeLimitSec: 60 });
        expect(result.status, `seed ${seed} (${mix})`).toBe('feasible');
        const judged = evaluate(problem, result.assignment!);
        expect(judged.violations, `seed ${seed}`).toEqual([]);
        expect(result.cost).toBe(judged.cost);
        expect(result.terms).toEqual(judged.terms);
        expect(atMost(optimum, result.cost!), `seed ${seed}`).toBe(true);
        if (result.lowerBound !== null) expect(atMost(result.lowerBound, optimum), `seed ${seed}: bound ${result.lowerBound} > ${optimum}`).toBe(true);
        if (atMost(result.cost!, optimum)) atOptimum++;
        if (!atMost(result.cost!, optimum * 1.01)) far.push(`seed ${seed} (${mix}): ${result.cost} vs ${optimum}`);
      }
      expect(far).toEqual([]);
      expect(atOptimum / instances.length).toBeGreaterThanOrEqual(0.98);
    }, 900_000);
  }
});

/** `problem` without server `gone`: its paths, latencies, chain hops and policy mentions */
function withoutServer(problem: PlacementProblem, gone: string): PlacementProblem {
  const policies = problem.policies.flatMap((p): Policy[] => {
    if (p.type === 'pin') {
      const servers = p.servers.filter((s) => s !== gone);
      return servers.length > 0 ? [{ ...p, servers }] : [];
    }
    if (p.type === 'max-utilisation' && p.servers) {
      const servers = p.servers.filter((s) => s !== gone);
      return servers.length > 0 ? [{ ...p, servers }] : [];
    }
    return [p];
  });
  const network = problem.network!;
  return {
    ...problem,
    servers: problem.servers.filter((s) => s.id !== gone),
    policies,
    network: {
      registries: network.registries,
      pulls: network.pulls.filter((p) => p.server !== gone),
      latencies: network.latencies.filter((l) => l.a !== gone && l.b !== gone),
    },
    dependencies: problem.dependencies?.map((d) => ({ ...d, ...(d.via ? { via: d.via.filter((s) => s !== gone) } : {}) })),
  };
}

describe('re-planning after a server is removed', () => {
  it('moves only the replicas the removed server held, when the rest can stay', async () => {
    let checked = 0;
    for (let seed = 1; checked < 60 && seed < 400; seed++) {
      const solved = randomNetworkProblem(seed, 'mixed');
      delete solved.current;
      solved.weights = { ...solved.weights!, moves: 0 };
      const first = await solvePlacement(solved, { algorithm: 'greedy', seed });
      if (first.status !== 'feasible') continue;
      const held = new Map<string, string[]>();
      for (const [c, s] of Object.entries(first.assignment!)) held.set(s, [...(held.get(s) ?? []), c]);
      const gone = solved.servers.map((s) => s.id).find((id) => (held.get(id)?.length ?? 0) > 0)!;
      // A move costs more than every other term could ever save.
      const replan: PlacementProblem = {
        ...withoutServer(solved, gone),
        current: { assignment: first.assignment!, movePenaltyBytes: 1e12 },
        weights: { ...solved.weights, moves: 1 },
      };
      const best = enumerateOptimum(replan, networkCostOf(replan));
      const displaced = held.get(gone)!.sort();
      const movedBy = (assignment: Assignment) =>
        Object.keys(assignment)
          .filter((c) => assignment[c] !== first.assignment![c])
          .sort();
      // Only instances where the others can stay: then that is the optimum.
      if (!best || movedBy(best.assignment).join() !== displaced.join()) continue;
      checked++;
      for (const algorithm of ['greedy', 'relax'] as const) {
        const result = await solvePlacement(replan, { algorithm, engine: 'highs', seed });
        expect(result.status, `seed ${seed} ${algorithm}`).toBe('feasible');
        expect(movedBy(result.assignment!), `seed ${seed} ${algorithm}`).toEqual(displaced);
        expect(result.terms?.moves).toBe(displaced.length);
      }
    }
    expect(checked).toBe(60);
  }, 600_000);
});
