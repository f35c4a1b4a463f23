import { describe, expect, test } from 'vitest';
import type { PlacementProblem } from '@/lib/placement/types';
import { describeMoves } from './describe-moves';

const server = (id: string, cachedLayers: string[] = []) => ({ id, storage: 1e9, cpu: 8, memory: 8192, bandwidth: 1000, cachedLayers });
const container = (id: string, layers: string[]) => ({ id, service: id.replace(/-\d+$/, ''), layers, cpu: 1, memory: 256, bandwidth: 0 });

// a and b stay; c was removed. web-0 and api-0 were on c, web-1 on a; job-0 is new.
const problem: PlacementProblem = {
  version: 2,
  objective: 'storage',
  layers: [
    { digest: 'base', size: 100 },
    { digest: 'web', size: 20 },
    { digest: 'api', size: 30 },
  ],
  servers: [server('a'), server('b', ['base'])],
  containers: [container('web-0', ['base', 'web']), container('web-1', ['base', 'web']), container('api-0', ['base', 'api']), container('job-0', ['base'])],
  policies: [],
  weights: { storage: 1, startup: 0, traffic: 0, moves: 1 },
  current: { assignment: { 'web-0': 'c', 'web-1': 'a', 'api-0': 'c', 'gone-0': 'a' }, movePenaltyBytes: 1000 },
};

describe('describeMoves', () => {
  test('each move with what its new server pulls, adding up to the engine’s moveBytes', () => {
    const report = describeMoves(problem, { 'web-0': 'b', 'web-1': 'a', 'api-0': 'b', 'job-0': 'a' })!;
    expect(report.moves).toEqual([
      // b caches base: web-0 brings web, api-0 then only api.
      { container: 'web-0', from: 'c', fromRemoved: true, to: 'b', pulledBytes: 20 },
      { container: 'api-0', from: 'c', fromRemoved: true, to: 'b', pulledBytes: 30 },
    ]);
    expect(report).toMatchObject({ placedAnew: ['job-0'], kept: 1, moveBytes: 50, movePenaltyBytes: 1000, term: 50 + 2 * 1000 });
  });

  test('a layer a moved replica finds already on its new server (held by a replica that stays) is not pulled', () => {
    const report = describeMoves(problem, { 'web-0': 'a', 'web-1': 'a', 'api-0': 'a', 'job-0': 'a' })!;
    expect(report.moves.map((m) => [m.container, m.pulledBytes])).toEqual([
      ['web-0', 0],
      ['api-0', 30],
    ]);
    expect(report.moveBytes).toBe(30);
  });

  test('no current placement: not a re-plan', () => {
    expect(describeMoves({ ...problem, current: undefined }, {})).toBeNull();
  });
});
