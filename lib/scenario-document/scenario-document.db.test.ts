import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { canonicalizeScenarioDocument } from './canonicalize-scenario-document';
import { exportScenarioDocument } from './export-scenario-document';
import { importScenarioDocument, parseScenarioDocument } from './import-scenario-document';
import { scenarioDocumentSchema, type ScenarioDocument } from './scenario-document-schema';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const withoutName = (doc: ScenarioDocument) => ({ ...doc, scenario: { ...doc.scenario, name: '(any)' } });

/** The demo plus one finished placement run applied to it, so every table gets rows. */
function demoWithRun(): ScenarioDocument {
  const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
  doc.placementRuns.push({
    algorithm: 'greedy',
    engine: 'auto',
    objective: 'storage',
    timeLimitSec: 30,
    seed: 7,
    status: 'feasible',
    costBytes: 123_456_789_012,
    lowerBoundBytes: 120_000_000_000,
    noSharingBytes: 400_000_000_000,
    elapsedMs: 42,
    message: null,
    problem: { version: 1, note: 'kept verbatim' },
    result: { status: 'feasible', nested: [1, 2, { ok: true }] },
    createdAt: '2026-11-01T10:00:00.000Z',
    startedAt: '2026-11-01T10:00:01.000Z',
    finishedAt: '2026-11-01T10:00:02.500Z',
    assignments: [
      { service: 'auth', replica: 0, edgeServer: 'co-compute-1' },
      { service: 'auth', replica: 1, edgeServer: 'harbour-mec-1' },
    ],
  });
  doc.appliedRun = 0;
  doc.experimentRuns.push({
    figure: 'containers',
    source: 'synthetic',
    params: { servers: 10, containers: [10, 20], seed: 3, algorithms: ['greedy'], timeLimitSec: 5 },
    status: 'done',
    pointsDone: 2,
    pointsTotal: 2,
    points: [
      { x: 10, algorithm: 'greedy', cost: 1000, status: 'feasible' },
      { x: 20, algorithm: 'greedy', cost: 1800, status: 'feasible' },
    ],
    message: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    startedAt: '2026-11-02T10:00:00.500Z',
    finishedAt: '2026-11-02T10:00:09.000Z',
  });
  return doc;
}

describe('scenario document', () => {
  test('export → import → export gives the same document, and every table is written', async () => {
    const original = demoWithRun();
    const first = await importScenarioDocument(db.prisma, original, { name: 'Round trip A' });
    const exported = await exportScenarioDocument(db.prisma, first.id);
    expect(withoutName(exported)).toEqual(withoutName(canonicalizeScenarioDocument(original)));

    const second = await importScenarioDocument(db.prisma, exported, { name: 'Round trip B' });
    const again = await exportScenarioDocument(db.prisma, second.id);
    expect(withoutName(again)).toEqual(withoutName(exported));
    expect(again.scenario.name).toBe('Round trip B');

    // Every model has been written and read back through the generated client.
    const tables = await db.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    for (const { table_name } of tables) {
      const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
      expect(n, `rows in ${table_name}`).toBeGreaterThan(0);
    }
  });

  test('the demo has the promised shape', async () => {
    const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
    expect(doc.sites.length).toBeGreaterThanOrEqual(4);
    expect(doc.edgeServers.length).toBeGreaterThanOrEqual(12);
    expect(new Set(doc.edgeServers.map((s) => s.arch))).toEqual(new Set(['amd64', 'arm64']));
    expect(doc.edgeServers.some((s) => s.accelerators.includes('gpu'))).toBe(true);
    for (const medium of ['fiber', 'ethernet', 'nr_5g', 'wifi']) expect(doc.links.some((l) => l.medium === medium)).toBe(true);
    expect(new Set(doc.controllers.map((c) => c.kind))).toEqual(new Set(['orchestrator', 'mesh', 'sdn', 'mano']));
    expect(doc.images.length).toBeGreaterThanOrEqual(18);
    expect(doc.services.length).toBeGreaterThanOrEqual(12);
    // Images share base layers: the catalog needs clearly less with sharing than without.
    const size = new Map(doc.layers.map((l) => [l.digest, l.sizeBytes]));
    const without = doc.images.reduce((sum, i) => sum + i.layers.reduce((s, d) => s + size.get(d)!, 0), 0);
    const withSharing = [...new Set(doc.images.flatMap((i) => i.layers))].reduce((s, d) => s + size.get(d)!, 0);
    expect(withSharing / without).toBeLessThan(0.7);
  });

  test('a broken document is refused with paths, and nothing is written', async () => {
    const before = await db.prisma.scenario.count();
    expect(parseScenarioDocument('{"format": "edgestack.scenario", ').ok).toBe(false);

    const doc = JSON.parse(JSON.stringify(buildDemoScenarioDocument()));
    doc.scenario.name = 'Broken';
    doc.links[3].a.name = 'no-such-switch';
    doc.edgeServers[0].cpuCores = -4;
    const parsed = parseScenarioDocument(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toContainEqual({ path: 'links[3].a.name', message: expect.stringContaining('unknown network node "no-such-switch"') });
      expect(parsed.errors.map((e) => e.path)).toContain('edgeServers[0].cpuCores');
    }
    expect(await db.prisma.scenario.count()).toBe(before);
  });

  test('a failure half way through an import writes nothing', async () => {
    const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
    // Valid for the schema but refused by the database late in the import (beyond INTEGER).
    doc.services[0].memoryMiB = 2 ** 31; // beyond INTEGER
    const before = await db.prisma.scenario.count();
    const layersBefore = await db.prisma.layer.count();
    await expect(importScenarioDocument(db.prisma, doc, { name: 'Half written' })).rejects.toThrow();
    expect(await db.prisma.scenario.count()).toBe(before);
    expect(await db.prisma.layer.count()).toBe(layersBefore);
  });

  test('seeding only into an empty database', async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await seedDemoScenario(fresh.prisma, { onlyIfEmpty: true })).not.toBeNull();
      expect(await seedDemoScenario(fresh.prisma, { onlyIfEmpty: true })).toBeNull();
      expect(await fresh.prisma.scenario.count()).toBe(1);
    } finally {
      await fresh.drop();
    }
  });
});
