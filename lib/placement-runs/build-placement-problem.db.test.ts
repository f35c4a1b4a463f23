import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { buildPlacementProblem, describeBuildFailure } from './build-placement-problem';

let db: TestDatabase;
let demoId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  demoId = (await seedDemoScenario(db.prisma))!.id;
});
afterAll(async () => db?.drop());

test('the demo becomes the problem a planner would write by hand', async () => {
  const built = await buildPlacementProblem(db.prisma, demoId);
  if (!built.ok) throw new Error(describeBuildFailure(built));
  const { problem } = built;
  // 13 services: 3+2+2+2+2+1+2+2+2+2+1+1+3 replicas.
  expect(problem.containers).toHaveLength(25);
  expect(problem.servers).toHaveLength(15);
  expect(problem.containers.map((c) => c.id)).toContain('frontend-2');
  // co-compute-1 hosts the firewall (2 cores, 4 GiB) and the ingress load balancer (2, 2 GiB);
  // co-k8s-master the Kubernetes control plane (4, 8 GiB) and istiod (2, 4 GiB).
  expect(problem.servers.find((s) => s.id === 'co-compute-1')).toMatchObject({ cpu: 32 - 4, memory: 128 * 1024 - 6144 });
  expect(problem.servers.find((s) => s.id === 'co-k8s-master')).toMatchObject({ cpu: 16 - 6, memory: 64 * 1024 - 12288 });
  const gpu = problem.servers.find((s) => s.id === 'co-gpu-1')!;
  expect(gpu).toMatchObject({ site: 'Central Office', cpu: 24, memory: 192 * 1024, storage: 1920e9, bandwidth: 25_000, arch: 'amd64', accelerators: ['gpu'] });
  expect(problem.servers.find((s) => s.id === 'campus-edge-1')!.cachedLayers).toHaveLength(4);
  const recommender = problem.containers.find((c) => c.id === 'recommender-0')!;
  expect(recommender).toMatchObject({ cpu: 4, memory: 8192, bandwidth: 100, accelerator: 'gpu', image: 'metro/recommender:3.1.0' });
  // debian slim, three python layers, CUDA, cuDNN, torch, the model: base first.
  expect(recommender.layers).toHaveLength(8);
  expect(problem.containers.find((c) => c.id === 'telemetry-collector-0')!.arch).toBe('arm64');
  // Without an arch of its own, a container takes its image's: amd64 layers run on amd64 only.
  expect(problem.containers.find((c) => c.id === 'orders-0')!.arch).toBe('amd64');
  // Only layers somebody uses or caches are listed, each once.
  const used = new Set([...problem.containers.flatMap((c) => c.layers), ...problem.servers.flatMap((s) => s.cachedLayers ?? [])]);
  expect(problem.layers.map((l) => l.digest).sort()).toEqual([...used].sort());
  // Policies over services become policies over their replicas.
  expect(problem.policies).toContainEqual({ type: 'anti-affinity', containers: ['frontend-0', 'frontend-1', 'frontend-2'] });
  expect(problem.policies).toContainEqual({ type: 'spread', containers: ['api-gateway-0', 'api-gateway-1'] });
  expect(problem.policies).toContainEqual({ type: 'pin', container: 'orders-db-0', servers: ['co-compute-1', 'co-compute-2'] });
  const cap = problem.policies.find((p) => p.type === 'max-utilisation')!;
  expect(cap).toMatchObject({ fraction: 0.85 });
  expect(built.origins['frontend-2']).toMatchObject({ service: 'frontend', replica: 2 });
});

test('a service without layer data blocks the build with its name', async () => {
  const scenario = await db.prisma.scenario.create({ data: { name: 'Missing layers' } });
  await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 4, memoryMiB: 4096, storageBytes: 10n ** 10n, bandwidthMbps: 1000 } });
  await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'mystery', imageRef: 'acme/mystery:1', cpuCores: 1, memoryMiB: 128 } });
  const built = await buildPlacementProblem(db.prisma, scenario.id);
  expect(built).toEqual({ ok: false, reason: 'missing-layer-data', services: [{ name: 'mystery', imageRef: 'acme/mystery:1' }] });
  if (!built.ok) expect(describeBuildFailure(built)).toMatch(/mystery \(acme\/mystery:1\).*never counts an image as zero bytes/);
});

test('an image with a declared size and no layers counts as one opaque layer of that size', async () => {
  const scenario = await db.prisma.scenario.create({ data: { name: 'Declared size' } });
  await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 4, memoryMiB: 4096, storageBytes: 10n ** 10n, bandwidthMbps: 1000 } });
  const image = await db.prisma.image.create({ data: { scenarioId: scenario.id, repository: 'acme/opaque', tag: '1', declaredSizeBytes: 123_456_789n } });
  await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'opaque', imageRef: 'acme/opaque:1', imageId: image.id, replicas: 2, cpuCores: 1, memoryMiB: 128 } });
  const built = await buildPlacementProblem(db.prisma, scenario.id);
  if (!built.ok) throw new Error(describeBuildFailure(built));
  expect(built.problem.layers).toEqual([{ digest: `declared-size:${image.id}`, size: 123_456_789 }]);
  expect(built.problem.containers.map((c) => c.layers)).toEqual([[`declared-size:${image.id}`], [`declared-size:${image.id}`]]);
});

test('VNFs and controllers use their host: an overcommitted host offers nothing, never less than nothing', async () => {
  const scenario = await db.prisma.scenario.create({ data: { name: 'Hosted functions' } });
  const host = await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 8, memoryMiB: 8192, storageBytes: 10n ** 10n, bandwidthMbps: 1000 } });
  const tight = await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e2', cpuCores: 2, memoryMiB: 2048, storageBytes: 10n ** 10n, bandwidthMbps: 1000 } });
  await db.prisma.vnf.create({ data: { scenarioId: scenario.id, name: 'fw', kind: 'firewall', hostServerId: host.id, cpuCores: 1.5, memoryMiB: 1000 } });
  await db.prisma.controller.create({ data: { scenarioId: scenario.id, name: 'onos', kind: 'sdn', hostServerId: host.id, cpuCores: 2, memoryMiB: 3000 } });
  await db.prisma.vnf.create({ data: { scenarioId: scenario.id, name: 'ids', kind: 'ids', hostServerId: tight.id, cpuCores: 4, memoryMiB: 4096 } });
  const built = await buildPlacementProblem(db.prisma, scenario.id);
  if (!built.ok) throw new Error(describeBuildFailure(built));
  expect(built.problem.servers.find((s) => s.id === 'e1')).toMatchObject({ cpu: 4.5, memory: 4192 });
  expect(built.problem.servers.find((s) => s.id === 'e2')).toMatchObject({ cpu: 0, memory: 0 });
});

describe('version 2: the network, dependencies and re-planning', () => {
  const weights = { storage: 1, startup: 2e8, traffic: 1e5, moves: 5 };

  test('without weights or a re-plan the problem stays version 1, without services on its containers', async () => {
    const built = await buildPlacementProblem(db.prisma, demoId);
    if (!built.ok) throw new Error(describeBuildFailure(built));
    expect(built.problem.version).toBe(1);
    expect(built.problem).not.toHaveProperty('network');
    expect(built.problem.containers.every((c) => c.service === undefined)).toBe(true);
  });

  test('the demo with weights: pulls on the widest path to the registry on the core router, every pair of servers, dependencies with their chains', async () => {
    const built = await buildPlacementProblem(db.prisma, demoId, 'storage', { weights });
    if (!built.ok) throw new Error(describeBuildFailure(built));
    const { problem } = built;
    expect(problem.version).toBe(2);
    // Not a re-plan: moves cannot be weighed.
    expect(problem.weights).toEqual({ ...weights, moves: 0 });
    expect(problem.current).toBeUndefined();
    expect(problem.containers.find((c) => c.id === 'frontend-2')!.service).toBe('frontend');
    const network = problem.network!;
    expect(network.registries).toEqual([{ id: 'harbor-metro' }]);
    expect(network.pulls).toHaveLength(15);
    const pull = (server: string) => network.pulls.find((p) => p.server === server)!;
    // The Jetson's only link is 5G at 900 Mbit/s; then the faster of the two ways to the core.
    expect(pull('industrial-jetson-1')).toMatchObject({
      registry: 'harbor-metro',
      bandwidthMbps: 900,
      path: ['industrial-jetson-1', 'gnb-industrial', 'industrial-switch', 'core-router'],
    });
    expect(pull('industrial-jetson-1').latencyMs).toBeCloseTo(4.9, 9);
    // The gateway's Ethernet (1 Gbit/s, 0.05 ms) is both wider and faster than its 5G link.
    expect(pull('industrial-gw-1')).toMatchObject({ bandwidthMbps: 1000, path: ['industrial-gw-1', 'industrial-switch', 'core-router'] });
    // Not the 150 Mbit/s LTE link, however the latencies compare.
    expect(pull('airport-edge-2')).toMatchObject({ bandwidthMbps: 10_000, path: ['airport-edge-2', 'airport-switch', 'core-router'] });
    expect(network.latencies).toHaveLength((15 * 14) / 2);
    const latency = (a: string, b: string) => network.latencies.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a))!.latencyMs;
    // co-tor's two servers: 0.02 ms up and 0.02 ms down.
    expect(latency('co-compute-1', 'co-compute-2')).toBeCloseTo(0.04, 9);
    expect(problem.dependencies).toContainEqual({ from: 'api-gateway', to: 'auth', trafficMbps: 30 });
    // Through the firewall, the IDS and the ingress load balancer: the hosts of the chain, in order.
    expect(problem.dependencies).toContainEqual({ from: 'frontend', to: 'api-gateway', trafficMbps: 180, via: ['co-compute-1', 'co-compute-2', 'co-compute-1'] });
    expect(problem.dependencies).toContainEqual({ from: 'orders', to: 'payments', trafficMbps: 20, via: ['co-compute-2'] });
  });

  test('a weight the scenario cannot measure is refused with what to add', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'No network' } });
    await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 4, memoryMiB: 4096, storageBytes: 10n ** 10n, bandwidthMbps: 1000 } });
    const noLinks = await buildPlacementProblem(db.prisma, scenario.id, 'storage', { weights: { storage: 1, startup: 0, traffic: 5, moves: 0 } });
    expect(noLinks).toEqual({ ok: false, reason: 'no-network', needs: 'traffic' });
    if (!noLinks.ok) expect(describeBuildFailure(noLinks)).toMatch(/no links: connect the edge servers/);
    // Storage weights alone need no network: a version-2 problem without the section.
    const storageOnly = await buildPlacementProblem(db.prisma, scenario.id, 'storage', { weights: { storage: 1, startup: 0, traffic: 0, moves: 0 } });
    expect(storageOnly.ok && storageOnly.problem).toMatchObject({ version: 2, weights: { storage: 1 } });
    expect(storageOnly.ok && storageOnly.problem.network).toBeUndefined();

    const node = await db.prisma.networkNode.create({ data: { scenarioId: scenario.id, name: 'sw', kind: 'switch' } });
    const server = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId: scenario.id } });
    await db.prisma.link.create({ data: { scenarioId: scenario.id, name: 'l', medium: 'ethernet', bandwidthMbps: 100, latencyMs: 1, aNodeId: node.id, bEdgeServerId: server.id } });
    const registry = await db.prisma.registry.create({ data: { scenarioId: scenario.id, name: 'hub', url: 'https://hub.example' } });
    const startup = { weights: { storage: 1, startup: 1e6, traffic: 0, moves: 0 } };
    expect(await buildPlacementProblem(db.prisma, scenario.id, 'storage', startup)).toEqual({ ok: false, reason: 'no-registry' });
    await db.prisma.registry.update({ where: { id: registry.id }, data: { networkNodeId: node.id } });
    const attached = await buildPlacementProblem(db.prisma, scenario.id, 'storage', startup);
    expect(attached.ok && attached.problem.network!.pulls).toEqual([{ server: 'e1', registry: 'hub', bandwidthMbps: 100, latencyMs: 1, path: ['e1', 'sw'] }]);
    // A registry on the server itself is read at the server's own bandwidth, with no latency.
    await db.prisma.registry.update({ where: { id: registry.id }, data: { networkNodeId: null, edgeServerId: server.id } });
    const local = await buildPlacementProblem(db.prisma, scenario.id, 'storage', startup);
    expect(local.ok && local.problem.network!.pulls).toEqual([{ server: 'e1', registry: 'hub', bandwidthMbps: 1000, latencyMs: 0, path: ['e1'] }]);
  });

  test('a re-plan carries the applied placement, a removed server’s replicas included, and a move penalty of twice the largest image', async () => {
    const parsed = scenarioDocumentSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'small-edge.json'), 'utf8')));
    const { id } = await importScenarioDocument(db.prisma, parsed, { name: 'Re-plan' });
    expect(await buildPlacementProblem(db.prisma, id, 'storage', { replan: true })).toEqual({ ok: false, reason: 'no-applied-placement' });

    const v1 = await buildPlacementProblem(db.prisma, id);
    if (!v1.ok) throw new Error(describeBuildFailure(v1));
    const assignment = { 'web-0': 'north-1', 'web-1': 'south-1', 'api-0': 'south-1' };
    const servers = Object.fromEntries((await db.prisma.edgeServer.findMany({ where: { scenarioId: id } })).map((s) => [s.name, s.id]));
    const services = Object.fromEntries((await db.prisma.service.findMany({ where: { scenarioId: id } })).map((s) => [s.name, s.id]));
    const run = await db.prisma.placementRun.create({
      data: {
        scenarioId: id,
        algorithm: 'greedy',
        status: 'feasible',
        problem: v1.problem,
        result: { status: 'feasible', algorithm: 'greedy', engine: null, objective: 'storage', cost: 1, lowerBound: null, noSharingCost: 1, assignment, elapsedMs: 1 },
        assignments: {
          create: Object.entries(assignment).map(([c, s]) => ({ serviceId: services[c.split('-')[0]], replica: Number(c.split('-')[1]), edgeServerId: servers[s] })),
        },
      },
    });
    await db.prisma.scenario.update({ where: { id }, data: { appliedRunId: run.id } });
    // south-1 goes (its assignment rows with it); north-2 is renamed.
    await db.prisma.edgeServer.delete({ where: { id: servers['south-1'] } });
    await db.prisma.edgeServer.update({ where: { id: servers['north-1'] }, data: { name: 'north-one' } });

    const built = await buildPlacementProblem(db.prisma, id, 'storage', { replan: true });
    if (!built.ok) throw new Error(describeBuildFailure(built));
    expect(built.problem.version).toBe(2);
    expect(built.problem.weights).toEqual({ storage: 1, startup: 0, traffic: 0, moves: 1 });
    // web-0 under the server's new name (from its row); web-1 and api-0 on the server that is gone (from the run's result).
    expect(built.problem.current).toEqual({ assignment: { 'api-0': 'south-1', 'web-0': 'north-one', 'web-1': 'south-1' }, movePenaltyBytes: 2 * 50_000_000 });
    expect(built.problem.servers.map((s) => s.id).sort()).toEqual(['north-2', 'north-one']);
  });
});
