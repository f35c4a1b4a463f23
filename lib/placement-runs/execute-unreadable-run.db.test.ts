import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { generateProblem } from '@/lib/placement/generate-problem';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { claimNextPlacementRun } from './claim-queued-work';
import { enqueuePlacementRuns } from './enqueue-placement-runs';
import { executePlacementRun } from './execute-placement-run';
import { problemToScenarioDocument } from './problem-to-scenario-document';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

test('a claimed run whose stored problem was changed by hand ends as an error that says why', async () => {
  const scenario = await importScenarioDocument(
    db.prisma,
    scenarioDocumentSchema.parse(problemToScenarioDocument(generateProblem({ servers: 2, containers: 4, seed: 3 }), 'Unreadable')),
  );
  const {
    runIds: [runId],
  } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['greedy'], timeLimitSec: 5 });
  await db.prisma.placementRun.update({ where: { id: runId }, data: { problem: { version: 1, servers: 'all of them' } } });
  expect(await claimNextPlacementRun(db.prisma, 'test:1')).toBe(runId);

  expect(await executePlacementRun(db.prisma, runId, { workerId: 'test:1' })).toEqual({ kind: 'recorded', status: 'error' });
  const run = await db.prisma.placementRun.findUniqueOrThrow({ where: { id: runId } });
  expect(run.status).toBe('error');
  expect(run.message).toMatch(/^The stored problem of this run cannot be read: layers: .* \(and 2 more\)\.$/);
  expect(run.finishedAt).not.toBeNull();
});
