import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM, toActionErrors } from '@/lib/actions/action-result';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { importScenarioDocumentText } from '@/lib/scenario-document/import-scenario-document';
import { jsonPaths, mutatedJson, mutatedText } from '@/lib/testing/hostile-input';
import { importerSamples } from './importer-fixtures';
import { runImport } from './plan-import';

// Hostile files through the whole import path, into a real database: an import that is refused
// writes nothing at all (every table keeps its row count), and its refusal is an expected one
// (a sentence the form can show), never the generic "something went wrong".

const RUNS = Number(process.env.EDGESTACK_FUZZ_DB_RUNS ?? 12);
let db: TestDatabase;
let tables: string[] = [];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row.n);
  }
  return counts;
}

function expectExpectedRefusal(error: unknown) {
  const message = toActionErrors(error)[FORM]?.[0] ?? Object.values(toActionErrors(error))[0]?.[0] ?? '';
  expect(message, `unexpected failure: ${String((error as Error)?.stack ?? error)}`).not.toMatch(/Something went wrong/);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const rows = await db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%' ORDER BY 1`,
  );
  tables = rows.map((r) => r.table_name);
  // Something to merge into: a scenario that already holds a topology.
  const [zoo] = importerSamples();
  await runImport(db.prisma, { scenarioName: 'target', createIfMissing: true }, { kind: zoo.kind, fileName: zoo.fileName, content: zoo.text });
}, 120_000);
afterAll(async () => db?.drop());

describe('hostile imports write nothing', () => {
  it('file imports: refused ones leave every table as it was', async () => {
    for (const sample of importerSamples()) {
      await fc.assert(
        fc.asyncProperty(mutatedText(sample.text), async (text) => {
          const before = await rowCounts();
          try {
            await runImport(db.prisma, { scenarioName: 'target' }, { kind: sample.kind, fileName: sample.fileName, content: text, options: sample.options });
          } catch (error) {
            expectExpectedRefusal(error);
            expect(await rowCounts()).toEqual(before);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.EDGESTACK_FUZZ_SEED ?? 20261202) },
      );
    }
  }, 300_000);

  it('scenario documents: refused ones leave every table as it was', async () => {
    const demo = buildDemoScenarioDocument();
    const paths = jsonPaths(demo);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutatedJson(demo, paths), async (doc) => {
        const before = await rowCounts();
        try {
          await importScenarioDocumentText(db.prisma, JSON.stringify(doc), { name: `fuzz ${n++}` });
        } catch (error) {
          expectExpectedRefusal(error);
          expect(await rowCounts()).toEqual(before);
        }
      }),
      { numRuns: RUNS * 2, seed: Number(process.env.EDGESTACK_FUZZ_SEED ?? 20261202) },
    );
  }, 300_000);
});
