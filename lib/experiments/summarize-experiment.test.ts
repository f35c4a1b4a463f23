import { describe, expect, test } from 'vitest';
import type { ExperimentPoint } from './experiment-schema';
import { summarizeExperiment, writeTakeaway } from './summarize-experiment';

const GIB = 1024 ** 3;
const point = (x: number, algorithm: string, cost: number | null, noSharing: number, elapsedMs = 10, status = cost === null ? 'timeout' : 'feasible'): ExperimentPoint => ({
  x,
  containers: x,
  capacityScale: 1,
  algorithm,
  status,
  cost: cost === null ? null : cost * GIB,
  lowerBound: null,
  noSharingCost: noSharing * GIB,
  elapsedMs,
});

const fig4 = [
  point(10, 'greedy', 8, 10, 40),
  point(10, 'kube-default', 9, 10, 0),
  point(10, 'no-sharing', 10, 10, 0, 'feasible'),
  point(100, 'greedy', 62, 100, 2500),
  point(100, 'kube-default', 82, 100, 3),
  point(100, 'no-sharing', 100, 100, 1, 'infeasible'),
];

describe('summarizeExperiment', () => {
  test('one cost series per chosen algorithm in the paper’s order, plus the no-sharing baseline, in GiB', () => {
    const summary = summarizeExperiment('containers', ['no-sharing', 'kube-default', 'greedy'], fig4);
    expect(summary.title).toBe('Fig. 4 — Storage cost vs number of containers');
    expect(summary.cost.series.map((s) => s.key)).toEqual(['greedy', 'kube-default', 'no-sharing']);
    expect(summary.cost.series.map((s) => s.label)).toEqual(['Greedy + local search', 'Kubernetes default scheduler', 'No sharing (baseline)']);
    expect(summary.cost.rows).toEqual([
      { x: 10, greedy: 8, 'kube-default': 9, 'no-sharing': 10 },
      { x: 100, greedy: 62, 'kube-default': 82, 'no-sharing': 100 },
    ]);
  });

  test('the baseline is drawn even when no-sharing was not solved; a point without a placement is a gap', () => {
    const summary = summarizeExperiment('capacity', ['exact'], [point(1, 'exact', null, 5), point(2, 'exact', 3, 5)]);
    expect(summary.cost.rows).toEqual([
      { x: 1, exact: null, 'no-sharing': 5 },
      { x: 2, exact: 3, 'no-sharing': 5 },
    ]);
  });

  test('runtimes are seconds with a floor for 0 ms, and the log axis spans whole decades', () => {
    const summary = summarizeExperiment('containers', ['greedy', 'kube-default'], fig4);
    expect(summary.runtime.rows[0]).toEqual({ x: 10, greedy: 0.04, 'kube-default': 0.001 });
    expect(summary.runtime.domain).toEqual([0.001, 10]);
    expect(summarizeExperiment('containers', ['greedy'], []).runtime.domain).toBeNull();
  });
});

describe('takeaway', () => {
  test('states the saving at the largest size, with the smaller one for contrast and the gap to Kubernetes', () => {
    expect(writeTakeaway('containers', fig4)).toBe(
      'Layer sharing saves 38 % of storage at 100 containers (20 % at 10 containers): greedy needs 62 GiB against 100 GiB without sharing, 24 % less than the Kubernetes default scheduler.',
    );
  });

  test('Fig. 5 speaks of capacity; a partial experiment uses what has landed', () => {
    const points = [point(1, 'relax', 7, 10), point(2, 'relax', 5, 10), point(4, 'relax', null, 10)];
    expect(writeTakeaway('capacity', points)).toBe(
      'Layer sharing saves 50 % of storage at capacity ×2 (30 % at capacity ×1): the relaxation needs 5 GiB against 10 GiB without sharing.',
    );
  });

  test('says plainly when there is nothing to conclude', () => {
    expect(writeTakeaway('containers', [])).toMatch(/^No results yet/);
    expect(writeTakeaway('capacity', [point(1, 'exact', null, 10), point(1, 'no-sharing', 10, 10)])).toMatch(/^No algorithm found a valid placement at any capacity/);
  });
});
