import { describe, expect, test } from 'vitest';
import { parsePlacementProblem } from '@/lib/placement/problem-schema';
import type { PlacementProblem } from '@/lib/placement/types';
import { checkTradeoffAxes, deriveTradeoffProblem } from './derive-tradeoff-problem';
import { countPoints, experimentParamsSchema, WEIGHT_UNIT_BYTES } from './experiment-schema';
import { EXAMPLE_DEPENDENCIES, EXAMPLE_NETWORK } from './network-scenario.fixture';

const base: PlacementProblem = {
  version: 2,
  objective: 'storage',
  layers: [{ digest: 'sha256:base', size: 30_000_000 }],
  servers: ['edge-a', 'edge-b'].map((id) => ({ id, storage: 1e9, cpu: 4, memory: 8192, bandwidth: 1000 })),
  containers: [
    { id: 'web-0', service: 'web', layers: ['sha256:base'], cpu: 1, memory: 512, bandwidth: 50 },
    { id: 'api-0', service: 'api', layers: ['sha256:base'], cpu: 1, memory: 512, bandwidth: 50 },
  ],
  policies: [],
  network: EXAMPLE_NETWORK,
  dependencies: EXAMPLE_DEPENDENCIES,
  current: { assignment: { 'web-0': 'edge-a' }, movePenaltyBytes: 5 },
  weights: { storage: 1, startup: 0, traffic: 0, moves: 3 },
};

describe('deriveTradeoffProblem', () => {
  test('weighs storage 1 and the axis’s term at the weight in MiB, nothing else; a valid problem without the placement in force', () => {
    const startup = deriveTradeoffProblem(base, 'startup', 2.5);
    expect(startup.weights).toEqual({ storage: 1, startup: 2.5 * WEIGHT_UNIT_BYTES, traffic: 0, moves: 0 });
    expect(startup.current).toBeUndefined();
    expect(parsePlacementProblem(startup).ok).toBe(true);
    expect(deriveTradeoffProblem(base, 'traffic', 0.1).weights).toEqual({ storage: 1, startup: 0, traffic: 0.1 * WEIGHT_UNIT_BYTES, moves: 0 });
    expect(deriveTradeoffProblem({ ...base, version: 1 }, 'startup', 0).version).toBe(2);
  });
});

describe('checkTradeoffAxes', () => {
  test('both terms can be swept with registries, paths and dependencies with traffic', () => {
    expect(checkTradeoffAxes(base)).toEqual({ startup: { ok: true }, traffic: { ok: true } });
  });

  test('each missing input says what to do', () => {
    const { network: _network, ...noNetwork } = base;
    const without = checkTradeoffAxes(noNetwork);
    expect(without.startup).toEqual({ ok: false, reason: expect.stringMatching(/attach a registry to the topology/) as string });
    expect(without.traffic.ok).toBe(false);
    expect(checkTradeoffAxes({ ...base, network: { ...EXAMPLE_NETWORK, registries: [] } }).startup).toEqual({
      ok: false,
      reason: expect.stringMatching(/^No registry is attached/) as string,
    });
    expect(checkTradeoffAxes({ ...base, network: { ...EXAMPLE_NETWORK, pulls: [] } }).startup).toEqual({
      ok: false,
      reason: expect.stringMatching(/^No edge server reaches a registry/) as string,
    });
    const silent = checkTradeoffAxes({ ...base, dependencies: [{ from: 'web', to: 'api', trafficMbps: 0 }] });
    expect(silent).toEqual({ startup: { ok: true }, traffic: { ok: false, reason: expect.stringMatching(/connect the services that call each other/) as string } });
  });
});

describe('trade-off sweep parameters', () => {
  test('weights are read from text, sorted and without repeats; the points count every term, weight and algorithm', () => {
    const parsed = experimentParamsSchema.parse({ figure: 'tradeoff', startupWeights: '10, 0 1;10', trafficWeights: '', algorithms: ['greedy', 'exact'] });
    expect(parsed).toMatchObject({ figure: 'tradeoff', source: 'scenario', startupWeights: [0, 1, 10], trafficWeights: [], timeLimitSec: 10 });
    expect(countPoints(parsed)).toBe(6);
    expect(countPoints(experimentParamsSchema.parse({ figure: 'tradeoff', startupWeights: '1', trafficWeights: '1 2', algorithms: ['greedy'] }))).toBe(3);
  });

  test('refused with a message at the field: no weights at all, a negative weight, another source', () => {
    const issues = (input: object) =>
      experimentParamsSchema.safeParse({ figure: 'tradeoff', algorithms: ['greedy'], ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({})).toEqual([['startupWeights', 'Give weights for start-up time, traffic cost or both']]);
    expect(issues({ trafficWeights: '1, -2' })).toEqual([['trafficWeights.1', 'Weights are 0 or more']]);
    expect(issues({ startupWeights: '1', source: 'synthetic' })).toEqual([['source', 'A trade-off sweep solves this scenario’s own problem']]);
    expect(experimentParamsSchema.safeParse({ figure: 'fig6' }).error?.issues[0].message).toBe('Choose Fig. 4 (containers), Fig. 5 (capacity) or a trade-off sweep');
  });
});
