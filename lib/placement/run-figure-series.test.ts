import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { generateProblem } from './generate-problem';
import { parsePlacementProblem } from './problem-schema';
import { runFigureSeries } from './run-figure-series';

describe('generateProblem', () => {
  it('is reproducible per seed, valid, and scales capacities', () => {
    const a = generateProblem({ servers: 6, containers: 30, seed: 5 });
    expect(generateProblem({ servers: 6, containers: 30, seed: 5 })).toEqual(a);
    expect(generateProblem({ servers: 6, containers: 30, seed: 6 })).not.toEqual(a);
    expect(parsePlacementProblem(a).ok).toBe(true);
    const doubled = generateProblem({ servers: 6, containers: 30, seed: 5, capacityScale: 2 });
    expect(doubled.servers[0].storage).toBeCloseTo(a.servers[0].storage * 2, -2);
    expect(doubled.containers).toEqual(a.containers);
    // Shared layers exist: deduplicated bytes are well below the private-copy total.
    const dedup = a.layers.reduce((s, l) => s + l.size, 0);
    expect(dedup).toBeLessThan(evaluate(a, {}).noSharingCost * 0.8);
  });
});

describe('runFigureSeries', () => {
  it('Fig. 5 shape: cost never rises with capacity for exact, no-sharing stays flat', async () => {
    const points = await runFigureSeries({
      kind: 'capacity',
      servers: 4,
      containers: [12],
      capacityScales: [1, 2, 4],
      seed: 3,
      algorithms: ['exact', 'no-sharing'],
      engine: 'highs',
      timeLimitSec: 20,
    });
    expect(points).toHaveLength(6);
    const exact = points.filter((p) => p.algorithm === 'exact').map((p) => p.result);
    expect(exact.every((r) => r.status === 'optimal')).toBe(true);
    expect(exact[1].cost!).toBeLessThanOrEqual(exact[0].cost!);
    expect(exact[2].cost!).toBeLessThanOrEqual(exact[1].cost!);
    const flat = new Set(points.filter((p) => p.algorithm === 'no-sharing').map((p) => p.result.cost));
    expect(flat.size).toBe(1);
    expect([...flat][0]!).toBeGreaterThan(exact[0].cost!);
  });
});
