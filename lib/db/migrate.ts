import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '@/lib/ops/app-root';
import type { SqlRunner } from './open-database';

const migrationsDir = () => path.join(appRoot(), 'prisma', 'migrations');

// The same key `prisma migrate deploy` locks, so our runner and Prisma's never interleave.
const MIGRATE_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateReport = { applied: string[]; alreadyApplied: number };

/** Migrations in Prisma Migrate's layout: `<dir>/<timestamp>_<name>/migration.sql`. */
export function readMigrations(dir: string = migrationsDir()): Migration[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending migrations, each in its own transaction, and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (sha256 of the file as checksum),
 * so `prisma migrate status` agrees on a machine that has Prisma's engine. A failing migration
 * rolls back completely and is not recorded.
 */
export async function applyMigrations(sql: SqlRunner, migrations: Migration[] = readMigrations()): Promise<MigrateReport> {
  const current = await countCurrentMigrations(sql, migrations);
  if (current === migrations.length) return { applied: [], alreadyApplied: current };
  const report: MigrateReport = { applied: [], alreadyApplied: 0 };
  for (const migration of migrations) {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY]);
      await tx.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
        [migration.name],
      );
      if (rows.length > 0) {
        if (rows[0].checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
              'Applied migrations are history: add a new migration instead of editing an old one.',
          );
        }
        report.alreadyApplied += 1;
        return;
      }
      const id = randomUUID();
      await tx.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)', [
        id,
        migration.checksum,
        migration.name,
      ]);
      await tx.exec(migration.sql);
      await tx.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
      report.applied.push(migration.name);
    });
  }
  return report;
}

/**
 * How many of `migrations` are recorded as applied with the same checksum, in one query: every
 * command checks this at start, and replaying the per-migration loop (a transaction and an
 * advisory lock each) cost more than the command itself. Anything short of all of them (a new
 * migration, a changed file, no table yet) takes the careful path above, under the lock.
 */
async function countCurrentMigrations(sql: SqlRunner, migrations: Migration[]): Promise<number> {
  let rows: { migration_name: string; checksum: string }[];
  try {
    rows = await sql.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch {
    return 0; // no table yet: a new database
  }
  const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  return migrations.filter((m) => applied.get(m.name) === m.checksum).length;
}
