import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { PlacementProblem } from './types';

const MB = 1_000_000;
const problem = (): PlacementProblem => ({
  version: 1,
  objective: 'storage',
  layers: [
    { digest: 'base', size: 50 * MB },
    { digest: 'app1', size: 10 * MB },
    { digest: 'app2', size: 20 * MB },
  ],
  servers: [
    { id: 'a', site: 'x', storage: 100 * MB, cpu: 2, memory: 1000, bandwidth: 100, cachedLayers: ['base'] },
    { id: 'b', site: 'x', storage: 75 * MB, cpu: 2, memory: 1000, bandwidth: 100, arch: 'arm64' },
  ],
  containers: [
    { id: 'c1', layers: ['base', 'app1', 'app1'], cpu: 1, memory: 400, bandwidth: 40 },
    { id: 'c2', layers: ['base', 'app2'], cpu: 1, memory: 400, bandwidth: 40 },
  ],
  policies: [],
});

describe('evaluate', () => {
  it('counts a shared layer once per server and a repeated digest once', () => {
    const r = evaluate(problem(), { c1: 'a', c2: 'a' });
    expect(r.feasible).toBe(true);
    expect(r.cost).toBe(80 * MB);
    expect(r.noSharingCost).toBe(130 * MB);
    expect(r.storageUsed.a).toBe(80 * MB);
    expect(r.serverLayers).toEqual({ a: ['base', 'app1', 'app2'] });
  });

  it('download objective: cached layers cost nothing; split placement pays the base twice for storage', () => {
    const p = { ...problem(), objective: 'download' as const };
    expect(evaluate(p, { c1: 'a', c2: 'b' }).cost).toBe(10 * MB + 70 * MB);
    expect(evaluate(problem(), { c1: 'a', c2: 'b' }).cost).toBe(60 * MB + 70 * MB);
  });

  it('no-sharing mode: private copies on disk and the flat cost', () => {
    const r = evaluate(problem(), { c1: 'a', c2: 'a' }, 'no-sharing');
    // cached base (50) + c1 (60) + c2 (70) = 180 > 100
    expect(r.storageUsed.a).toBe(180 * MB);
    expect(r.feasible).toBe(false);
    expect(r.violations.map((v) => v.rule)).toEqual(['storage']);
    expect(r.cost).toBe(130 * MB);
  });

  it('reports every broken rule as data', () => {
    const p = problem();
    p.containers[0].arch = 'amd64';
    p.containers[1].accelerator = 'gpu';
    p.policies = [
      { type: 'anti-affinity', containers: ['c1', 'c2'] },
      { type: 'spread', containers: ['c1', 'c2'] },
      { type: 'pin', container: 'c1', servers: ['a'] },
      { type: 'max-utilisation', fraction: 0.5, servers: ['b'] },
    ];
    p.servers[1].cpu = 1.5;
    const r = evaluate(p, { c1: 'b', c2: 'b' });
    const rules = r.violations.map((v) => v.rule).sort();
    // b (0.5 × 1.5 cores, 500 MiB, 50 Mbit/s under the cap) is over on all three resources.
    expect(rules).toEqual(['accelerator', 'anti-affinity', 'arch', 'cpu', 'max-utilisation', 'max-utilisation', 'max-utilisation', 'pin', 'spread', 'storage']);
    const affinity = { ...problem(), policies: [{ type: 'affinity' as const, containers: ['c1', 'c2'] }] };
    expect(evaluate(affinity, { c1: 'a', c2: 'b' }).violations.map((v) => v.rule)).toContain('affinity');
    expect(evaluate(problem(), { c1: 'a' }).violations.map((v) => v.rule)).toEqual(['unassigned']);
    expect(evaluate(problem(), { c1: 'a', c2: 'zz' }).violations.map((v) => v.rule)).toEqual(['unknown-server']);
  });

  it('accepts demands that add up exactly to the capacity despite binary rounding', () => {
    const p = problem();
    p.servers[0].cpu = 0.3;
    p.containers[0].cpu = 0.1;
    p.containers[1].cpu = 0.2;
    expect(evaluate(p, { c1: 'a', c2: 'a' }).feasible).toBe(true);
  });
});
