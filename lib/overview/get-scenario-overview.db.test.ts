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
  const imageOf = (svc: (typeof doc.services)[number]) =>
    doc.images.find((i) => i.repository === svc.image!.repository && i.tag === svc.image!.tag && i.arch === svc.image!.arch)!;
  expect(overview.storage.replicasWithoutSharing).toBe(doc.services.reduce((s, svc) => s + svc.replicas * bytes(new Set(imageOf(svc).layers)), 0));
  expect(overview.storage.catalogWithSharing).toBeLessThan(overview.storage.catalogWithoutSharing);
  expect(overview.service.servicesWithoutLayerData).toEqual([]);
});
