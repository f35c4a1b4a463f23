import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from './migrate';
import { openDatabase } from './open-database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-template-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('new embedded databases start migrated from the template and are independent copies', async () => {
  const a = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'a') });
  try {
    // Already migrated when opened: nothing left for the runner to apply.
    expect((await applyMigrations(a.sql)).applied).toEqual([]);
    expect(await a.sql.query('SELECT migration_name FROM "_prisma_migrations"')).toHaveLength(readMigrations().length);
    await a.prisma.scenario.create({ data: { name: 'only in a' } });
  } finally {
    await a.close();
  }
  const b = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'b') });
  try {
    expect((await applyMigrations(b.sql)).applied).toEqual([]);
    expect(await b.prisma.scenario.count()).toBe(0);
  } finally {
    await b.close();
  }
  // A folder that already holds a database is opened as it is, never overwritten.
  const again = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'a') });
  try {
    expect(await again.prisma.scenario.count()).toBe(1);
  } finally {
    await again.close();
  }
}, 180_000);
