import { describe, expect, test } from 'vitest';
import { buildNetworkGraph, sinkKey, sourceKey } from './build-network-graph';
import { createPathFinder } from './path-finder';
import { diamond } from './small-topologies.fixture';

type End = { kind: 'edgeServer' | 'networkNode'; name: string };
const end = (name: string): End => ({ kind: name.startsWith('e') ? 'edgeServer' : 'networkNode', name });
const link = (name: string, a: string, b: string, bandwidthMbps: number, latencyMs: number) => ({ name, a: end(a), b: end(b), bandwidthMbps, latencyMs, lossPct: 0 });
const topology = (servers: string[], nodes: string[], links: ReturnType<typeof link>[]) =>
  buildNetworkGraph({
    edgeServers: servers.map((name) => ({ name, site: null })),
    networkNodes: nodes.map((name) => ({ name, kind: 'switch' as const, sdnManaged: false, site: null })),
    links,
  });

/** The widest paths from one source, through a path finder of its own. */
const findWidestPaths = (network: Parameters<typeof createPathFinder>[0], source: string, targets: string[]) => createPathFinder(network).widestPaths(source, targets);

describe('createPathFinder: widest paths', () => {
  test('equal bottlenecks: the lower latency wins (the diamond, e1 to e2 through s2, not s3)', () => {
    const paths = findWidestPaths(buildNetworkGraph(diamond()), sourceKey('e1'), [sinkKey('e2')]);
    expect(paths.get(sinkKey('e2'))).toEqual({ nodes: ['e1', 's1', 's2', 's4', 'e2'], links: ['e1--s1', 's1--s2', 's2--s4', 's4--e2'], latencyMs: 4, bottleneckMbps: 100 });
  });

  test('a wider path wins over a faster one', () => {
    const input = diamond();
    const wide = { ...input, links: input.links.map((l) => (l.name === 's1--s3' || l.name === 's3--s4' ? { ...l, bandwidthMbps: 500 } : l)) };
    const path = findWidestPaths(buildNetworkGraph(wide), sourceKey('e1'), [sinkKey('e2')]).get(sinkKey('e2'))!;
    expect(path.nodes).toEqual(['e1', 's1', 's3', 's4', 'e2']);
    expect(path.bottleneckMbps).toBe(500);
    expect(path.latencyMs).toBe(6);
  });

  test('a wide slow prefix does not win once a narrower link makes both prefixes equally wide', () => {
    // a→x→m is 1000 Mbit/s but 10 ms; a→y→m 100 Mbit/s and 1 ms; m→t is 50 Mbit/s for both. A
    // single search ordered by (width, latency) would settle m through x and report 11 ms.
    const network = topology(
      ['ea', 'et'],
      ['x', 'y', 'm'],
      [link('ea-x', 'ea', 'x', 1000, 5), link('x-m', 'x', 'm', 1000, 5), link('ea-y', 'ea', 'y', 100, 0.5), link('y-m', 'y', 'm', 100, 0.5), link('m-et', 'm', 'et', 50, 1)],
    );
    const path = findWidestPaths(network, sourceKey('ea'), [sinkKey('et')]).get(sinkKey('et'))!;
    expect(path).toEqual({ nodes: ['ea', 'y', 'm', 'et'], links: ['ea-y', 'y-m', 'm-et'], latencyMs: 2, bottleneckMbps: 50 });
  });

  test('parallel links: the path takes one wide enough, the fastest of those', () => {
    const network = topology(['ea', 'eb'], ['s'], [link('ea-s', 'ea', 's', 1000, 1), link('s-eb fast', 's', 'eb', 10, 0.1), link('s-eb wide', 's', 'eb', 1000, 3)]);
    const path = findWidestPaths(network, sourceKey('ea'), [sinkKey('eb')]).get(sinkKey('eb'))!;
    expect(path.links).toEqual(['ea-s', 's-eb wide']);
    expect(path.latencyMs).toBe(4);
  });

  test('edge servers do not forward: a target reached only through another server is left out', () => {
    const network = topology(['ea', 'eb', 'ec'], [], [link('ea-eb', 'ea', 'eb', 1000, 1), link('eb-ec', 'eb', 'ec', 1000, 1)]);
    const paths = findWidestPaths(network, sourceKey('ea'), [sinkKey('eb'), sinkKey('ec')]);
    expect([...paths.keys()]).toEqual([sinkKey('eb')]);
  });
});

describe('createPathFinder: lowest latencies', () => {
  test('the lowest latency to each target, whatever the bandwidth; edge servers do not forward', () => {
    expect(createPathFinder(buildNetworkGraph(diamond())).lowestLatencies(sourceKey('e1'), [sinkKey('e2'), sinkKey('e3'), 'n:nowhere'])).toEqual([4, 4, Infinity]);
    const chain = topology(['ea', 'eb', 'ec'], [], [link('ea-eb', 'ea', 'eb', 1000, 1), link('eb-ec', 'eb', 'ec', 1000, 1)]);
    expect(createPathFinder(chain).lowestLatencies(sourceKey('ea'), [sinkKey('eb'), sinkKey('ec')])).toEqual([1, Infinity]);
  });
});
