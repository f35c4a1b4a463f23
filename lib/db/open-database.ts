import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { appRoot } from '@/lib/ops/app-root';
import { withAuditActor } from './audit-actor';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { pgliteSqlRunner } from './pglite-sql-runner';
import { seedFromTemplate } from './pglite-template';

/** Runs plain SQL outside Prisma: migrations need multi-statement scripts, which Prisma's
 * parameterised driver adapters cannot send. */
export type SqlRunner = {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` inside BEGIN/COMMIT on one connection, ROLLBACK on failure. */
  transaction<T>(fn: (tx: Omit<SqlRunner, 'transaction'>) => Promise<T>): Promise<T>;
};

export type Database = {
  kind: 'postgres' | 'pglite';
  /** Where the data lives: the URL without password, or the PGlite directory. */
  location: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
};

/** `dataDir` is a directory, or `'memory'` for a database that lives only in this process. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** DATABASE_URL selects Postgres; otherwise the embedded PGlite directory
 * (EDGESTACK_DATA_DIR, default `.data/pglite` under the application's directory, appRoot()). */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  const dataDir = env.EDGESTACK_DATA_DIR?.trim() || path.join(appRoot(), '.data', 'pglite');
  return { kind: 'pglite', dataDir: path.resolve(/*turbopackIgnore: true*/ dataDir) };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir);
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server ends (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') console.warn(`[edgestack] idle Postgres connection lost: ${error.message}`);
  });
  const prisma = new PrismaClient({ adapter: withAuditActor(new PrismaPg(pool)) });
  const sql: SqlRunner = {
    async exec(script) {
      await pool.query(script);
    },
    // The caller names the row shape, as with PGlite's query<T>; neither driver checks it.
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          exec: async (script) => void (await client.query(script)),
          query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: 'postgres',
    location: redactUrl(url),
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir !== 'memory') {
    // PGlite does not create the parent of its directory, and must have one owner process.
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    try {
      await seedFromTemplate(dataDir);
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  let client: PGlite;
  try {
    client = dataDir === 'memory' ? new PGlite() : new PGlite(dataDir);
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: withAuditActor(new PrismaPGlite(client)) });
  const sql = pgliteSqlRunner(client);
  return {
    kind: 'pglite',
    location: dataDir,
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
      lock?.release();
    },
  };
}
