import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { getScenarioOverview } from './get-scenario-overview';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

test('the overview counts every layer and computes storage with and without sharing', async () => {
  const seeded = await seedDemoScenario(db.prisma);
  const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
  const overview = await getScenarioOverview(db.prisma, seeded!.id);

  expect(overview.physical.edgeServers).toBe(doc.edgeServers.length);
  expect(overview.network.links).toBe(doc.links.length);
  expect(overview.service.services).toBe(doc.services.length);
  expect(overview.service.replicas).toBe(doc.services.reduce((s, x) => s + x.replicas, 0));
  expect(overview.control.byKind).toEqual({ orchestrator: 1, mesh: 1, sdn: 1, mano: 1 });
  expect(overview.capacity.cpuCores).toBe(doc.edgeServers.reduce((s, x) => s + x.cpuCores, 0));

  // Independent recomputation from the document.
  const size = new Map(doc.layers.map((l) => [l.digest, l.sizeBytes]));
  const bytes = (digests: Iterable<string>) => [...digests].reduce((s, d) => s + size.get(d)!, 0);
  expect(overview.storage.catalogWithoutSharing).toBe(doc.images.reduce((s, i) => s + bytes(new Set(i.layers)), 0));
  expect(overview.storage.catalogWithSharing).toBe(bytes(new Set(doc.images.flatMap((i) => i.layers))));
  const imageOf = (svc: (typeof doc.services)[number]) => doc.images.find((i) => i.repository === svc.image!.repository && i.tag === svc.image!.tag && i.arch === svc.image!.arch)!;
  expect(overview.storage.replicasWithoutSharing).toBe(doc.services.reduce((s, svc) => s + svc.replicas * bytes(new Set(imageOf(svc).layers)), 0));
  expect(overview.storage.catalogWithSharing).toBeLessThan(overview.storage.catalogWithoutSharing);
  expect(overview.service.servicesWithoutLayerData).toEqual([]);
});

test('empty scenarios and images known only by a declared size', async () => {
  const empty = await db.prisma.scenario.create({ data: { name: 'Empty overview' } });
  const overview = await getScenarioOverview(db.prisma, empty.id);
  expect(overview.physical).toEqual({ sites: 0, edgeServers: 0, byArch: {}, withGpu: 0, withFpga: 0 });
  expect(overview.storage).toEqual({ catalogWithoutSharing: 0, catalogWithSharing: 0, replicasWithoutSharing: 0, replicasDistinctLayers: 0 });

  const image = await db.prisma.image.create({ data: { scenarioId: empty.id, repository: 'acme/opaque', tag: '1', declaredSizeBytes: 1000n } });
  await db.prisma.image.create({ data: { scenarioId: empty.id, repository: 'acme/unknown', tag: '1' } });
  await db.prisma.service.create({ data: { scenarioId: empty.id, name: 'opaque', imageRef: 'acme/opaque:1', imageId: image.id, replicas: 3, cpuCores: 1, memoryMiB: 64 } });
  await db.prisma.service.create({ data: { scenarioId: empty.id, name: 'stranger', imageRef: 'acme/unknown:1', replicas: 1, cpuCores: 1, memoryMiB: 64 } });
  const withSizes = await getScenarioOverview(db.prisma, empty.id);
  expect(withSizes.storage).toEqual({ catalogWithoutSharing: 1000, catalogWithSharing: 1000, replicasWithoutSharing: 3000, replicasDistinctLayers: 1000 });
  expect(withSizes.service.servicesWithoutLayerData).toEqual(['stranger']);
  expect(withSizes.demand).toEqual({ cpuCores: 4, memoryMiB: 256, bandwidthMbps: 0 });
});
