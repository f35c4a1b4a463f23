import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { enqueueExperiment } from '@/lib/experiments/enqueue-experiment';
import { executeExperiment } from '@/lib/experiments/execute-experiment';
import { generateProblem } from '@/lib/placement/generate-problem';
import { solvePlacement } from '@/lib/placement/solve-placement';
import type { PlacementProblem } from '@/lib/placement/types';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { cancelPlacementRun } from './cancel-placement-run';
import { claimNextExperiment, claimNextPlacementRun, requeuePlacementRun } from './claim-queued-work';
import { enqueuePlacementRuns } from './enqueue-placement-runs';
import { problemToScenarioDocument } from './problem-to-scenario-document';
import { recordRunResult } from './record-run-result';
import { recoverInterruptedWork } from './recover-interrupted-work';
import { startWorkQueue } from './work-queue';

// Defect 6: a stalled main thread made recovery fail the process's own live runs, and the
// result then overwrote whatever status the run had been given. No queue runs in this file
// unless a test starts one, so every claim here is the test's own.
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function waitFor<T>(fn: () => Promise<T | null | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function scenarioWith(name: string, problem: PlacementProblem) {
  return importScenarioDocument(db.prisma, scenarioDocumentSchema.parse(problemToScenarioDocument(problem, name)));
}

describe('a worker only writes while it holds the claim', () => {
  test('recovery with a stale-looking clock leaves the live runs of its own process alone', async () => {
    const scenario = await scenarioWith('Stalled', generateProblem({ servers: 10, containers: 60, seed: 5 }));
    const {
      runIds: [runId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['exact'], timeLimitSec: 3 });
    const logs: string[] = [];
    // Every heartbeat looks ten minutes old to this queue's recovery, as it does after a stall.
    const queue = startWorkQueue(() => Promise.resolve(db.prisma), {
      concurrency: 1,
      pollMs: 50,
      recoveryEveryMs: 100,
      clock: () => new Date(Date.now() + 10 * 60_000),
      log: (m) => logs.push(m),
    });
    try {
      await waitFor(() => db.prisma.placementRun.findFirst({ where: { id: runId, status: 'running', progress: { not: undefined } } }));
      // Several recoveries ran while the run was solving.
      await new Promise((r) => setTimeout(r, 600));
      const run = await waitFor(() => db.prisma.placementRun.findFirst({ where: { id: runId, status: { notIn: ['queued', 'running'] } } }));
      expect(run.status, `${run.message}\n${logs.join('\n')}`).toMatch(/^(optimal|feasible)$/);
      expect(run.attempts).toBe(1);
      expect(logs.filter((l) => /recovery/.test(l))).toEqual([]);
    } finally {
      await queue.stop();
    }
  });

  test('a stale run of this process that is not in its running set is taken back', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'Orphan of this process' } });
    const workerId = `this-host:${process.pid}`;
    const orphan = await db.prisma.placementRun.create({
      data: { scenarioId: scenario.id, algorithm: 'greedy', status: 'running', claimedBy: workerId, heartbeatAt: new Date(Date.now() - 5 * 60_000), attempts: 1 },
    });
    const live = await db.prisma.placementRun.create({
      data: { scenarioId: scenario.id, algorithm: 'greedy', status: 'running', claimedBy: workerId, heartbeatAt: new Date(Date.now() - 5 * 60_000), attempts: 1 },
    });
    expect(await recoverInterruptedWork(db.prisma, { workerId, live: new Set([live.id]) })).toEqual({ requeued: 1, failed: 0 });
    expect(await db.prisma.placementRun.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: 'queued', claimedBy: null, heartbeatAt: null, progress: null });
    expect((await db.prisma.placementRun.findUniqueOrThrow({ where: { id: live.id } })).status).toBe('running');
    await db.prisma.scenario.delete({ where: { id: scenario.id } });
  });

  test('a result that arrives after the run was failed, cancelled or claimed again overwrites nothing', async () => {
    const problem = generateProblem({ servers: 4, containers: 12, seed: 3 });
    const scenario = await scenarioWith('Late answers', problem);
    const { runIds } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['greedy', 'no-sharing', 'kube-default'], timeLimitSec: 5 });
    const claimed: string[] = [];
    for (let k = 0; k < runIds.length; k++) claimed.push((await claimNextPlacementRun(db.prisma, 'stalled:1'))!);
    expect(claimed.sort()).toEqual([...runIds].sort());
    const [failedId, cancelledId, reclaimedId] = runIds;

    // One failed by a recovery that took the worker for dead, one cancelled, one taken back
    // and claimed by another worker.
    await db.prisma.placementRun.update({ where: { id: failedId }, data: { status: 'error', message: 'Interrupted', finishedAt: new Date() } });
    await db.prisma.placementRun.update({ where: { id: cancelledId }, data: { status: 'cancelled', finishedAt: new Date() } });
    expect(await recoverInterruptedWork(db.prisma, { now: new Date(Date.now() + 10 * 60_000) })).toMatchObject({ requeued: 1 });
    expect(await claimNextPlacementRun(db.prisma, 'healthy:2')).toBe(reclaimedId);

    for (const id of runIds) {
      const run = await db.prisma.placementRun.findUniqueOrThrow({ where: { id } });
      const result = await solvePlacement(run.problem as unknown as PlacementProblem, { algorithm: 'greedy', timeLimitSec: 5 });
      expect(result.status).toBe('feasible');
      expect(await recordRunResult(db.prisma, id, 'stalled:1', result)).toEqual({ recorded: false });
    }
    const after = new Map((await db.prisma.placementRun.findMany({ where: { id: { in: runIds } }, include: { assignments: true } })).map((r) => [r.id, r]));
    expect(after.get(failedId)).toMatchObject({ status: 'error', message: 'Interrupted', result: null, costBytes: null });
    expect(after.get(cancelledId)).toMatchObject({ status: 'cancelled', result: null });
    expect(after.get(reclaimedId)).toMatchObject({ status: 'running', claimedBy: 'healthy:2', attempts: 2, result: null });
    for (const run of after.values()) expect(run.assignments).toEqual([]);

    // The worker holding the claim records normally, once.
    const reclaimed = after.get(reclaimedId)!;
    const result = await solvePlacement(reclaimed.problem as unknown as PlacementProblem, { algorithm: 'greedy', timeLimitSec: 5 });
    expect(await recordRunResult(db.prisma, reclaimedId, 'healthy:2', result)).toEqual({ recorded: true });
    expect(await recordRunResult(db.prisma, reclaimedId, 'healthy:2', result)).toEqual({ recorded: false });
    expect(await db.prisma.assignment.count({ where: { runId: reclaimedId } })).toBe(problem.containers.length);
  });

  test('an experiment that lost its claim keeps the status it was given', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'Experiment claim' } });
    const { id } = await enqueueExperiment(db.prisma, scenario.id, {
      figure: 'containers',
      source: 'synthetic',
      servers: 3,
      containers: '6, 8',
      algorithms: ['greedy'],
      timeLimitSec: 5,
    });
    expect(await claimNextExperiment(db.prisma, 'stalled:1')).toBe(id);
    await db.prisma.experimentRun.update({ where: { id }, data: { status: 'error', message: 'Interrupted', finishedAt: new Date() } });
    const outcome = await executeExperiment(db.prisma, id, { workerId: 'stalled:1' });
    expect(outcome.kind).toBe('lost');
    expect(await db.prisma.experimentRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'error', message: 'Interrupted', pointsDone: 0 });
  });

  test('a run whose cancellation was asked is cancelled, not requeued, when its worker stops', async () => {
    const scenario = await scenarioWith('Cancelled while stopping', generateProblem({ servers: 3, containers: 6, seed: 4 }));
    const {
      runIds: [runId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['greedy'], timeLimitSec: 5 });
    expect(await claimNextPlacementRun(db.prisma, 'stopping:1')).toBe(runId);
    expect(await cancelPlacementRun(db.prisma, runId)).toEqual({ status: 'running' });
    expect(await requeuePlacementRun(db.prisma, runId, 'stopping:1')).toBe('cancelled');
    expect(await db.prisma.placementRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'cancelled' });
    // And one requeued before the cancel came is cancelled as queued.
    const {
      runIds: [otherId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['greedy'], timeLimitSec: 5 });
    expect(await claimNextPlacementRun(db.prisma, 'stopping:1')).toBe(otherId);
    expect(await requeuePlacementRun(db.prisma, otherId, 'stopping:1')).toBe('requeued');
    expect(await requeuePlacementRun(db.prisma, otherId, 'stopping:1')).toBe('lost');
    expect(await cancelPlacementRun(db.prisma, otherId)).toEqual({ status: 'cancelled' });
  });

  test('a queue stopped mid-run puts the run back in the queue, claim cleared and progress reset', async () => {
    const scenario = await scenarioWith('Shutdown', generateProblem({ servers: 10, containers: 60, seed: 5 }));
    const {
      runIds: [runId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['exact'], timeLimitSec: 120 });
    const logs: string[] = [];
    const queue = startWorkQueue(() => Promise.resolve(db.prisma), { concurrency: 1, pollMs: 50, log: (m) => logs.push(m) });
    await waitFor(async () => (await db.prisma.placementRun.findFirst({ where: { id: runId, status: 'running' } }))?.progress);
    await queue.stop({ graceMs: 200 });
    expect(await db.prisma.placementRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: 'queued',
      claimedBy: null,
      heartbeatAt: null,
      startedAt: null,
      progress: null,
      result: null,
      attempts: 1,
    });
    expect(logs).toContain(`placement run ${runId}: put back in the queue`);
    await db.prisma.placementRun.update({ where: { id: runId }, data: { status: 'cancelled' } });
  });
});
