import { describe, expect, test } from 'vitest';
import type { Topology } from './measure-network-section';
import { measureRegistryPulls } from './measure-registry-pulls';
import { summarizeRegistryPulls } from './summarize-registry-pulls';

type End = { kind: 'edgeServer' | 'networkNode'; name: string };
const end = (name: string): End => ({ kind: name.startsWith('e') ? 'edgeServer' : 'networkNode', name });
const link = (name: string, a: string, b: string, bandwidthMbps: number, latencyMs: number) => ({ name, a: end(a), b: end(b), bandwidthMbps, latencyMs });

/**
 *   e1 ─1000/1─ core ─100/5─ access ─1000/1─ e2        e3: no link at all
 *   registries: hub on core, near on access, spare attached to nothing
 */
const topology: Topology = {
  edgeServers: [
    { name: 'e1', bandwidthMbps: 10_000 },
    { name: 'e2', bandwidthMbps: 10_000 },
    { name: 'e3', bandwidthMbps: 10_000 },
  ],
  networkNodes: [{ name: 'core' }, { name: 'access' }],
  links: [link('e1-core', 'e1', 'core', 1000, 1), link('core-sw', 'core', 'access', 100, 5), link('sw-e2', 'access', 'e2', 1000, 1)],
  registries: [
    { name: 'hub', attachedTo: { kind: 'networkNode', name: 'core' } },
    { name: 'near', attachedTo: { kind: 'networkNode', name: 'access' } },
    { name: 'spare', attachedTo: null },
  ],
};

describe('summarizeRegistryPulls', () => {
  const summary = summarizeRegistryPulls(topology, measureRegistryPulls(topology));

  test('each server pulls the reference GiB from the registry that finishes it soonest, over that path', () => {
    expect(summary.referenceBytes).toBe(2 ** 30);
    const [e1, e2, e3] = summary.servers;
    // e1: hub over 1 Gbit/s (0.001 + 8.59 s) beats near behind the 100 Mbit/s link (0.006 + 85.9 s).
    expect(e1).toMatchObject({ server: 'e1', registry: 'hub', bandwidthMbps: 1000, latencyMs: 1, path: ['e1', 'core'], reachable: 2 });
    expect(e1.referenceSeconds).toBeCloseTo(0.001 + (2 ** 30 * 8) / 1e9, 9);
    expect(e2).toMatchObject({ server: 'e2', registry: 'near', bandwidthMbps: 1000, latencyMs: 1, path: ['e2', 'access'], reachable: 2 });
    expect(e3).toEqual({ server: 'e3', registry: null, bandwidthMbps: null, latencyMs: null, path: [], referenceSeconds: null, reachable: 0 });
  });

  test('registries count the servers that reach them and those they serve fastest; the cut-off and the unattached are named', () => {
    expect(summary.registries).toEqual([
      { name: 'hub', attachedTo: { kind: 'networkNode', name: 'core' }, reachedBy: 2, fastestFor: 1 },
      { name: 'near', attachedTo: { kind: 'networkNode', name: 'access' }, reachedBy: 2, fastestFor: 1 },
      { name: 'spare', attachedTo: null, reachedBy: 0, fastestFor: 0 },
    ]);
    expect(summary.cutOff).toEqual(['e3']);
    expect(summary.unattached).toEqual(['spare']);
  });

  test('a small pull favours the lower latency, a large one the wider path', () => {
    const wide: Topology = {
      ...topology,
      links: [link('e1-core', 'e1', 'core', 1000, 40), link('e1-sw', 'e1', 'access', 100, 1)],
      edgeServers: [{ name: 'e1', bandwidthMbps: 10_000 }],
    };
    const measured = measureRegistryPulls(wide);
    // 1 MB: near takes 0.001 + 0.08 s, hub 0.04 + 0.008 s; 100 kB: near 0.009 s, hub 0.0408 s.
    expect(summarizeRegistryPulls(wide, measured, 1e6).servers[0].registry).toBe('hub');
    expect(summarizeRegistryPulls(wide, measured, 1e5).servers[0].registry).toBe('near');
    expect(summarizeRegistryPulls(wide, measured).servers[0].registry).toBe('hub');
  });
});
