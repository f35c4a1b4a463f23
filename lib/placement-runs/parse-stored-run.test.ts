import { expect, test } from 'vitest';
import { parseStoredRun } from './parse-stored-run';

const result = {
  status: 'feasible',
  algorithm: 'greedy',
  engine: null,
  objective: 'storage',
  cost: 10,
  lowerBound: null,
  noSharingCost: 20,
  assignment: { 'web-0': 'edge-1' },
  elapsedMs: 3,
};

test('columns the run has not written yet are null, not unreadable', () => {
  expect(parseStoredRun({ problem: null, result: null })).toEqual({ problem: null, result: null, unreadable: [] });
});

test('a result is read by its schema', () => {
  expect(parseStoredRun({ problem: null, result })).toEqual({ problem: null, result, unreadable: [] });
});

test('a malformed column says which column and where, and the others are still read', () => {
  const parsed = parseStoredRun({ problem: { version: 1, layers: 'none' }, result });
  expect(parsed.problem).toBeNull();
  expect(parsed.result).toEqual(result);
  expect(parsed.unreadable).toHaveLength(1);
  expect(parsed.unreadable[0]).toMatch(/^The stored problem of this run cannot be read: layers: .+ \(and \d+ more\)\.$/);
  expect(parseStoredRun({ problem: null, result: { ...result, cost: -1 } }, 'run 7').unreadable[0]).toMatch(/^The stored result of run 7 cannot be read: cost: /);
});
