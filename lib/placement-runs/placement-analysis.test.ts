import { describe, expect, test } from 'vitest';
import type { PlacementProblem } from '@/lib/placement/types';
import { compareRuns } from './compare-runs';
import { diffAssignments } from './diff-assignments';
import { explainPlacement } from './explain-placement';
import type { RunSummary } from './list-placement-runs';
import { summarizePlacement } from './summarize-placement';

const problem: PlacementProblem = {
  version: 1,
  objective: 'storage',
  layers: [
    { digest: 'sha256:base', size: 100 },
    { digest: 'sha256:web', size: 10 },
    { digest: 'sha256:api', size: 20 },
  ],
  servers: [
    { id: 'a', site: 's1', storage: 1000, cpu: 4, memory: 4096, bandwidth: 1000, arch: 'amd64', cachedLayers: ['sha256:base'] },
    { id: 'b', site: 's2', storage: 1000, cpu: 1, memory: 4096, bandwidth: 1000, arch: 'amd64' },
    { id: 'c', site: 's3', storage: 1000, cpu: 4, memory: 4096, bandwidth: 1000, arch: 'arm64' },
  ],
  containers: [
    { id: 'web-0', layers: ['sha256:base', 'sha256:web'], cpu: 1, memory: 256, bandwidth: 10 },
    { id: 'api-0', layers: ['sha256:base', 'sha256:api'], cpu: 2, memory: 512, bandwidth: 10, arch: 'amd64' },
  ],
  policies: [],
};
const assignment = { 'web-0': 'a', 'api-0': 'a' };

describe('placement analysis', () => {
  test('per-server usage with and without sharing', () => {
    const [a, b] = summarizePlacement(problem, assignment);
    expect(a).toMatchObject({ containers: ['web-0', 'api-0'], cpu: { used: 3, capacity: 4 }, storageSharing: 130, storageNoSharing: 100 + 110 + 120 });
    expect(a.layers.find((l) => l.digest === 'sha256:base')).toEqual({ digest: 'sha256:base', size: 100, usedBy: 2, cached: true });
    expect(b).toMatchObject({ containers: [], storageSharing: 0, storageNoSharing: 0 });
  });

  test('explain: where the layers came from and why not elsewhere', () => {
    const why = explainPlacement(problem, assignment, 'api-0')!;
    expect(why.layers).toEqual([
      { digest: 'sha256:base', size: 100, origin: 'cached', sharedWith: ['web-0'] },
      { digest: 'sha256:api', size: 20, origin: 'new', sharedWith: [] },
    ]);
    expect(why.newBytes).toBe(20);
    const b = why.alternatives.find((x) => x.edgeServer === 'b')!;
    expect(b.feasible).toBe(false);
    expect(b.reasons).toContain('not enough CPU');
    const c = why.alternatives.find((x) => x.edgeServer === 'c')!;
    expect(c.reasons).toContain('wrong CPU architecture');
    expect(explainPlacement(problem, assignment, 'nope')).toBeNull();
  });

  test('diff lists only moved replicas', () => {
    expect(diffAssignments({ 'web-0': 'a', 'api-0': 'a' }, { 'web-0': 'a', 'api-0': 'b', 'db-0': 'c' })).toEqual([
      { container: 'api-0', from: 'a', to: 'b' },
      { container: 'db-0', from: null, to: 'c' },
    ]);
  });

  test('comparison: latest run per algorithm, savings and gap', () => {
    const run = (algorithm: string, createdAt: string, cost: number | null, lowerBound: number | null, status = 'feasible'): RunSummary => ({
      id: `${algorithm}-${createdAt}`,
      algorithm,
      engine: 'auto',
      objective: 'storage',
      timeLimitSec: 10,
      status,
      cancelRequested: false,
      costBytes: cost,
      lowerBoundBytes: lowerBound,
      noSharingBytes: 1000,
      elapsedMs: 5,
      message: null,
      progress: null,
      engineUsed: null,
      createdAt,
      startedAt: null,
      finishedAt: null,
      applied: false,
      weights: null,
      replan: false,
      weighted: null,
    });
    const rows = compareRuns([
      run('greedy', '2026-01-01', 700, null),
      run('greedy', '2026-01-02', 600, null),
      run('kube-default', '2026-01-01', 800, null),
      run('exact', '2026-01-01', 500, 450, 'feasible'),
      run('relax', '2026-01-03', null, null, 'running'),
      run('no-sharing', '2026-01-01', 1000, null, 'infeasible'),
    ]);
    expect(rows.map((r) => r.run.id)).toEqual(['exact-2026-01-01', 'greedy-2026-01-02', 'kube-default-2026-01-01', 'no-sharing-2026-01-01']);
    // The baseline's cost stands even when private copies do not fit anywhere.
    expect(rows[3]).toMatchObject({ cost: 1000, savingVsNoSharing: 0 });
    expect(rows[0].gap).toBeCloseTo(0.1);
    expect(rows[1].savingVsNoSharing).toBeCloseTo(0.4);
    expect(rows[1].savingVsKube).toBeCloseTo(0.25);
    expect(rows[2].savingVsKube).toBeNull();
    expect(rows.every((r) => r.weightedCost === null)).toBe(true);

    // A weighted run: bytes stored as ever, the weighted total beside them, the gap on the total
    // (its bound bounds the total, not the bytes).
    const weighted: RunSummary = {
      ...run('greedy', '2026-01-04', 600, null),
      weights: { preset: 'balanced', storage: 1, startup: 10, traffic: 0, moves: 0 },
      weighted: { cost: 900, lowerBound: 810, terms: null },
    };
    const [row] = compareRuns([weighted]);
    expect(row).toMatchObject({ cost: 600, weightedCost: 900 });
    expect(row.gap).toBeCloseTo(0.1);
  });
});
