import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { parsePlacementProblem, formatProblemErrors } from '../problem-schema';
import type { PlacementProblem } from '../types';
import { chooseRegistry, computeStartupTimeline } from './compute-startup-timeline';
import { computeTrafficCost } from './compute-traffic-cost';
import { computeMoves } from './compute-moves';

const MB = 1_000_000;

// Figures chosen to be checked by hand: 12.5 MB is 100 Mbit, one second at 100 Mbit/s.
function problem(extra: Partial<PlacementProblem> = {}): PlacementProblem {
  return {
    version: 2,
    objective: 'storage',
    layers: [
      { digest: 'base', size: 12.5 * MB },
      { digest: 'app', size: 25 * MB },
    ],
    servers: ['e1', 'e2', 'e3'].map((id) => ({ id, storage: 1000 * MB, cpu: 8, memory: 8192, bandwidth: 1000 })),
    containers: [
      { id: 'web-0', service: 'web', layers: ['base', 'app'], cpu: 1, memory: 256, bandwidth: 10 },
      { id: 'web-1', service: 'web', layers: ['base', 'app'], cpu: 1, memory: 256, bandwidth: 10 },
      { id: 'db-0', service: 'db', layers: ['base'], cpu: 1, memory: 256, bandwidth: 10 },
    ],
    policies: [],
    network: {
      registries: [{ id: 'r1' }],
      pulls: [
        { server: 'e1', registry: 'r1', bandwidthMbps: 100, latencyMs: 10 },
        { server: 'e2', registry: 'r1', bandwidthMbps: 1000, latencyMs: 50 },
      ],
      latencies: [
        { a: 'e1', b: 'e2', latencyMs: 5 },
        { a: 'e2', b: 'e3', latencyMs: 20 },
      ],
    },
    dependencies: [{ from: 'web', to: 'db', trafficMbps: 10 }],
    ...extra,
  };
}

const placed = { 'web-0': 'e1', 'db-0': 'e1', 'web-1': 'e2' };

describe('start-up time', () => {
  it('pulls each missing layer once per server, smallest container first, after the path latency', () => {
    const timeline = computeStartupTimeline(problem(), placed)!;
    const e1 = timeline.servers.find((s) => s.server === 'e1')!;
    expect(e1.pulls.map((p) => [p.digest, p.forContainer])).toEqual([
      ['base', 'db-0'],
      ['app', 'web-0'],
    ]);
    expect(e1.ready['db-0']).toBeCloseTo(1.01, 9);
    expect(e1.ready['web-0']).toBeCloseTo(3.01, 9);
    const e2 = timeline.servers.find((s) => s.server === 'e2')!;
    expect(e2.ready['web-1']).toBeCloseTo(0.35, 9);
    expect(timeline.makespanSeconds).toBeCloseTo(3.01, 9);
    expect(timeline.sumSeconds).toBeCloseTo(1.01 + 3.01 + 0.35, 9);
  });

  it('without sharing each container pulls its own copy, so the server pulls more', () => {
    const timeline = computeStartupTimeline(problem(), placed, 'no-sharing')!;
    const e1 = timeline.servers.find((s) => s.server === 'e1')!;
    expect(e1.pullBytes).toBe(50 * MB);
    expect(e1.ready['web-0']).toBeCloseTo(0.01 + 1 + 3, 9);
  });

  it('counts cached layers and, when re-planning, the layers already running there as held', () => {
    const cached = problem();
    cached.servers[0].cachedLayers = ['base'];
    const e1 = computeStartupTimeline(cached, placed)!.servers.find((s) => s.server === 'e1')!;
    expect(e1.ready['db-0']).toBe(0);
    expect(e1.ready['web-0']).toBeCloseTo(2.01, 9);

    const replan = problem({ current: { assignment: { 'web-0': 'e2', 'web-1': 'e2', 'db-0': 'e1' }, movePenaltyBytes: 0 } });
    const timeline = computeStartupTimeline(replan, placed)!;
    expect(timeline.servers.find((s) => s.server === 'e2')!.ready['web-1']).toBe(0);
    expect(timeline.makespanSeconds).toBeCloseTo(2.01, 9);
  });

  it('chooses the registry that finishes the pull soonest for the bytes pulled', () => {
    const near = { server: 's', registry: 'near', bandwidthMbps: 100, latencyMs: 10 };
    const wide = { server: 's', registry: 'wide', bandwidthMbps: 1000, latencyMs: 500 };
    expect(chooseRegistry([near, wide], 1 * MB)?.registry).toBe('near');
    expect(chooseRegistry([near, wide], 100 * MB)?.registry).toBe('wide');
    expect(chooseRegistry([], 1)).toBeNull();
  });

  it('an empty layer pulls nothing: its container is ready at once, with or without a registry', () => {
    const p = problem({
      layers: [
        { digest: 'base', size: 12.5 * MB },
        { digest: 'app', size: 25 * MB },
        { digest: 'empty', size: 0 },
      ],
    });
    p.containers = [{ id: 'db-0', service: 'db', layers: ['base', 'empty'], cpu: 1, memory: 256, bandwidth: 10 }];
    p.servers = p.servers.map((s) => ({ ...s, cachedLayers: ['base'] }));
    p.dependencies = [];
    // e2 reaches r1, e3 reaches nothing: neither pulls a byte.
    for (const server of ['e2', 'e3']) {
      const timeline = computeStartupTimeline(p, { 'db-0': server }, 'sharing')!;
      expect(timeline.makespanSeconds, server).toBe(0);
      expect(timeline.servers[0], server).toMatchObject({ pullBytes: 0, pulls: [], ready: { 'db-0': 0 }, unreachable: false });
      expect(evaluate(p, { 'db-0': server }).feasible, server).toBe(true);
    }
  });

  it('is unknown without registries, and a server that must pull but reaches none is a violation', () => {
    expect(computeStartupTimeline({ ...problem(), network: { registries: [], pulls: [], latencies: [] } }, placed)).toBeNull();
    const verdict = evaluate(problem({ dependencies: [] }), { 'web-0': 'e3', 'web-1': 'e2', 'db-0': 'e2' });
    expect(verdict.feasible).toBe(false);
    expect(verdict.violations.map((v) => v.rule)).toEqual(['registry']);
  });
});

describe('traffic cost', () => {
  it('is trafficMbps × the mean latency over caller and callee replica pairs', () => {
    const traffic = computeTrafficCost(problem(), placed)!;
    expect(traffic.dependencies[0]).toMatchObject({ pairs: 2, meanLatencyMs: 2.5, cost: 25, unreachablePairs: 0 });
    expect(traffic.total).toBe(25);
  });

  it('routes a chained dependency through its VNF hosts', () => {
    const chained = problem({ dependencies: [{ from: 'web', to: 'db', trafficMbps: 10, via: ['e2'] }] });
    // web-0 e1 → e2 → e1: 10 ms; web-1 e2 → e2 → e1: 5 ms.
    expect(computeTrafficCost(chained, placed)!.total).toBeCloseTo(75, 9);
  });

  it('refuses replicas that no path joins, and is unknown without dependencies', () => {
    const verdict = evaluate(problem(), { 'web-0': 'e1', 'web-1': 'e1', 'db-0': 'e3' }); // e3 has no registry either
    expect(verdict.violations.map((v) => v.rule).sort()).toEqual(['no-path', 'registry']);
    expect(computeTrafficCost(problem({ dependencies: undefined }), placed)).toBeNull();
  });
});

describe('moves', () => {
  const current = { assignment: { 'web-0': 'e2', 'web-1': 'e2', 'db-0': 'e1', 'gone-0': 'e1', 'db-1': 'removed-server' }, movePenaltyBytes: 1000 };

  it('lists the replicas placed elsewhere and the bytes their new servers pull', () => {
    const summary = computeMoves(problem({ current }), placed)!;
    expect(summary.moves).toEqual([{ container: 'web-0', from: 'e2', to: 'e1' }]);
    expect(summary.moveBytes).toBe(25 * MB); // e1 already holds base for db-0
    expect(summary.cost).toBe(25 * MB + 1000);
    expect(computeMoves(problem(), placed)).toBeNull();
  });

  it('counts a replica whose server is gone as moved, and a new replica as not moved', () => {
    const grown = problem({ current });
    grown.containers.push(
      { id: 'db-1', service: 'db', layers: ['base'], cpu: 1, memory: 1, bandwidth: 1 },
      { id: 'db-2', service: 'db', layers: ['base'], cpu: 1, memory: 1, bandwidth: 1 },
    );
    const summary = computeMoves(grown, { ...placed, 'db-1': 'e2', 'db-2': 'e2' })!;
    expect(summary.moves.map((m) => m.container)).toEqual(['web-0', 'db-1']);
  });
});

describe('the weighted objective', () => {
  it('adds each term times its weight, and keeps bytes for a storage-only problem', () => {
    const weights = { storage: 1, startup: 1e6, traffic: 1000, moves: 2 };
    const current = { assignment: { 'web-0': 'e2', 'web-1': 'e2', 'db-0': 'e1' }, movePenaltyBytes: 1000 };
    const verdict = evaluate(problem({ weights, current }), placed);
    expect(verdict.feasible).toBe(true);
    expect(verdict.terms).toMatchObject({ storageBytes: 75 * MB, trafficCost: 25, moves: 1, moveBytes: 25 * MB });
    expect(verdict.terms.startupSeconds).toBeCloseTo(2.01, 9);
    expect(verdict.cost).toBeCloseTo(75 * MB + 1e6 * 2.01 + 1000 * 25 + 2 * (25 * MB + 1000), 3);
    expect(evaluate(problem(), placed).cost).toBe(75 * MB);
  });
});

describe('the version-2 schema', () => {
  const errorsOf = (value: unknown) => {
    const parsed = parsePlacementProblem(value);
    return parsed.ok ? '' : formatProblemErrors(parsed.errors);
  };

  it('accepts the example and names each broken reference', () => {
    expect(errorsOf(problem({ weights: { storage: 1, startup: 1, traffic: 1, moves: 0 } }))).toBe('');
    const broken = problem({
      network: {
        registries: [{ id: 'r1' }, { id: 'r1' }],
        pulls: [
          { server: 'nope', registry: 'r2', bandwidthMbps: 0, latencyMs: 1 },
          { server: 'e1', registry: 'r1', bandwidthMbps: 1, latencyMs: 1 },
          { server: 'e1', registry: 'r1', bandwidthMbps: 1, latencyMs: 1 },
        ],
        latencies: [
          { a: 'e1', b: 'e1', latencyMs: 1 },
          { a: 'e1', b: 'e2', latencyMs: 1 },
          { a: 'e2', b: 'e1', latencyMs: 1 },
        ],
      },
      dependencies: [{ from: 'web', to: 'cache', trafficMbps: 1, via: ['x'] }],
    });
    expect(errorsOf(broken).split('\n')).toEqual([
      'network.pulls[0].bandwidthMbps: must be > 0',
      'network.registries[1].id: duplicate id',
      'network.pulls[0].server: unknown server',
      'network.pulls[0].registry: unknown registry',
      'network.pulls[2]: this server and registry are listed twice',
      'network.latencies[0].b: a server is 0 ms from itself; list pairs of two servers',
      'network.latencies[2]: this pair of servers is listed twice',
      'dependencies[0].to: no container is a replica of this service',
      'dependencies[0].via[0]: unknown server',
    ]);
  });

  it('refuses a weight on a term the problem cannot measure, and all-zero weights', () => {
    const bare = problem({ network: undefined, dependencies: undefined, weights: { storage: 1, startup: 1, traffic: 1, moves: 1 } });
    expect(errorsOf(bare).split('\n')).toEqual([
      'weights.startup: is > 0 but the problem has no network section',
      'weights.traffic: is > 0 but the problem lacks a network section or dependencies',
      'weights.moves: is > 0 but the problem has no current placement',
    ]);
    expect(errorsOf(problem({ weights: { storage: 0, startup: 0, traffic: 0, moves: 0 } }))).toBe('weights: at least one weight must be > 0');
  });

  it('keeps version 1 free of the version-2 sections', () => {
    expect(errorsOf({ ...problem(), version: 1 })).toMatch(/Unrecognized keys?: .*network/);
  });
});
