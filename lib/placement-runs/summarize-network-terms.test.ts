import { describe, expect, test } from 'vitest';
import { EXAMPLE_ASSIGNMENT, exampleProblem } from '@/lib/experiments/network-scenario.fixture';
import { evaluate } from '@/lib/placement/evaluate';
import type { PlacementResult } from '@/lib/placement/types';
import { summarizeNetworkTerms } from './summarize-network-terms';

function network(view: ReturnType<typeof summarizeNetworkTerms>) {
  if (view.kind !== 'network') throw new Error('expected the network terms');
  return view;
}

describe('summarizeNetworkTerms', () => {
  test('the docs example: each term beside its weighted part of the 178,800,000 total', () => {
    const view = network(summarizeNetworkTerms(exampleProblem(), null, EXAMPLE_ASSIGNMENT, 'greedy'));
    expect(view.terms.total).toBeCloseTo(178_800_000, 0);
    const rows = Object.fromEntries(view.terms.rows.map((r) => [r.term, r]));
    expect(rows.storage).toMatchObject({ value: 129_000_000, weight: 1, weighted: 129_000_000 });
    expect(rows.startup.value).toBeCloseTo(3.38, 9);
    expect(rows.startup.weighted).toBeCloseTo(33_800_000, 0);
    expect(rows.traffic).toMatchObject({ value: 160, weight: 100_000, weighted: 16_000_000 });
    expect(rows.moves).toMatchObject({ value: null, weighted: 0, share: 0 });
    expect(view.terms.rows.reduce((sum, r) => sum + r.weighted, 0)).toBeCloseTo(view.terms.total, 0);
    expect(rows.storage.share).toBeCloseTo(129 / 178.8, 9);
    expect(view.terms.startupSumSeconds).toBeCloseTo(6.22, 9);
  });

  test('traffic per dependency: Mbit/s, mean latency, cost and share, costliest first', () => {
    const problem = exampleProblem();
    problem.dependencies = [...problem.dependencies!, { from: 'api', to: 'web', trafficMbps: 5 }, { from: 'web', to: 'web', trafficMbps: 1 }];
    const view = network(summarizeNetworkTerms(problem, null, EXAMPLE_ASSIGNMENT, 'greedy'));
    if (!view.traffic.ok) throw new Error(view.traffic.empty);
    expect(view.traffic.rows.map((r) => [r.from, r.to, r.trafficMbps, r.meanLatencyMs, r.cost])).toEqual([
      ['web', 'api', 40, 4, 160],
      ['api', 'web', 5, 4, 20],
      // web-0 ↔ web-1 cross the path both ways, each replica to itself is 0 ms: (0 + 8 + 8 + 0) / 4.
      ['web', 'web', 1, 4, 4],
    ]);
    expect(view.traffic.total).toBe(184);
    expect(view.traffic.rows.map((r) => r.share)).toEqual([160 / 184, 20 / 184, 4 / 184]);
  });

  test('the result’s own terms are shown when it kept them; a no-sharing run pulls private copies', () => {
    const problem = exampleProblem();
    const stored = { terms: { ...evaluate(problem, EXAMPLE_ASSIGNMENT).terms, storageBytes: 1 } } as PlacementResult;
    expect(network(summarizeNetworkTerms(problem, stored, EXAMPLE_ASSIGNMENT, 'greedy')).terms.rows[0].value).toBe(1);
    // web-0 and api-0 together on edge-a: with sharing the base layer comes once, without it twice.
    const together = { 'web-0': 'edge-a', 'api-0': 'edge-a', 'web-1': 'edge-b' };
    const pulled = (algorithm: string) => {
      const view = network(summarizeNetworkTerms(problem, null, together, algorithm));
      if (!view.startup.ok) throw new Error(view.startup.empty);
      return { bytes: view.startup.chart.rows.map((r) => r.pullBytes), storage: view.terms.rows[0].value };
    };
    expect(pulled('greedy')).toEqual({ bytes: [87_000_000, 12_000_000], storage: 129_000_000 });
    expect(pulled('no-sharing')).toEqual({ bytes: [117_000_000, 12_000_000], storage: 159_000_000 });
  });

  test('what is missing says what to do: storage-only problems, no network, no registry, no dependencies', () => {
    const problem = exampleProblem();
    expect(summarizeNetworkTerms({ ...problem, version: 1, network: undefined, dependencies: undefined, weights: undefined }, null, EXAMPLE_ASSIGNMENT, 'greedy')).toEqual({
      kind: 'storage-only',
    });
    const bare = network(summarizeNetworkTerms({ ...problem, network: undefined, dependencies: undefined, weights: undefined }, null, EXAMPLE_ASSIGNMENT, 'greedy'));
    expect(bare.startup).toEqual({ ok: false, empty: expect.stringMatching(/no network section.*attach a registry to the topology/) as string });
    expect(bare.traffic).toEqual({ ok: false, empty: expect.stringMatching(/attach a registry to the topology/) as string });
    const noRegistry = network(
      summarizeNetworkTerms({ ...problem, network: { registries: [], pulls: [], latencies: [] }, weights: undefined }, null, EXAMPLE_ASSIGNMENT, 'greedy'),
    );
    expect(noRegistry.startup).toEqual({ ok: false, empty: expect.stringMatching(/^No registry is attached to the topology/) as string });
    const alone = network(summarizeNetworkTerms({ ...problem, dependencies: [], weights: undefined }, null, EXAMPLE_ASSIGNMENT, 'greedy'));
    expect(alone.traffic).toEqual({ ok: false, empty: expect.stringMatching(/connect the services that call each other/) as string });
  });
});
