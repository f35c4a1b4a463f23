import { describe, expect, test } from 'vitest';
import { measureNetworkSection, type Topology } from './measure-network-section';

type End = { kind: 'edgeServer' | 'networkNode'; name: string };
const end = (name: string): End => ({ kind: name.startsWith('e') ? 'edgeServer' : 'networkNode', name });
const link = (name: string, a: string, b: string, bandwidthMbps: number, latencyMs: number) => ({ name, a: end(a), b: end(b), bandwidthMbps, latencyMs });

/**
 *   e1 ─1000/1─ core ─100/5─ s2 ─1000/1─ e2        e3: no link at all
 *                 └──────────1000/20──────┘         registry hub on core, registry local on e2
 */
const topology = (registries: Topology['registries']): Topology => ({
  edgeServers: [
    { name: 'e1', bandwidthMbps: 10_000 },
    { name: 'e2', bandwidthMbps: 25_000 },
    { name: 'e3', bandwidthMbps: 10_000 },
  ],
  networkNodes: [{ name: 'core' }, { name: 's2' }],
  links: [link('e1-core', 'e1', 'core', 1000, 1), link('core-s2 fast', 'core', 's2', 100, 5), link('core-s2 wide', 'core', 's2', 1000, 20), link('s2-e2', 's2', 'e2', 1000, 1)],
  registries,
});

describe('measureNetworkSection', () => {
  test('pulls take the widest path to the node a registry is attached to; unattached registries are left out', () => {
    const section = measureNetworkSection(
      topology([
        { name: 'hub', attachedTo: { kind: 'networkNode', name: 'core' } },
        { name: 'loose', attachedTo: null },
      ]),
    );
    expect(section.registries).toEqual([{ id: 'hub' }]);
    expect(section.pulls).toEqual([
      { server: 'e1', registry: 'hub', bandwidthMbps: 1000, latencyMs: 1, path: ['e1', 'core'] },
      // The 1000 Mbit/s link at 20 ms, not the 100 Mbit/s one at 5 ms.
      { server: 'e2', registry: 'hub', bandwidthMbps: 1000, latencyMs: 21, path: ['e2', 's2', 'core'] },
    ]);
  });

  test('a registry on an edge server is reached over the path to that server, and read locally there', () => {
    const section = measureNetworkSection(topology([{ name: 'local', attachedTo: { kind: 'edgeServer', name: 'e2' } }]));
    expect(section.pulls).toEqual([
      { server: 'e1', registry: 'local', bandwidthMbps: 1000, latencyMs: 22, path: ['e1', 'core', 's2', 'e2'] },
      { server: 'e2', registry: 'local', bandwidthMbps: 25_000, latencyMs: 0, path: ['e2'] },
    ]);
  });

  test('latencies: every pair a path joins, at the lowest latency; a server with no link has none', () => {
    const section = measureNetworkSection(topology([]));
    expect(section.latencies).toEqual([{ a: 'e1', b: 'e2', latencyMs: 7 }]);
  });
});
