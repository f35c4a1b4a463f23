import { describe, expect, it } from 'vitest';
import { generateNetworkProblem, type NetworkProblemSpec } from './generate-network-problem';
import { parsePlacementProblem } from './problem-schema';
import { solvePlacement } from './solve-placement';
import type { PlacementProblem } from './types';

const MB = 1_000_000;

// Four servers on a line, 2, 3 and 4 ms apart; the registry sits past the last one.
function spec(overrides: Partial<NetworkProblemSpec> = {}): NetworkProblemSpec {
  const ids = ['e0', 'e1', 'e2', 'e3'];
  const at = [0, 2, 5, 9];
  return {
    servers: ids.map((id) => ({ id, site: `${id}-site` })),
    network: {
      registries: [{ id: 'hub' }],
      pulls: ids.map((server, k) => ({ server, registry: 'hub', bandwidthMbps: k === 3 ? 1000 : 100, latencyMs: 10 - at[k] })),
      latencies: ids.flatMap((a, i) => ids.slice(i + 1).map((b, k) => ({ a, b, latencyMs: at[i + 1 + k] - at[i] }))),
    },
    services: [
      { name: 'web', image: 'web:1', dependsOn: ['db', 'cache'], scalable: true },
      { name: 'db', image: 'db:1', dependsOn: [], scalable: false },
      { name: 'cache', image: 'db:1', dependsOn: [], scalable: false },
    ],
    images: {
      'web:1': [
        { digest: 'base', size: 30 * MB },
        { digest: 'web', size: 20 * MB },
      ],
      'db:1': [
        { digest: 'base', size: 30 * MB },
        { digest: 'db', size: 50 * MB },
      ],
    },
    containers: 6,
    replica: { cpu: 0.5, memory: 512, bandwidth: 10 },
    trafficMbps: 10,
    weights: { storage: 1, startup: 1e7, traffic: 1e5, moves: 0 },
    ...overrides,
  };
}

describe('generateNetworkProblem', () => {
  it('runs every service once and the rest of the replicas on the scalable ones, with its dependencies', () => {
    const problem = generateNetworkProblem(spec());
    expect(parsePlacementProblem(problem).ok).toBe(true);
    const count = (service: string) => problem.containers.filter((c) => c.service === service).length;
    expect([count('web'), count('db'), count('cache')]).toEqual([4, 1, 1]);
    expect(problem.dependencies).toEqual([
      { from: 'web', to: 'db', trafficMbps: 10 },
      { from: 'web', to: 'cache', trafficMbps: 10 },
    ]);
    expect(problem.layers.map((l) => l.digest).sort()).toEqual(['base', 'db', 'web']);
  });

  it('sizes the servers from the demand: cpu and memory 1.6 × capacityScale, disks diskScale × the no-sharing bytes', () => {
    const problem = generateNetworkProblem(spec({ capacityScale: 2, diskScale: 1.5 }));
    expect(problem.servers.reduce((sum, s) => sum + s.cpu, 0)).toBeCloseTo(6 * 0.5 * 1.6 * 2, 9);
    // Memory is whole MiB per server.
    expect(Math.abs(problem.servers.reduce((sum, s) => sum + s.memory, 0) - 6 * 512 * 1.6 * 2)).toBeLessThanOrEqual(problem.servers.length / 2);
    const noSharing = 4 * 50 * MB + 2 * 80 * MB;
    expect(problem.servers.reduce((sum, s) => sum + s.storage, 0)).toBeCloseTo(1.5 * noSharing, -1);
  });

  it('refuses fewer containers than services, and extra replicas without a scalable service', () => {
    expect(() => generateNetworkProblem(spec({ containers: 2 }))).toThrow(RangeError);
    const fixed = spec().services.map((s) => ({ ...s, scalable: false }));
    expect(() => generateNetworkProblem(spec({ services: fixed }))).toThrow(RangeError);
  });
});

describe('re-planning with exact', () => {
  it('after a server is removed, moves only the replicas it held', async () => {
    const first = generateNetworkProblem(spec({ containers: 9, capacityScale: 2, diskScale: 3, weights: { storage: 1, startup: 0, traffic: 1e5, moves: 0 } }));
    const solved = await solvePlacement(first, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30 });
    expect(solved.status).toBe('optimal');
    const gone = Object.values(solved.assignment!)[0];
    const held = Object.keys(solved.assignment!).filter((c) => solved.assignment![c] === gone);
    const replan: PlacementProblem = {
      ...first,
      servers: first.servers.filter((s) => s.id !== gone),
      network: {
        ...first.network!,
        pulls: first.network!.pulls.filter((p) => p.server !== gone),
        latencies: first.network!.latencies.filter((l) => l.a !== gone && l.b !== gone),
      },
      current: { assignment: solved.assignment!, movePenaltyBytes: 500 * MB },
      weights: { storage: 1, startup: 0, traffic: 1e5, moves: 1 },
    };
    const result = await solvePlacement(replan, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30 });
    expect(result.status).toBe('optimal');
    const moved = Object.keys(result.assignment!).filter((c) => result.assignment![c] !== solved.assignment![c]);
    expect(moved.sort()).toEqual(held.sort());
    expect(result.terms!.moves).toBe(held.length);
  });
});
