import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { listComparableRuns } from './list-comparable-runs';
import { readPlacementRun } from './read-placement-run';
import { readRunAssignment } from './read-run-assignment';

let db: TestDatabase;
let scenarioId: string;
let runId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  scenarioId = (await seedDemoScenario(db.prisma, { withPlacement: true }))!.id;
  runId = (await db.prisma.placementRun.findFirstOrThrow({ where: { scenarioId } })).id;
});
afterAll(async () => db?.drop());

test('a finished run is read with its problem, result and placement, as plain values', async () => {
  const run = await readPlacementRun(db.prisma, runId);
  expect(run).toMatchObject({ id: runId, scenarioId, applied: true, algorithm: 'greedy', unreadable: [] });
  expect(run!.status).toMatch(/^(optimal|feasible)$/);
  expect(run!.problem?.containers.length).toBeGreaterThan(0);
  expect(Object.keys(run!.assignment ?? {})).toHaveLength(run!.problem!.containers.length);
  expect(typeof run!.costBytes).toBe('number');
  expect(await readPlacementRun(db.prisma, 'no such run')).toBeNull();
});

test('the runs to compare with are the other ones that found a placement', async () => {
  expect(await listComparableRuns(db.prisma, scenarioId, runId)).toEqual([]);
  const copy = await db.prisma.placementRun.findUniqueOrThrow({ where: { id: runId } });
  const other = await db.prisma.placementRun.create({
    data: { scenarioId, algorithm: 'exact', status: copy.status, costBytes: copy.costBytes, problem: copy.problem ?? undefined, result: copy.result ?? undefined },
  });
  const comparable = await listComparableRuns(db.prisma, scenarioId, runId);
  expect(comparable).toEqual([{ id: other.id, algorithm: 'exact', createdAt: other.createdAt.toISOString(), costBytes: Number(copy.costBytes) }]);
  const compared = await readRunAssignment(db.prisma, scenarioId, other.id);
  expect(compared).toMatchObject({ id: other.id, algorithm: 'exact', unreadable: null });
  expect(compared!.assignment).toEqual((await readPlacementRun(db.prisma, runId))!.assignment);
  expect(await readRunAssignment(db.prisma, 'another scenario', other.id)).toBeNull();
});

test('a malformed stored column is reported in a sentence, not trusted and not thrown', async () => {
  const broken = await db.prisma.placementRun.create({
    data: { scenarioId, algorithm: 'greedy', status: 'feasible', problem: { version: 3 }, result: { status: 'feasible', assignment: 'everything on one server' } },
  });
  const run = await readPlacementRun(db.prisma, broken.id);
  expect(run).toMatchObject({ problem: null, result: null, assignment: null });
  expect(run!.unreadable).toEqual([
    expect.stringMatching(/^The stored problem of this run cannot be read: version: .*\.$/) as string,
    expect.stringMatching(/^The stored result of this run cannot be read: .*\.$/) as string,
  ]);
  const compared = await readRunAssignment(db.prisma, scenarioId, broken.id);
  expect(compared).toMatchObject({ assignment: null, unreadable: expect.stringMatching(/result of the compared run cannot be read/) as string });
});
