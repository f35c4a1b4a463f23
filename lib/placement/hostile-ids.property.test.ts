import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { parsePlacementProblem } from './problem-schema';
import { solvePlacement } from './solve-placement';
import { ALGORITHMS, type PlacementProblem } from './types';

// Ids are the user's: container, server and layer ids that name Object.prototype's members must
// be ordinary keys to every algorithm, and come back in the result as they went in.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'];
const idArb = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ minLength: 1, maxLength: 6 }));

const problemArb = fc
  .record({
    containers: fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }),
    servers: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
    layers: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
    objective: fc.constantFrom('storage' as const, 'download' as const),
  })
  .map(({ containers, servers, layers, objective }): PlacementProblem => ({
    version: 1,
    objective,
    layers: layers.map((digest, k) => ({ digest, size: 1000 * (k + 1) })),
    // Room for everything anywhere, so every algorithm must find a placement.
    servers: servers.map((id, k) => ({ id, storage: 1e9, cpu: 100, memory: 100_000, bandwidth: 10_000, ...(k === 0 ? { cachedLayers: [layers[0]] } : {}) })),
    containers: containers.map((id, k) => ({ id, layers: [layers[k % layers.length]], cpu: 1, memory: 100, bandwidth: 1 })),
    policies: containers.length > 1 ? [{ type: 'affinity', containers: containers.slice(0, 2) }] : [],
  }));

describe('user ids that name Object.prototype members', () => {
  it('every algorithm places every container, and the result names each one', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, fc.constantFrom(...ALGORITHMS), async (problem, algorithm) => {
        expect(parsePlacementProblem(JSON.parse(JSON.stringify(problem))).ok).toBe(true);
        const result = await solvePlacement(problem, { algorithm, engine: 'highs', timeLimitSec: 10 });
        expect(['optimal', 'feasible'], result.message).toContain(result.status);
        const assignment = result.assignment!;
        for (const c of problem.containers) {
          expect(Object.hasOwn(assignment, c.id), `${algorithm}: ${c.id}`).toBe(true);
          expect(problem.servers.map((s) => s.id)).toContain(assignment[c.id]);
        }
        // The result survives JSON, as the command line prints it.
        const printed = JSON.parse(JSON.stringify(result)) as { assignment: Record<string, string> };
        expect(Object.keys(printed.assignment).sort()).toEqual(problem.containers.map((c) => c.id).sort());
        const checked = evaluate(problem, assignment, algorithm === 'no-sharing' ? 'no-sharing' : 'sharing');
        expect(checked.violations).toEqual([]);
        expect(result.cost).toBe(checked.cost);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 120_000);
});
