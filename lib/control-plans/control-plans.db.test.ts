import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { applyEdit } from '@/lib/architecture/apply-edit';
import { buildControlInput, describeControlInputFailure } from './build-control-input';
import { listControlArtifacts, loadLatestControlPlan } from './list-control-artifacts';
import { recomputeControlPlan } from './recompute-control-plan';
import type { FlowsContent, LinkLoadContent, RoutesContent } from './plan-artifacts';

let db: TestDatabase;
let demoId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  demoId = (await seedDemoScenario(db.prisma))!.id;
});
afterAll(async () => db?.drop());

async function smallScenario(name: string, options: { apply?: boolean; link?: boolean } = {}) {
  const scenario = await db.prisma.scenario.create({ data: { name } });
  const server = (n: string) =>
    db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: n, cpuCores: 8, memoryMiB: 8192, storageBytes: 10n ** 11n, bandwidthMbps: 10_000 } });
  const [e1, e2] = [await server('e1'), await server('e2')];
  const s1 = await db.prisma.networkNode.create({ data: { scenarioId: scenario.id, name: 's1', kind: 'switch', sdnManaged: true } });
  if (options.link !== false) {
    await db.prisma.link.create({ data: { scenarioId: scenario.id, name: 'e1-s1', medium: 'ethernet', bandwidthMbps: 1000, latencyMs: 1, aEdgeServerId: e1.id, bNodeId: s1.id } });
    await db.prisma.link.create({ data: { scenarioId: scenario.id, name: 's1-e2', medium: 'ethernet', bandwidthMbps: 1000, latencyMs: 1, aNodeId: s1.id, bEdgeServerId: e2.id } });
  }
  const web = await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'web', imageRef: 'web:1', cpuCores: 1, memoryMiB: 512, port: 3000 } });
  const api = await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'api', imageRef: 'api:1', cpuCores: 2, memoryMiB: 1024, port: 8080, replicas: 2 } });
  await db.prisma.serviceDependency.create({ data: { fromServiceId: web.id, toServiceId: api.id, trafficMbps: 100 } });
  const onos = await db.prisma.controller.create({ data: { scenarioId: scenario.id, name: 'onos', kind: 'sdn', hostServerId: e1.id } });
  await db.prisma.controllerManagedNetworkNode.create({ data: { controllerId: onos.id, networkNodeId: s1.id } });
  const run = await db.prisma.placementRun.create({
    data: {
      scenarioId: scenario.id,
      algorithm: 'greedy',
      status: 'feasible',
      assignments: {
        create: [
          { serviceId: web.id, replica: 0, edgeServerId: e1.id },
          { serviceId: api.id, replica: 0, edgeServerId: e2.id },
          { serviceId: api.id, replica: 1, edgeServerId: e2.id },
        ],
      },
    },
  });
  if (options.apply !== false) await db.prisma.scenario.update({ where: { id: scenario.id }, data: { appliedRunId: run.id } });
  return { scenario, e1, e2, s1, web, api, onos, run };
}

describe('control input', () => {
  test('is built from the scenario and its applied placement, by name', async () => {
    const { scenario, run } = await smallScenario('Input');
    const built = await buildControlInput(db.prisma, scenario.id);
    if (!built.ok) throw new Error(describeControlInputFailure(built));
    expect(built.placementRunId).toBe(run.id);
    expect(built.input.services).toEqual([
      { name: 'api', port: 8080, replicas: 2 },
      { name: 'web', port: 3000, replicas: 1 },
    ]);
    expect(built.input.placements).toContainEqual({ service: 'web', replica: 0, edgeServer: 'e1' });
    expect(built.input.dependencies).toEqual([{ from: 'web', to: 'api', trafficMbps: 100, chain: [] }]);
    expect(built.input.links.map((l) => l.name)).toEqual(['e1-s1', 's1-e2']);
    expect(built.input.controllers[0]).toMatchObject({ name: 'onos', kind: 'sdn', host: 'e1', manages: { networkNodes: ['s1'] } });
  });

  test('without an applied placement, or with no edge server connected, nothing is built and the reason says what to do', async () => {
    const unapplied = await smallScenario('Unapplied', { apply: false });
    const a = await buildControlInput(db.prisma, unapplied.scenario.id);
    expect(a).toEqual({ ok: false, reason: 'no-applied-placement' });
    if (!a.ok) expect(describeControlInputFailure(a)).toMatch(/apply it/);
    const unlinked = await smallScenario('Unlinked', { link: false });
    const b = await buildControlInput(db.prisma, unlinked.scenario.id);
    expect(b).toEqual({ ok: false, reason: 'no-connected-edge-server' });
    expect(await recomputeControlPlan(db.prisma, unlinked.scenario.id)).toMatchObject({ status: 'skipped', reason: 'no-connected-edge-server' });
    expect(await db.prisma.controlArtifact.count({ where: { scenarioId: unlinked.scenario.id } })).toBe(0);
  });
});

describe('recompute', () => {
  test('stores versions only when something changed; an edit that reroutes adds one', async () => {
    const { scenario } = await smallScenario('Versions');
    const first = await recomputeControlPlan(db.prisma, scenario.id);
    expect(first.status).toBe('recomputed');
    if (first.status !== 'recomputed') return;
    expect(first.written.map((w) => `${w.kind}:${w.controller ?? ''}:${w.version}`).sort()).toEqual(['flows:onos:1', 'link-load::1', 'routes::1']);

    const again = await recomputeControlPlan(db.prisma, scenario.id);
    expect(again).toMatchObject({ status: 'recomputed', written: [], unchanged: 3 });

    const plan = await loadLatestControlPlan(db.prisma, scenario.id);
    const routes = plan.routes!.content as RoutesContent;
    // web-0 on e1 calls the nearer of api's two replicas, both on e2: one demand of 100 Mbit/s.
    expect(routes.demands).toHaveLength(1);
    expect(routes.demands[0]).toMatchObject({ from: 'web-0', mbps: 100, path: ['e1', 's1', 'e2'], links: ['e1-s1', 's1-e2'] });
    const load = plan.linkLoad!.content as LinkLoadContent;
    expect(load.links.find((l) => l.link === 'e1-s1')).toMatchObject({ loadMbps: 100, utilisationPct: 10 });
    const flows = plan.flows.find((f) => f.controller === 'onos')!.content as FlowsContent;
    expect(flows.switches.map((s) => s.node)).toEqual(['s1']);
    expect(flows.switches[0].onos.flows[0].selector.criteria).toContainEqual({ type: 'TCP_DST', tcpPort: 8080 });

    // The editor shrinks the first link below the demand: the demand becomes unroutable.
    const link = await db.prisma.link.findFirstOrThrow({ where: { scenarioId: scenario.id, name: 'e1-s1' } });
    await applyEdit(db.prisma, scenario.id, { type: 'updateLink', id: link.id, version: link.version, changes: { bandwidthMbps: 50 } });
    const after = await loadLatestControlPlan(db.prisma, scenario.id);
    expect(after.routes!.version).toBe(2);
    expect((after.routes!.content as RoutesContent).unroutable).toMatchObject([{ from: 'web-0', reason: 'insufficient-bandwidth' }]);
    const history = await listControlArtifacts(db.prisma, scenario.id, { kind: 'routes', controllerId: null });
    expect(history.map((h) => h.version)).toEqual([2, 1]);
  });

  test('a chain is stored and its VNF host is on the route', async () => {
    const { scenario, e1, s1, web, api } = await smallScenario('Chain');
    const e3 = await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e3', cpuCores: 8, memoryMiB: 8192, storageBytes: 10n ** 11n, bandwidthMbps: 10_000 } });
    await db.prisma.link.create({ data: { scenarioId: scenario.id, name: 's1-e3', medium: 'ethernet', bandwidthMbps: 1000, latencyMs: 1, aNodeId: s1.id, bEdgeServerId: e3.id } });
    const fw = await db.prisma.vnf.create({ data: { scenarioId: scenario.id, name: 'fw', kind: 'firewall', hostServerId: e3.id } });
    await db.prisma.serviceDependencyVnf.create({ data: { fromServiceId: web.id, toServiceId: api.id, position: 0, vnfId: fw.id } });
    expect(e1.name).toBe('e1');
    await recomputeControlPlan(db.prisma, scenario.id);
    const routes = (await loadLatestControlPlan(db.prisma, scenario.id)).routes!.content as RoutesContent;
    expect(routes.demands[0].path).toEqual(['e1', 's1', 'e3', 's1', 'e2']);
    expect(routes.demands[0].chain).toEqual(['fw']);
  });

  test('the demo is seeded placed, with its control plan', async () => {
    const plan = await loadLatestControlPlan(db.prisma, demoId);
    expect(plan.placementRun).not.toBeNull();
    const routes = plan.routes!.content as RoutesContent;
    expect(routes.demands.length).toBeGreaterThan(5);
    expect(routes.demands.some((d) => d.chain.length >= 2)).toBe(true);
    const onos = plan.flows.find((f) => f.controller === 'onos')!;
    expect((onos.content as FlowsContent).switches.reduce((n, s) => n + s.onos.flows.length, 0)).toBeGreaterThan(0);
    expect(plan.mesh.find((m) => m.controller === 'istiod')!.summary).toMatch(/Istio objects? for 12 services/);
  });
});
