import type { PGlite } from '@electric-sql/pglite';
import type { SqlRunner } from './open-database';

/** Plain SQL on an embedded database, in the shape the migration runner takes. */
export function pgliteSqlRunner(client: PGlite): SqlRunner {
  const on = (runner: Pick<PGlite, 'exec' | 'query'>) => ({
    exec: async (script: string) => void (await runner.exec(script)),
    query: async <T>(text: string, params?: unknown[]) => (await runner.query<T>(text, params)).rows,
  });
  return { ...on(client), transaction: (fn) => client.transaction((tx) => fn(on(tx))) };
}
