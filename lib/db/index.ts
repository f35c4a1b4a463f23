import type { PrismaClient } from '@/lib/generated/prisma/client';
import { applyMigrations } from './migrate';
import { openDatabase, resolveDatabaseTarget, type Database } from './open-database';

export type { Database } from './open-database';
export type Db = PrismaClient;

// One database handle per process, cached on globalThis so that dev-mode module reloads do
// not open PGlite twice (which its lock would refuse).
const cache = globalThis as unknown as { __edgestackDb?: Promise<Database> };

/** The process's database, migrated. Opened on first use, never at import or build time. */
export function getDatabase(): Promise<Database> {
  cache.__edgestackDb ??= (async () => {
    const database = await openDatabase(resolveDatabaseTarget());
    try {
      await applyMigrations(database.sql);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  })().catch((error) => {
    cache.__edgestackDb = undefined;
    throw error;
  });
  return cache.__edgestackDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const pending = cache.__edgestackDb;
  cache.__edgestackDb = undefined;
  if (pending) await (await pending).close();
}
