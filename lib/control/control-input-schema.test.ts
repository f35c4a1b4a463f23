import { describe, expect, it } from 'vitest';
import { nameLink, parseControlInput } from './control-input-schema';

// Vitest types asymmetric matchers as any; `as string` says what each one stands for.

const minimal = {
  format: 'edgestack.control-input',
  version: 1,
  sites: [{ name: 'north', region: 'eu-north' }],
  edgeServers: [{ name: 'e1', site: 'north' }, { name: 'e2' }],
  networkNodes: [{ name: 's1', kind: 'switch', sdnManaged: true }],
  links: [
    { name: 'e1--s1', a: { kind: 'edgeServer', name: 'e1' }, b: { kind: 'networkNode', name: 's1' }, bandwidthMbps: 1000, latencyMs: 1 },
    { name: 'e2--s1', a: { kind: 'edgeServer', name: 'e2' }, b: { kind: 'networkNode', name: 's1' }, bandwidthMbps: 1000, latencyMs: 1 },
  ],
  services: [
    { name: 'web', port: 80, replicas: 1 },
    { name: 'db', port: 5432, replicas: 1 },
  ],
  placements: [
    { service: 'web', replica: 0, edgeServer: 'e1' },
    { service: 'db', replica: 0, edgeServer: 'e2' },
  ],
  dependencies: [{ from: 'web', to: 'db', trafficMbps: 10 }],
};

describe('parseControlInput', () => {
  it('accepts a minimal input and fills the defaults', () => {
    const result = parseControlInput(JSON.stringify(minimal));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.addressing.subnet).toBe('10.64.0.0/16');
    expect(result.input.onos.appId).toBe('org.edgestack.control');
    expect(result.input.sites[0].zone).toBe('');
    expect(result.input.dependencies[0].chain).toEqual([]);
    expect(result.input.edgeServers[1].site).toBeNull();
  });

  it('reports unknown references with their paths', () => {
    const bad = {
      ...minimal,
      links: [{ ...minimal.links[0], b: { kind: 'networkNode', name: 'nowhere' } }],
      placements: [{ service: 'web', replica: 1, edgeServer: 'e1' }],
      dependencies: [{ from: 'web', to: 'db', trafficMbps: 10, chain: ['fw'] }],
    };
    const result = parseControlInput(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain('links[0].b.name');
    expect(paths).toContain('placements[0].replica');
    expect(paths).toContain('dependencies[0].chain[0]');
  });

  it('refuses unknown fields, a wrong format and a subnet with host bits', () => {
    const shape = parseControlInput({ ...minimal, format: 'other', extra: 1 });
    expect(shape.ok).toBe(false);
    if (shape.ok) return;
    expect(shape.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['format', '(root)']));
    const subnet = parseControlInput({ ...minimal, addressing: { subnet: '10.64.1.0/16' } });
    expect(subnet.ok).toBe(false);
    if (subnet.ok) return;
    expect(subnet.errors).toEqual([{ path: 'addressing.subnet', message: expect.stringMatching(/host bits set.*10\.64\.0\.0/) as string }]);
  });

  it('refuses a subnet too small for the replicas', () => {
    const result = parseControlInput({
      ...minimal,
      addressing: { subnet: '10.0.0.0/31' },
      services: [
        { name: 'web', port: 80, replicas: 3 },
        { name: 'db', port: 5432, replicas: 1 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.find((e) => e.path === 'addressing.subnet')?.message).toMatch(/2 host addresses/);
  });
});

describe('nameLink', () => {
  it('names parallel links with a suffix', () => {
    const taken = new Set<string>();
    expect(nameLink('a', 'b', taken)).toBe('a--b');
    expect(nameLink('a', 'b', taken)).toBe('a--b#2');
    expect(nameLink('a', 'b', taken)).toBe('a--b#3');
  });
});
