import { afterAll, beforeAll, expect, test } from 'vitest';
import { applyMigrations, readMigrations } from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => db?.drop());

test('applies once, then is a no-op; refuses an edited migration; a failing one leaves no trace', async () => {
  const migrations = readMigrations();
  expect((await applyMigrations(db.sql, migrations)).applied).toEqual(migrations.map((m) => m.name));
  expect(await applyMigrations(db.sql, migrations)).toEqual({ applied: [], alreadyApplied: migrations.length });

  const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
  await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/was changed after it was applied/);

  const broken = { name: '99990101000000_broken', sql: 'CREATE TABLE "Half" (id int); SELECT no_such_function();', checksum: 'a'.repeat(64) };
  await expect(applyMigrations(db.sql, [...migrations, broken])).rejects.toThrow();
  const half = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
  expect(half).toHaveLength(0);
  const recorded = await db.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
  expect(recorded).toHaveLength(0);
});

test('two runners at once apply each migration exactly once', async () => {
  const fresh = await createTestDatabase({ migrate: false });
  try {
    const reports = await Promise.all([applyMigrations(fresh.sql), applyMigrations(fresh.sql)]);
    expect(reports.flatMap((r) => r.applied)).toHaveLength(readMigrations().length);
    const [{ n }] = await fresh.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(n).toBe(readMigrations().length);
  } finally {
    await fresh.drop();
  }
});
