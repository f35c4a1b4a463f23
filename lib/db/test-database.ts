import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from './migrate';
import { openDatabase, type Database } from './open-database';
import { resolveTestDatabaseUrl } from './test-database-url';

export type TestDatabase = Database & {
  /** the connection URL of a Postgres test database (for processes a test spawns); null for PGlite */
  url: string | null;
  drop(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: a new Postgres database on the server of
 * TEST_DATABASE_URL when it is set (never DATABASE_URL: that is someone's real data), else an
 * in-memory PGlite. `drop()` closes and removes it.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const url = resolveTestDatabaseUrl();
  let database: Database;
  let dropDatabase: () => Promise<void> = () => Promise.resolve();
  let databaseUrl: string | null = null;
  if (url) {
    const name = `edgestack_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    databaseUrl = testUrl.toString();
    database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  }
  if (options.migrate !== false) await applyMigrations(database.sql);
  return {
    ...database,
    url: databaseUrl,
    async drop() {
      await database.close();
      await dropDatabase();
    },
  };
}
