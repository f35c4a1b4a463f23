import os from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { enqueueExperiment } from '@/lib/experiments/enqueue-experiment';
import { evaluate } from '@/lib/placement/evaluate';
import { generateProblem } from '@/lib/placement/generate-problem';
import type { PlacementProblem, PlacementResult } from '@/lib/placement/types';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { applyPlacementRun } from './apply-placement-run';
import { cancelPlacementRun } from './cancel-placement-run';
import { enqueuePlacementRuns } from './enqueue-placement-runs';
import { problemToScenarioDocument } from './problem-to-scenario-document';
import { MAX_ATTEMPTS, recoverInterruptedWork } from './recover-interrupted-work';
import { startWorkQueue, type WorkQueue } from './work-queue';

let db: TestDatabase;
let queue: WorkQueue;
let demoId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  demoId = (await seedDemoScenario(db.prisma))!.id;
  queue = startWorkQueue(() => Promise.resolve(db.prisma), { concurrency: 1, pollMs: 100, log: () => undefined });
});
afterAll(async () => {
  await queue?.stop();
  await db?.drop();
});

async function waitFor<T>(fn: () => Promise<T | null | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const finished = (id: string) => waitFor(() => db.prisma.placementRun.findFirst({ where: { id, status: { notIn: ['queued', 'running'] } }, include: { assignments: true } }));

/** A scenario holding a generated problem, for runs that must take a while. */
async function scenarioFromProblem(name: string, problem: PlacementProblem) {
  return importScenarioDocument(db.prisma, scenarioDocumentSchema.parse(problemToScenarioDocument(problem, name)));
}

describe('placement runs through the queue', () => {
  test('a run solves the frozen problem; its stored result passes evaluate; apply makes it current', async () => {
    const { runIds } = await enqueuePlacementRuns(db.prisma, { scenarioId: demoId, algorithms: ['greedy', 'kube-default'], timeLimitSec: 20 });
    expect(runIds).toHaveLength(2);
    for (const id of runIds) {
      const run = await finished(id);
      expect(run.status, run.message ?? '').toMatch(/^(optimal|feasible)$/);
      const problem = run.problem as unknown as PlacementProblem;
      const result = run.result as unknown as PlacementResult;
      const check = evaluate(problem, result.assignment!);
      expect(check.violations).toEqual([]);
      expect(Number(run.costBytes)).toBe(check.cost);
      expect(Number(run.noSharingBytes)).toBe(check.noSharingCost);
      expect(run.assignments).toHaveLength(problem.containers.length);
      expect(run.claimedBy).toBe(queue.workerId);
    }
    await applyPlacementRun(db.prisma, runIds[0]);
    expect((await db.prisma.scenario.findUniqueOrThrow({ where: { id: demoId } })).appliedRunId).toBe(runIds[0]);
  });

  test('cancel: a queued run at once, a running one through its worker', async () => {
    const hard = await scenarioFromProblem('Hard instance', generateProblem({ servers: 10, containers: 60, seed: 5 }));
    const { runIds } = await enqueuePlacementRuns(db.prisma, { scenarioId: hard.id, algorithms: ['exact', 'relax'], timeLimitSec: 120 });
    const [exactId, relaxId] = runIds;
    expect(await cancelPlacementRun(db.prisma, relaxId)).toEqual({ status: 'cancelled' });
    await waitFor(() => db.prisma.placementRun.findFirst({ where: { id: exactId, status: 'running' } }));
    // Solving for real: the worker has reported progress at least once.
    await waitFor(async () => (await db.prisma.placementRun.findUniqueOrThrow({ where: { id: exactId } })).progress);
    // The 120 s limit outlasts the test's timeout: only the cancellation can finish this run.
    await cancelPlacementRun(db.prisma, exactId);
    const run = await finished(exactId);
    expect(run.status).toBe('cancelled');
    expect((await db.prisma.placementRun.findUniqueOrThrow({ where: { id: relaxId } })).status).toBe('cancelled');
  });

  test('a problem with images nobody has layer data for is refused before queueing', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'No layers' } });
    await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e', cpuCores: 2, memoryMiB: 2048, storageBytes: 10n ** 9n, bandwidthMbps: 100 } });
    await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'x', imageRef: 'x:1', cpuCores: 1, memoryMiB: 64 } });
    await expect(enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['greedy'], timeLimitSec: 5 })).rejects.toThrow(/No layer data for the image of x \(x:1\)/);
    expect(await db.prisma.placementRun.count({ where: { scenarioId: scenario.id } })).toBe(0);
  });

  test('runs whose workers died too often are marked failed with the reason', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'Restarted' } });
    const orphan = await db.prisma.placementRun.create({
      data: {
        scenarioId: scenario.id,
        algorithm: 'exact',
        status: 'running',
        claimedBy: `${os.hostname()}:${2 ** 22 + 4321}`,
        heartbeatAt: new Date(),
        startedAt: new Date(),
        attempts: MAX_ATTEMPTS,
      },
    });
    const alive = await db.prisma.placementRun.create({
      data: { scenarioId: scenario.id, algorithm: 'exact', status: 'running', claimedBy: `${os.hostname()}:${process.pid}`, heartbeatAt: new Date(), startedAt: new Date() },
    });
    const silent = await db.prisma.placementRun.create({
      data: {
        scenarioId: scenario.id,
        algorithm: 'exact',
        status: 'running',
        claimedBy: 'other-machine:42',
        heartbeatAt: new Date(Date.now() - 5 * 60_000),
        startedAt: new Date(),
        attempts: MAX_ATTEMPTS,
      },
    });
    const recovered = await recoverInterruptedWork(db.prisma);
    expect(recovered).toEqual({ requeued: 0, failed: 2 });
    const after = await db.prisma.placementRun.findMany({ where: { scenarioId: scenario.id }, orderBy: { createdAt: 'asc' } });
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(orphan.id)).toMatchObject({ status: 'error' });
    expect(byId.get(orphan.id)?.message).toMatch(/Interrupted 3 times: the process solving it exited/);
    expect(byId.get(silent.id)).toMatchObject({ status: 'error' });
    expect(byId.get(silent.id)?.message).toMatch(/Interrupted 3 times: the worker solving it stopped responding/);
    expect(byId.get(alive.id)!.status).toBe('running');
    await db.prisma.placementRun.delete({ where: { id: alive.id } });
  });

  test('an experiment fills in its points and finishes', async () => {
    const { id } = await enqueueExperiment(db.prisma, demoId, {
      figure: 'containers',
      source: 'synthetic',
      servers: 4,
      containers: '6, 12',
      algorithms: ['greedy', 'no-sharing'],
      timeLimitSec: 5,
    });
    const done = await waitFor(() => db.prisma.experimentRun.findFirst({ where: { id, status: { in: ['done', 'error', 'cancelled'] } } }));
    expect(done.status, done.message ?? '').toBe('done');
    expect(done.pointsDone).toBe(4);
    const points = done.points as { x: number; algorithm: string; cost: number; noSharingCost: number }[];
    expect(points.map((p) => `${p.x}:${p.algorithm}`).sort()).toEqual(['12:greedy', '12:no-sharing', '6:greedy', '6:no-sharing']);
    for (const p of points.filter((p) => p.algorithm === 'greedy')) expect(p.cost).toBeLessThanOrEqual(p.noSharingCost);
  });
});
