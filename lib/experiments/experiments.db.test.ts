import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { DomainError } from '@/lib/errors';
import { cancelExperiment } from './cancel-experiment';
import { enqueueExperiment } from './enqueue-experiment';
import { listExperiments } from './list-experiments';

let db: TestDatabase;
let scenarioId: string;
let otherId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  scenarioId = (await db.prisma.scenario.create({ data: { name: 'Experiments' } })).id;
  otherId = (await db.prisma.scenario.create({ data: { name: 'Elsewhere' } })).id;
});
afterAll(async () => db?.drop());

const fig4 = { figure: 'containers', servers: 3, containers: '4, 8', algorithms: ['greedy', 'no-sharing'], timeLimitSec: 2 };

describe('experiments', () => {
  test('listed newest first with their parameters; scoped to the scenario', async () => {
    const first = await enqueueExperiment(db.prisma, scenarioId, fig4);
    const second = await enqueueExperiment(db.prisma, scenarioId, { ...fig4, figure: 'capacity', containers: '6', capacityScales: '0.5 1 2' });
    const listed = await listExperiments(db.prisma, scenarioId);
    expect(listed.map((e) => e.id)).toEqual([second.id, first.id]);
    expect(listed[0]).toMatchObject({ figure: 'capacity', source: 'synthetic', status: 'queued', pointsDone: 0, pointsTotal: 6, points: [] });
    expect(listed[0].params).toMatchObject({ capacityScales: [0.5, 1, 2] });
    expect(await listExperiments(db.prisma, otherId, { id: first.id })).toEqual([]);
  });

  test('a queued experiment is cancelled at once, a running one is flagged for its worker', async () => {
    const queued = await enqueueExperiment(db.prisma, scenarioId, fig4);
    expect(await cancelExperiment(db.prisma, scenarioId, queued.id)).toEqual({ status: 'cancelled' });
    const [cancelled] = await listExperiments(db.prisma, scenarioId, { id: queued.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true, message: 'Cancelled before it started.' });
    expect(cancelled.finishedAt).not.toBeNull();

    const running = await enqueueExperiment(db.prisma, scenarioId, fig4);
    await db.prisma.experimentRun.update({ where: { id: running.id }, data: { status: 'running', startedAt: new Date() } });
    expect(await cancelExperiment(db.prisma, scenarioId, running.id)).toEqual({ status: 'running' });
    expect((await listExperiments(db.prisma, scenarioId, { id: running.id }))[0]).toMatchObject({ status: 'running', cancelRequested: true });

    await expect(cancelExperiment(db.prisma, otherId, running.id)).rejects.toBeInstanceOf(DomainError);
  });
});
