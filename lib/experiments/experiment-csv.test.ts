import { describe, expect, test } from 'vitest';
import { experimentToCsv } from './experiment-csv';
import type { ExperimentPoint } from './experiment-schema';

const base: ExperimentPoint = { x: 8, containers: 8, capacityScale: 1, algorithm: 'greedy', status: 'feasible', cost: 600, lowerBound: null, noSharingCost: 1000, elapsedMs: 12.6 };

describe('experimentToCsv', () => {
  test('a header and one row per point, ordered by x then algorithm, raw bytes and milliseconds', () => {
    const csv = experimentToCsv('containers', [
      base,
      { ...base, x: 4, containers: 4, algorithm: 'no-sharing', status: 'feasible', cost: 500, noSharingCost: 500 },
      { ...base, algorithm: 'exact', status: 'timeout', cost: null, lowerBound: 550, elapsedMs: 2000 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'figure,x,containers,capacity_multiplier,algorithm,status,cost_bytes,lower_bound_bytes,no_sharing_cost_bytes,saving_vs_no_sharing,elapsed_ms',
      'containers,4,4,1,no-sharing,feasible,500,,500,0,13',
      'containers,8,8,1,exact,timeout,,550,1000,,2000',
      'containers,8,8,1,greedy,feasible,600,,1000,0.4,13',
      '',
    ]);
  });

  test('text that a spreadsheet would misread is quoted or defused', () => {
    const csv = experimentToCsv('capacity', [{ ...base, algorithm: '=cmd,"x"' }]);
    expect(csv.split('\r\n')[1]).toBe(`capacity,8,8,1,"'=cmd,""x""",feasible,600,,1000,0.4,13`);
  });
});
