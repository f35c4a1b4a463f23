import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyEdit } from '@/lib/architecture/apply-edit';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { runImport } from './plan-import';

let db: TestDatabase;
let scenarioId: string;
const fixture = path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'small-edge.json');

beforeAll(async () => {
  db = await createTestDatabase();
  const parsed = parseScenarioDocument(readFileSync(fixture, 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  scenarioId = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Import races' })).id;
});
afterAll(async () => db?.drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an import merging into a scenario while the editor saves', () => {
  test('an editor save that commits while the import runs is not reverted by it', async () => {
    const site = await db.prisma.site.findFirstOrThrow({ where: { scenarioId, name: 'north' } });
    // The editor's save, held open: it takes the scenario (as applyEdit does, first thing) and
    // moves the site, then waits before committing.
    let locked!: () => void;
    const lockedNow = new Promise<void>((resolve) => (locked = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const editor = db.prisma.$transaction(
      async (tx) => {
        await tx.scenario.update({ where: { id: scenarioId }, data: { version: { increment: 1 } } });
        await tx.site.update({ where: { id: site.id }, data: { latitude: 1.5, longitude: 2.5, version: { increment: 1 } } });
        locked();
        await gate;
      },
      { timeout: 60_000 },
    );
    await lockedNow;
    // Meanwhile an import of the same site that names its region, not its coordinates (which an
    // import keeps as they are).
    const importing = runImport(db.prisma, { scenarioId }, { kind: 'sites', content: 'name,provider,region\nnorth,test,imported\n', fileName: 'sites.csv' });
    await sleep(800);
    release();
    await editor;
    const result = await importing.then(
      (r) => ({ ok: true as const, counts: r.counts.sites }),
      (error: Error) => ({ ok: false as const, message: error.message }),
    );
    const after = await db.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    // Whatever the import did, it did not write back the coordinates it read before the save.
    expect([after.latitude, after.longitude]).toEqual([1.5, 2.5]);
    expect(result).toMatchObject({ ok: true, counts: { updated: 1 } });
    expect(after.region).toBe('imported');
    // The editor's next save, based on what it now shows, goes through.
    const shown = (await loadArchitecture(db.prisma, scenarioId)).entities.find((e) => e.id === site.id)!;
    await applyEdit(db.prisma, scenarioId, { type: 'update', kind: 'site', id: site.id, version: shown.version, changes: { region: 'again' } });
  }, 60_000);
});
