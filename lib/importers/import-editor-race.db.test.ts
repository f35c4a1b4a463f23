import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchitectureEdit } from '@/lib/architecture/run-architecture-edit';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { resolveTestDatabaseUrl } from '@/lib/db/test-database-url';
import { runImport } from './plan-import';

// An editor save that commits while an import of the same scenario is running must not be
// undone by that import. The interleaving is forced, not hoped for: a third connection holds
// the site's row lock so that the editor's save queues first and the import's write second,
// after the import has read the site. On Postgres only: the embedded database runs one
// transaction at a time, so the two cannot interleave there.
const onPostgres = resolveTestDatabaseUrl() !== null;

let db: TestDatabase;
beforeAll(async () => {
  if (onPostgres) db = await createTestDatabase();
}, 120_000);
afterAll(async () => db?.drop());

const sitesCsv = (latitude: number) => `name,latitude,longitude\nnorth,${latitude},13.4\n`;

async function waitForLockWaiters(client: pg.Client, count: number, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (Number(rows[0].n) >= count) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe.skipIf(!onPostgres)('an import racing an editor save', () => {
  it('keeps the editor change the import file does not mention', async () => {
    const first = await runImport(db.prisma, { scenarioName: 'race', createIfMissing: true }, { kind: 'sites', fileName: 'sites.csv', content: sitesCsv(52.5) });
    const scenarioId = first.scenario.id;
    const site = await db.prisma.site.findFirstOrThrow({ where: { scenarioId, name: 'north' } });

    const locker = new pg.Client({ connectionString: db.location });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM "Site" WHERE id = $1 FOR UPDATE', [site.id]);
      const editor = runArchitectureEdit(db.prisma, scenarioId, {
        type: 'update',
        kind: 'site',
        id: site.id,
        version: site.version,
        changes: { provider: 'edited in the browser' },
      });
      expect(await waitForLockWaiters(locker, 1)).toBe(true);
      const importing = runImport(db.prisma, { scenarioId }, { kind: 'sites', fileName: 'sites.csv', content: sitesCsv(52.6) });
      // The import now waits too: for the row (before the fix) or for the scenario (after it).
      await waitForLockWaiters(locker, 2, 5_000);
      await locker.query('COMMIT');
      const [saved, imported] = await Promise.allSettled([editor, importing]);

      expect(saved.status).toBe('fulfilled');
      expect(imported.status).toBe('fulfilled');
      const after = await db.prisma.site.findFirstOrThrow({ where: { id: site.id } });
      if (saved.status === 'fulfilled' && saved.value.ok) {
        // The save was reported as done, so it must still be there: the file has no provider column.
        expect(after.provider).toBe('edited in the browser');
      } else {
        // Refused as a conflict: the person was told and can reload; nothing was lost silently.
        expect(saved.status === 'fulfilled' && !saved.value.ok && saved.value.conflict).toBe(true);
      }
      expect(after.latitude).toBeCloseTo(52.6);
    } finally {
      await locker.end().catch(() => undefined);
    }
  }, 60_000);
});
