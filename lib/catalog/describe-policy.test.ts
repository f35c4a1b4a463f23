import { expect, test } from 'vitest';
import { describePolicy } from './describe-policy';

test('policies read as sentences', () => {
  expect(describePolicy({ type: 'spread', services: ['web'], edgeServers: [], fraction: null })).toBe('replicas of web run at different sites');
  expect(describePolicy({ type: 'pin', services: ['db'], edgeServers: ['e1', 'e2', 'e3'], fraction: null })).toBe('db may only run on e1, e2 and e3');
  expect(describePolicy({ type: 'max-utilisation', services: [], edgeServers: [], fraction: 0.8 })).toBe('CPU, memory and bandwidth stay at or below 80 % on every edge server');
  expect(describePolicy({ type: 'affinity', services: ['api', 'cache'], edgeServers: [], fraction: null })).toBe('all replicas of api and cache run on the same edge server');
});
