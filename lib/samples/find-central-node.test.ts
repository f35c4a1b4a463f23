import { describe, expect, test } from 'vitest';
import { findCentralNode } from './find-central-node';

const node = (name: string) => ({ name, kind: 'router' as const });
const link = (a: string, b: string, latencyMs: number) => ({
  name: `${a}-${b}`,
  medium: 'fiber' as const,
  bandwidthMbps: 1000,
  latencyMs,
  a: { kind: 'networkNode' as const, name: a },
  b: { kind: 'networkNode' as const, name: b },
});

describe('findCentralNode', () => {
  test('the node with the lowest worst latency to the others, ties by name', () => {
    // a –1– b –1– c –5– d: the worst latency is 7 ms from a, 6 from b, 5 from c, 7 from d.
    expect(findCentralNode({ networkNodes: ['a', 'b', 'c', 'd'].map(node), links: [link('a', 'b', 1), link('b', 'c', 1), link('c', 'd', 5)] })).toBe('c');
    // a –3– b –1– c –1– d: 5, 3, 4, 5.
    expect(findCentralNode({ networkNodes: ['a', 'b', 'c', 'd'].map(node), links: [link('a', 'b', 3), link('b', 'c', 1), link('c', 'd', 1)] })).toBe('b');
    expect(findCentralNode({ networkNodes: ['b', 'a'].map(node), links: [link('a', 'b', 2)] })).toBe('a');
    expect(findCentralNode({ networkNodes: [] })).toBeNull();
  });

  test('a node that does not reach every other one is never the centre while one that does exists', () => {
    expect(findCentralNode({ networkNodes: ['a', 'b', 'c', 'z'].map(node), links: [link('a', 'b', 1), link('b', 'c', 1)] })).toBe('a');
  });
});
