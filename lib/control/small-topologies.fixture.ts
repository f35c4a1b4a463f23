import { parseControlInput, type ControlInput, type ControlInputDraft } from './control-input-schema';

const link = (name: string, a: string, b: string, bandwidthMbps: number, latencyMs: number) => {
  const end = (n: string) => ({ kind: n.startsWith('e') ? ('edgeServer' as const) : ('networkNode' as const), name: n });
  return { name, a: end(a), b: end(b), bandwidthMbps, latencyMs };
};

/**
 * The diamond: e1 – s1 – {s2 (fast) | s3 (slow)} – s4 – e2, and e3 (a VNF host) hanging off s3.
 *
 *   e1 ─1ms─ s1 ─1ms─ s2 ─1ms─ s4 ─1ms─ e2        s1–s2, s2–s4, s1–s3, s3–s4: 100 Mbit/s
 *             └─2ms─ s3 ─2ms─┘                   edge links: 1000 Mbit/s
 *                     └─1ms─ e3
 */
export function diamond(overrides: Partial<ControlInputDraft> = {}): ControlInput {
  const draft: ControlInputDraft = {
    format: 'edgestack.control-input',
    version: 1,
    sites: [
      { name: 'north', region: 'eu-north', zone: 'a' },
      { name: 'south', region: 'eu-south' },
    ],
    edgeServers: [
      { name: 'e1', site: 'north' },
      { name: 'e2', site: 'south' },
      { name: 'e3', site: 'south' },
    ],
    networkNodes: ['s1', 's2', 's3', 's4'].map((name) => ({ name, kind: 'switch' as const, sdnManaged: true })),
    links: [
      link('e1--s1', 'e1', 's1', 1000, 1),
      link('s1--s2', 's1', 's2', 100, 1),
      link('s2--s4', 's2', 's4', 100, 1),
      link('s1--s3', 's1', 's3', 100, 2),
      link('s3--s4', 's3', 's4', 100, 2),
      link('s4--e2', 's4', 'e2', 1000, 1),
      link('e3--s3', 'e3', 's3', 1000, 1),
    ],
    services: [
      { name: 'web', port: 80, replicas: 1 },
      { name: 'api', port: 8080, replicas: 1 },
    ],
    placements: [
      { service: 'web', replica: 0, edgeServer: 'e1' },
      { service: 'api', replica: 0, edgeServer: 'e2' },
    ],
    dependencies: [{ from: 'web', to: 'api', trafficMbps: 60 }],
    vnfs: [{ name: 'fw', kind: 'firewall', host: 'e3' }],
    controllers: [
      { name: 'onos', kind: 'sdn', host: 'e1', manages: { networkNodes: ['s1', 's2', 's3', 's4'] } },
      { name: 'istio', kind: 'mesh', host: 'e1', manages: { services: ['web', 'api'] } },
    ],
    ...overrides,
  };
  const parsed = parseControlInput(draft);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.input;
}

/** `count` replicas of a service, all on one edge server. */
export const replicasOn = (service: string, edgeServer: string, count: number) => Array.from({ length: count }, (_, replica) => ({ service, replica, edgeServer }));
