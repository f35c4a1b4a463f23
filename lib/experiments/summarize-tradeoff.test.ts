import { describe, expect, test } from 'vitest';
import { tradeoffParamsSchema, type TradeoffAxis, type TradeoffPoint } from './experiment-schema';
import { summarizeTradeoff, writeTradeoffTakeaway } from './summarize-tradeoff';

const MIB = 1024 ** 2;

/** A solved point: storage in MiB, the axis's term in s or Mbit/s·ms. */
function point(axis: TradeoffAxis, weight: number, storageMiB: number, term: number, algorithm = 'greedy', status = 'feasible'): TradeoffPoint {
  return {
    axis,
    weight,
    algorithm,
    status,
    cost: storageMiB * MIB,
    terms: {
      storageBytes: storageMiB * MIB,
      startupSeconds: axis === 'startup' ? term : 1,
      startupSumSeconds: null,
      trafficCost: axis === 'traffic' ? term : 10,
      moves: null,
      moveBytes: null,
    },
    noSharingCost: 500 * MIB,
    elapsedMs: 20,
  };
}

const params = tradeoffParamsSchema.parse({ figure: 'tradeoff', startupWeights: '0, 1, 10, 100', trafficWeights: '0, 1', algorithms: ['greedy', 'no-sharing'] });

describe('summarizeTradeoff', () => {
  test('one chart per swept axis; the front is marked, the no-sharing placement kept apart as the reference', () => {
    const points = [
      point('startup', 0, 100, 9),
      point('startup', 0, 400, 20, 'no-sharing'),
      point('startup', 1, 100, 9),
      point('startup', 10, 150, 4),
      point('startup', 100, 300, 3),
      point('startup', 100, 320, 5, 'exact'),
      point('traffic', 0, 100, 80),
    ];
    const [startup, traffic] = summarizeTradeoff(params, points);
    expect(startup.axis).toBe('startup');
    expect(startup.storageUnit.label).toBe('MiB');
    expect(startup.points.map((p) => [p.weight, p.storage, p.term, p.onFront])).toEqual([
      [0, 100, 9, true],
      [1, 100, 9, true],
      [10, 150, 4, true],
      [100, 300, 3, true],
      [100, 320, 5, false],
    ]);
    expect(startup.front.map((p) => p.storage)).toEqual([100, 100, 150, 300]);
    expect(startup.baseline).toMatchObject({ algorithm: 'no-sharing', storage: 400, term: 20, onFront: false });
    expect(traffic.points).toHaveLength(1);
    expect(traffic.termUnit).toBe('Mbit/s·ms');
  });

  test('an axis without weights gets no chart; failed solves are not points', () => {
    const startupOnly = tradeoffParamsSchema.parse({ figure: 'tradeoff', startupWeights: '5', algorithms: ['greedy'] });
    const failed: TradeoffPoint = { ...point('startup', 5, 0, 0), status: 'timeout', cost: null, terms: null };
    const summaries = summarizeTradeoff(startupOnly, [failed]);
    expect(summaries.map((s) => s.axis)).toEqual(['startup']);
    expect(summaries[0].points).toEqual([]);
  });
});

describe('writeTradeoffTakeaway', () => {
  test('names the weight below which every placement that stores less also starts faster, and what the fastest costs', () => {
    const points = [
      point('startup', 0, 100, 9),
      point('startup', 0, 400, 20, 'no-sharing'),
      point('startup', 1, 110, 9.5, 'kube-default'),
      point('startup', 1, 100, 9),
      point('startup', 10, 150, 4),
      point('startup', 100, 300, 3),
    ];
    expect(writeTradeoffTakeaway('startup', points)).toBe(
      'Below 10 MiB/s, every placement that stores less also starts faster; from there they pull apart: the fastest start-up, 3 s, needs 300 MiB against 100 MiB (at 9 s) for the least storage.',
    );
  });

  test('when storing least is also fastest everywhere, says sharing helps both, against no sharing', () => {
    const points = [point('traffic', 0, 100, 40), point('traffic', 0, 400, 90, 'no-sharing'), point('traffic', 5, 100, 40), point('traffic', 5, 120, 60, 'kube-default')];
    expect(writeTradeoffTakeaway('traffic', points)).toBe(
      'Sharing helps both at every weight swept (0–5 MiB per Mbit/s·ms): the placement that stores least, 100 MiB, also has the lowest traffic cost, 40 Mbit/s·ms; without sharing it would be 400 MiB and 90 Mbit/s·ms.',
    );
  });

  test('a trade-off from the first weight on, and equal storage before the trade-off, are said as such', () => {
    expect(writeTradeoffTakeaway('startup', [point('startup', 0, 100, 9), point('startup', 1, 150, 4)])).toBe(
      'Storage and start-up pull apart across the sweep (0–1 MiB/s): the fastest start-up, 4 s, needs 150 MiB against 100 MiB (at 9 s) for the least storage.',
    );
    expect(writeTradeoffTakeaway('startup', [point('startup', 0, 100, 9), point('startup', 1, 100, 8), point('startup', 2, 150, 4)])).toBe(
      'Below 2 MiB/s, every placement stores 100 MiB; from there they pull apart: the fastest start-up, 4 s, needs 150 MiB against 100 MiB (at 8 s) for the least storage.',
    );
  });

  test('a rounding error in a term is no trade-off', () => {
    const points = [point('startup', 0, 100, 4 + 1e-12), point('startup', 1, 150, 4)];
    expect(writeTradeoffTakeaway('startup', points)).toMatch(/^Sharing helps both/);
  });

  test('says plainly when there is nothing to conclude', () => {
    expect(writeTradeoffTakeaway('startup', [])).toMatch(/^No start-up results yet/);
    expect(writeTradeoffTakeaway('startup', [{ ...point('startup', 0, 1, 1), status: 'infeasible', terms: null, cost: null }])).toMatch(/^No weight found a valid placement/);
    const blind = point('traffic', 0, 100, 0);
    expect(writeTradeoffTakeaway('traffic', [{ ...blind, terms: { ...blind.terms!, trafficCost: null } }])).toMatch(/^No solve reported a traffic cost figure/);
  });
});
