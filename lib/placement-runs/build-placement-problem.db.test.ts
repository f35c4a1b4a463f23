import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
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
