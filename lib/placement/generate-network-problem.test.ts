import { describe, expect, it } from 'vitest';
import { generateNetworkProblem, type NetworkProblemSpec } from './generate-network-problem';
import { parsePlacementProblem } from './problem-schema';
import { solvePlacement } from './solve-placement';
import type { PlacementProblem } from './types';

const MB = 1_000_000;

// A line of four routers r0 – r1 – r2 – r3 (2, 3, 4 ms) with a thin middle link (100 Mbit/s);
// the registry hangs off r3 by a 1 ms, 10 Gbit/s link.
function spec(overrides: Partial<NetworkProblemSpec> = {}): NetworkProblemSpec {
  return {
    network: {
      nodes: ['r0', 'r1', 'r2', 'r3'],
      links: [
        { a: 'r0', b: 'r1', latencyMs: 2, bandwidthMbps: 1000 },
        { a: 'r1', b: 'r2', latencyMs: 3, bandwidthMbps: 100 },
        { a: 'r2', b: 'r3', latencyMs: 4, bandwidthMbps: 1000 },
      ],
    },
    serverNodes: ['r0', 'r1', 'r2', 'r3'],
    servers: 4,
    serverLink: { latencyMs: 0.5, bandwidthMbps: 10_000 },
    registries: [{ id: 'hub', node: 'r3', latencyMs: 1, bandwidthMbps: 10_000 }],
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
    seed: 1,
    ...overrides,
  };
}

describe('generateNetworkProblem', () => {
  it('measures paths with the control layer: latency summed over the links, bandwidth of the narrowest', () => {
    const problem = generateNetworkProblem(spec());
    expect(parsePlacementProblem(problem).ok).toBe(true);
    const pull = (node: string) => problem.network!.pulls.find((p) => p.server === `${node} server`)!;
    // r0 → r3: uplinks 0.5 + 1, links 2 + 3 + 4; the 100 Mbit/s link is on the way.
    expect(pull('r0').latencyMs).toBeCloseTo(10.5, 9);
    expect(pull('r0').bandwidthMbps).toBe(100);
    expect(pull('r2').latencyMs).toBeCloseTo(5.5, 9);
    expect(pull('r2').bandwidthMbps).toBe(1000);
    expect(pull('r0').path).toEqual(['r0 server', 'r0', 'r1', 'r2', 'r3', 'registry hub']);
    const latency = (a: string, b: string) =>
      problem.network!.latencies.find((l) => new Set([l.a, l.b]).size === 2 && [l.a, l.b].includes(`${a} server`) && [l.a, l.b].includes(`${b} server`))!.latencyMs;
    expect(latency('r0', 'r3')).toBeCloseTo(10, 9);
    expect(latency('r1', 'r2')).toBeCloseTo(4, 9);
  });

  it('runs every service once and the rest of the replicas on the scalable ones, with its dependencies', () => {
    const problem = generateNetworkProblem(spec());
    const count = (service: string) => problem.containers.filter((c) => c.service === service).length;
    expect([count('web'), count('db'), count('cache')]).toEqual([4, 1, 1]);
    expect(problem.dependencies).toEqual([
      { from: 'web', to: 'db', trafficMbps: 10 },
      { from: 'web', to: 'cache', trafficMbps: 10 },
    ]);
    expect(problem.layers.map((l) => l.digest).sort()).toEqual(['base', 'db', 'web']);
    expect(problem.servers.reduce((sum, s) => sum + s.cpu, 0)).toBeCloseTo(6 * 0.5 * 1.6, 9);
  });

  it('draws the servers from the seed, the same for the same seed', () => {
    const few = (seed: number) => generateNetworkProblem(spec({ servers: 2, seed })).servers.map((s) => s.id);
    expect(few(3)).toEqual(few(3));
    const drawn = new Set(Array.from({ length: 12 }, (_, seed) => few(seed).join()));
    expect(drawn.size).toBeGreaterThan(1);
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
