import { describe, expect, it } from 'vitest';
import { computeGreedyControlPlan } from './compute-control-plan';
import { diamond, replicasOn } from './small-topologies.fixture';

const services = (web: number, api: number) => [
  { name: 'web', port: 80, replicas: web },
  { name: 'api', port: 8080, replicas: api },
];

describe('greedy routing', () => {
  it('takes the lowest-latency path and reports its links and latency', () => {
    const plan = computeGreedyControlPlan(diamond());
    expect(plan.unroutable).toEqual([]);
    expect(plan.demands).toHaveLength(1);
    const [d] = plan.demands;
    expect(d).toMatchObject({ from: 'web-0', to: 'api-0', mbps: 60, path: ['e1', 's1', 's2', 's4', 'e2'], links: ['e1--s1', 's1--s2', 's2--s4', 's4--e2'], latencyMs: 4 });
    const load = Object.fromEntries(plan.links.map((l) => [l.link, l.loadMbps]));
    expect(load).toEqual({ 'e1--s1': 60, 's1--s2': 60, 's2--s4': 60, 's1--s3': 0, 's3--s4': 0, 's4--e2': 60, 'e3--s3': 0 });
    expect(plan.links.find((l) => l.link === 's1--s2')).toMatchObject({ capacityMbps: 100, utilisationPct: 60, status: 'ok', demands: ['web-0->api-0'] });
  });

  it('sends the second demand round the slow branch once the fast one is full', () => {
    const plan = computeGreedyControlPlan(
      diamond({
        services: services(2, 1),
        placements: [...replicasOn('web', 'e1', 2), { service: 'api', replica: 0, edgeServer: 'e2' }],
        dependencies: [{ from: 'web', to: 'api', trafficMbps: 120 }],
      }),
    );
    expect(plan.unroutable).toEqual([]);
    const paths = plan.demands.map((d) => d.path.join(' '));
    expect(paths.sort()).toEqual(['e1 s1 s2 s4 e2', 'e1 s1 s3 s4 e2']);
    expect(plan.demands.map((d) => d.latencyMs).sort()).toEqual([4, 6]);
    for (const l of plan.links) expect(l.loadMbps).toBeLessThanOrEqual(l.capacityMbps);
  });

  it('lists a demand that fits nowhere as insufficient-bandwidth, largest demands first', () => {
    const plan = computeGreedyControlPlan(
      diamond({
        services: services(3, 1),
        placements: [...replicasOn('web', 'e1', 3), { service: 'api', replica: 0, edgeServer: 'e2' }],
        dependencies: [{ from: 'web', to: 'api', trafficMbps: 180 }],
      }),
    );
    expect(plan.demands).toHaveLength(2);
    expect(plan.unroutable).toHaveLength(1);
    expect(plan.unroutable[0]).toMatchObject({ reason: 'insufficient-bandwidth', mbps: 60 });
    expect(plan.summary).toMatchObject({ demands: 3, routed: 2, unroutable: 1 });
  });

  it('reroutes when a link is deleted, and reports no-path when the network is cut', () => {
    const base = diamond();
    const rerouted = computeGreedyControlPlan({ ...base, links: base.links.filter((l) => l.name !== 's2--s4') });
    expect(rerouted.demands[0].path).toEqual(['e1', 's1', 's3', 's4', 'e2']);
    const cut = computeGreedyControlPlan({ ...base, links: base.links.filter((l) => l.name !== 's2--s4' && l.name !== 's3--s4') });
    expect(cut.demands).toEqual([]);
    expect(cut.unroutable).toMatchObject([{ from: 'web-0', to: 'api-0', reason: 'no-path' }]);
  });

  it('never forwards through an edge server', () => {
    // e3 is joined to s2 as well as s3: a path s3 → e3 → s2 would be shorter than s3 → s4 if
    // machines forwarded, but they do not.
    const base = diamond();
    const input = {
      ...base,
      links: [
        ...base.links.filter((l) => l.name !== 's1--s2'),
        { name: 'e3--s2', a: { kind: 'edgeServer' as const, name: 'e3' }, b: { kind: 'networkNode' as const, name: 's2' }, bandwidthMbps: 1000, latencyMs: 0, lossPct: 0 },
      ],
    };
    const plan = computeGreedyControlPlan(input);
    expect(plan.demands[0].path).toEqual(['e1', 's1', 's3', 's4', 'e2']);
  });

  it('gives replicas on one edge server a one-node path', () => {
    const plan = computeGreedyControlPlan(
      diamond({
        placements: [
          { service: 'web', replica: 0, edgeServer: 'e2' },
          { service: 'api', replica: 0, edgeServer: 'e2' },
        ],
      }),
    );
    expect(plan.demands[0]).toMatchObject({ path: ['e2'], links: [], latencyMs: 0 });
  });

  it('sends each caller replica to its nearest callee replica', () => {
    const plan = computeGreedyControlPlan(
      diamond({
        services: services(2, 2),
        placements: [
          { service: 'web', replica: 0, edgeServer: 'e1' },
          { service: 'web', replica: 1, edgeServer: 'e2' },
          { service: 'api', replica: 0, edgeServer: 'e1' },
          { service: 'api', replica: 1, edgeServer: 'e2' },
        ],
        dependencies: [{ from: 'web', to: 'api', trafficMbps: 50 }],
      }),
    );
    expect(plan.demands.map((d) => [d.id, d.mbps])).toEqual([
      ['web-0->api-0', 25],
      ['web-1->api-1', 25],
    ]);
  });

  it('routes a chain through the VNF host, charging a link crossed twice twice', () => {
    const plan = computeGreedyControlPlan(diamond({ dependencies: [{ from: 'web', to: 'api', trafficMbps: 30, chain: ['fw'] }] }));
    const [d] = plan.demands;
    expect(d.path).toEqual(['e1', 's1', 's3', 'e3', 's3', 's4', 'e2']);
    expect(d.waypoints).toEqual([3]);
    expect(d.latencyMs).toBe(1 + 2 + 1 + 1 + 2 + 1);
    expect(plan.links.find((l) => l.link === 'e3--s3')!.loadMbps).toBe(60);
    expect(plan.links.find((l) => l.link === 's1--s2')!.loadMbps).toBe(0);
  });

  it('warns about dependencies without a placed replica and makes no demand', () => {
    const plan = computeGreedyControlPlan(diamond({ placements: [{ service: 'web', replica: 0, edgeServer: 'e1' }] }));
    expect(plan.summary.demands).toBe(0);
    expect(plan.warnings.map((w) => w.code)).toContain('dependency-unplaced');
  });

  it('warns at 80 % and flags nothing over capacity in greedy mode', () => {
    const plan = computeGreedyControlPlan(diamond({ dependencies: [{ from: 'web', to: 'api', trafficMbps: 85 }] }));
    expect(
      plan.warnings
        .filter((w) => w.code === 'link-near-capacity')
        .map((w) => w.link)
        .sort(),
    ).toEqual(['s1--s2', 's2--s4']);
    expect(plan.errors).toEqual([]);
  });
});
