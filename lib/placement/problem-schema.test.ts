import { describe, expect, it } from 'vitest';
import { formatProblemErrors, MAX_PROBLEM_BYTES, parsePlacementProblem } from './problem-schema';

const valid = () => ({
  version: 1,
  objective: 'storage',
  layers: [
    { digest: 'sha256:a', size: 100 },
    { digest: 'sha256:b', size: 200 },
  ],
  servers: [
    { id: 'edge-1', site: 'm', storage: 1000, cpu: 4, memory: 1024, bandwidth: 100, arch: 'amd64', accelerators: ['gpu'], cachedLayers: ['sha256:a'] },
    { id: 'edge-2', storage: 1000, cpu: 4, memory: 1024, bandwidth: 100 },
  ],
  containers: [
    { id: 'web-0', image: 'nginx', layers: ['sha256:a', 'sha256:b'], cpu: 0.5, memory: 256, bandwidth: 20, arch: 'amd64', accelerator: 'gpu' },
    { id: 'web-1', layers: ['sha256:a'], cpu: 0.5, memory: 256, bandwidth: 20 },
  ],
  policies: [
    { type: 'anti-affinity', containers: ['web-0', 'web-1'] },
    { type: 'pin', container: 'web-0', servers: ['edge-1'] },
    { type: 'max-utilisation', fraction: 0.8 },
  ],
});

function errorsOf(input: unknown): string {
  const result = parsePlacementProblem(input);
  expect(result.ok).toBe(false);
  return result.ok ? '' : formatProblemErrors(result.errors);
}

describe('parsePlacementProblem', () => {
  it('accepts the spec example shape and fills defaults', () => {
    const { objective: _o, policies: _p, ...minimal } = valid();
    const result = parsePlacementProblem(JSON.stringify(minimal));
    expect(result.ok && result.problem.objective).toBe('storage');
    expect(result.ok && result.problem.policies).toEqual([]);
    expect(parsePlacementProblem(valid()).ok).toBe(true);
  });

  it('names the path of an unknown digest', () => {
    const p = valid();
    p.containers[1].layers.push('sha256:nope');
    expect(errorsOf(p)).toBe('containers[1].layers[1]: unknown digest');
    const q = valid();
    q.servers[0].cachedLayers = ['sha256:zz'];
    expect(errorsOf(q)).toBe('servers[0].cachedLayers[0]: unknown digest');
  });

  it('refuses negative and non-finite numbers with the path', () => {
    const p = valid();
    p.servers[1].cpu = -1;
    expect(errorsOf(p)).toBe('servers[1].cpu: must be ≥ 0');
    const q = valid();
    q.containers[0].memory = Infinity;
    expect(errorsOf(q)).toBe('containers[0].memory: must be a finite number');
    const r = valid();
    r.layers[0].size = Number.NaN;
    expect(errorsOf(r)).toContain('layers[0].size: must be a finite number');
    // JSON text overflowing to Infinity is refused too.
    expect(errorsOf(JSON.stringify(valid()).replace('"cpu":4', '"cpu":1e999'))).toBe('servers[0].cpu: must be a finite number');
    const s = valid();
    s.layers[1].size = 1.5;
    expect(errorsOf(s)).toBe('layers[1].size: must be an integer number of bytes');
  });

  it('refuses duplicate ids and digests', () => {
    const p = valid();
    p.servers[1].id = 'edge-1';
    expect(errorsOf(p)).toContain('servers[1].id: duplicate id');
    const q = valid();
    q.containers[1].id = 'web-0';
    expect(errorsOf(q)).toContain('containers[1].id: duplicate id');
    const r = valid();
    r.layers[1].digest = 'sha256:a';
    expect(errorsOf(r)).toContain('layers[1].digest: duplicate digest');
  });

  it('refuses unknown policy types and unknown references', () => {
    const p = valid() as { policies: unknown[] };
    p.policies.push({ type: 'colocate', containers: ['web-0'] });
    expect(errorsOf(p)).toMatch(/^policies\[3\]\.type: unknown policy type/);
    const q = valid();
    q.policies[0] = { type: 'anti-affinity', containers: ['web-0', 'ghost'] };
    expect(errorsOf(q)).toBe('policies[0].containers[1]: unknown container');
    const r = valid();
    r.policies[1] = { type: 'pin', container: 'web-0', servers: ['edge-9'] };
    expect(errorsOf(r)).toBe('policies[1].servers[0]: unknown server');
    const s = valid();
    s.policies[2] = { type: 'max-utilisation', fraction: 1.5 };
    expect(errorsOf(s)).toBe('policies[2].fraction: must be ≤ 1');
  });

  it('refuses an empty server list, another version, unknown fields and bad JSON', () => {
    expect(errorsOf({ ...valid(), servers: [], policies: [] })).toBe('servers: must list at least one server');
    expect(errorsOf({ ...valid(), version: 3 })).toMatch(/^version: must be 1 or 2/);
    expect(errorsOf({ ...valid(), weights: { storage: 1, startup: 0, traffic: 0, moves: 0 } })).toContain('weights');
    expect(errorsOf({ ...valid(), extra: true })).toContain('extra');
    expect(errorsOf('{"version": 1,')).toMatch(/^\(root\): not valid JSON/);
    const p = valid();
    (p.servers[0] as { arch: string }).arch = 'linux/arm64/v8';
    expect(errorsOf(p)).toMatch(/^servers\[0\]\.arch: must be a Go architecture name/);
  });

  it('refuses text above 50 MiB before parsing it', () => {
    const huge = ' '.repeat(MAX_PROBLEM_BYTES + 1);
    expect(errorsOf(huge)).toMatch(/^\(root\): input is \d+ bytes; the limit is/);
  });
});
