import { describe, expect, test } from 'vitest';
import type { TradeoffPoint } from './experiment-schema';
import { tradeoffToCsv } from './tradeoff-csv';

const base: TradeoffPoint = {
  axis: 'startup',
  weight: 0,
  algorithm: 'greedy',
  status: 'feasible',
  cost: 1000,
  terms: { storageBytes: 1000, startupSeconds: 9, startupSumSeconds: 12.5, trafficCost: 40, moves: null, moveBytes: null },
  noSharingCost: 3000,
  elapsedMs: 12.6,
};

describe('tradeoffToCsv', () => {
  test('a header and one row per solve by axis, weight and algorithm, raw units, the front marked', () => {
    const csv = tradeoffToCsv([
      { ...base, axis: 'traffic', weight: 1, cost: 1040 },
      { ...base, weight: 10, cost: 1500, terms: { ...base.terms!, storageBytes: 1200, startupSeconds: 3 } },
      { ...base, weight: 10, algorithm: 'exact', status: 'timeout', cost: null, terms: null },
      base,
      { ...base, algorithm: 'no-sharing', cost: 3000, terms: { ...base.terms!, storageBytes: 3000, startupSeconds: 2 } },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'axis,weight_mib_per_unit,algorithm,status,storage_bytes,startup_makespan_s,startup_sum_s,traffic_cost_mbps_ms,weighted_cost,no_sharing_cost_bytes,on_front,elapsed_ms',
      'startup,0,greedy,feasible,1000,9,12.5,40,1000,3000,1,13',
      'startup,0,no-sharing,feasible,3000,2,12.5,40,3000,3000,0,13',
      'startup,10,exact,timeout,,,,,,3000,,13',
      'startup,10,greedy,feasible,1200,3,12.5,40,1500,3000,1,13',
      'traffic,1,greedy,feasible,1000,9,12.5,40,1040,3000,1,13',
      '',
    ]);
  });
});
