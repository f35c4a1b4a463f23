import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { isDomainError } from '@/lib/errors';
import type { PlacementProblem, PlacementResult } from '@/lib/placement/types';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { applyPlacementRun } from './apply-placement-run';
import { describeMoves } from './describe-moves';
import { enqueuePlacementRuns } from './enqueue-placement-runs';
import { listPlacementRuns } from './list-placement-runs';
import { startPlacementRunsSchema } from './placement-run-schema';
import { startWorkQueue, type WorkQueue } from './work-queue';

// Runs with an objective other than bytes stored, and re-plans, through the real queue.

const SMALL_EDGE = scenarioDocumentSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'small-edge.json'), 'utf8')));

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

async function finished(id: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const run = await db.prisma.placementRun.findFirst({ where: { id, status: { notIn: ['queued', 'running'] } } });
    if (run) return run;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function refusal(promise: Promise<unknown>): Promise<{ field?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('network-aware runs', () => {
  test('the balanced preset stores its weights; the run keeps the bytes stored as its cost and the weighted total in its result', async () => {
    const { runIds } = await enqueuePlacementRuns(db.prisma, { scenarioId: demoId, algorithms: ['kube-default'], timeLimitSec: 30, preset: 'balanced' });
    const run = await finished(runIds[0]);
    expect(run.status, run.message ?? '').toBe('feasible');
    const problem = run.problem as unknown as PlacementProblem;
    const result = run.result as unknown as PlacementResult;
    expect(problem.version).toBe(2);
    expect(run.replan).toBe(false);
    expect(run.weights).toEqual({ preset: 'balanced', ...problem.weights });
    expect(problem.weights).toMatchObject({ storage: 1, moves: 0 });
    expect(problem.weights!.startup).toBeGreaterThan(0);
    expect(problem.weights!.traffic).toBeGreaterThan(0);
    // Balanced is measured on Kubernetes' default placement: run here, each of its terms weighs what its bytes do.
    const terms = result.terms!;
    expect(problem.weights!.startup * terms.startupSeconds!).toBeCloseTo(terms.storageBytes, -2);
    expect(problem.weights!.traffic * terms.trafficCost!).toBeCloseTo(terms.storageBytes, -2);
    expect(Number(run.costBytes)).toBe(terms.storageBytes);
    expect(result.cost).toBeCloseTo(3 * terms.storageBytes, -3);
    expect(run.lowerBoundBytes).toBeNull();

    const [listed] = await listPlacementRuns(db.prisma, demoId);
    expect(listed).toMatchObject({ id: run.id, costBytes: terms.storageBytes, replan: false, weights: { preset: 'balanced' }, weighted: { cost: result.cost, terms } });
  });

  test('the storage preset stays a version-1 run; raw weights are taken as given', async () => {
    const { runIds } = await enqueuePlacementRuns(db.prisma, { scenarioId: demoId, algorithms: ['kube-default'], timeLimitSec: 30, preset: 'storage' });
    const plain = await finished(runIds[0]);
    expect((plain.problem as unknown as PlacementProblem).version).toBe(1);
    expect(plain.weights).toBeNull();
    const weights = { storage: 2, startup: 0, traffic: 1e4, moves: 0 };
    const custom = await enqueuePlacementRuns(db.prisma, { scenarioId: demoId, algorithms: ['kube-default'], timeLimitSec: 30, weights });
    const run = await finished(custom.runIds[0]);
    expect(run.weights).toEqual({ preset: null, ...weights });
    expect((run.problem as unknown as PlacementProblem).weights).toEqual(weights);
  });

  test('bad weights are refused at their field; a re-plan without an applied placement at the re-plan button', async () => {
    const parsed = startPlacementRunsSchema.safeParse({ scenarioId: demoId, algorithms: ['greedy'], timeLimitSec: 5, weights: { storage: 1, startup: -1, traffic: 0, moves: 0 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['weights.startup']);
    expect(
      startPlacementRunsSchema.safeParse({ scenarioId: demoId, algorithms: ['greedy'], timeLimitSec: 5, weights: { storage: 0, startup: 0, traffic: 0, moves: 0 } }).success,
    ).toBe(false);
    const fresh = await importScenarioDocument(db.prisma, SMALL_EDGE, { name: 'Never applied' });
    expect(await refusal(enqueuePlacementRuns(db.prisma, { scenarioId: fresh.id, algorithms: ['greedy'], timeLimitSec: 5, replan: true }))).toEqual({
      field: 'replan',
      message: expect.stringMatching(/has none: run a placement and apply it first/) as string,
    });
  });

  test('a re-plan carries the applied placement and counts moves, with the moves weight at 1', async () => {
    const first = await enqueuePlacementRuns(db.prisma, { scenarioId: demoId, algorithms: ['kube-default'], timeLimitSec: 30 });
    const applied = await finished(first.runIds[0]);
    await applyPlacementRun(db.prisma, applied.id);
    const { runIds } = await enqueuePlacementRuns(db.prisma, { scenarioId: demoId, algorithms: ['kube-default'], timeLimitSec: 30, replan: true });
    const run = await finished(runIds[0]);
    const problem = run.problem as unknown as PlacementProblem;
    expect(run.replan).toBe(true);
    expect(run.weights).toEqual({ preset: 'storage', storage: 1, startup: 0, traffic: 0, moves: 1 });
    expect(problem.current!.assignment).toEqual((applied.result as unknown as PlacementResult).assignment);
    const result = run.result as unknown as PlacementResult;
    expect(result.terms!.moves).toEqual(expect.any(Number));
    expect(Number(run.costBytes)).toBe(result.terms!.storageBytes);
  });

  test('re-plan after a server is removed: greedy moves only the replicas it held', async () => {
    const servers = ['edge-1', 'edge-2', 'edge-3', 'edge-4'];
    const layer = (n: number) => `sha256:${String(n).repeat(64)}`;
    const service = (name: string, replicas: number) => ({
      name,
      imageRef: `shop/${name}:1.0`,
      image: { repository: `shop/${name}`, tag: '1.0', arch: 'amd64' as const },
      replicas,
      cpuCores: 1,
      memoryMiB: 1024,
    });
    const { id } = await importScenarioDocument(
      db.prisma,
      scenarioDocumentSchema.parse({
        format: 'edgestack.scenario',
        version: 1,
        scenario: { name: 'Remove a server' },
        edgeServers: servers.map((name) => ({ name, cpuCores: 4, memoryMiB: 8192, storageBytes: 50_000_000_000, bandwidthMbps: 10_000 })),
        networkNodes: [{ name: 'core', kind: 'router' }],
        links: servers.map((name) => ({
          name: `core-${name}`,
          medium: 'fiber',
          bandwidthMbps: 10_000,
          latencyMs: 1,
          a: { kind: 'networkNode', name: 'core' },
          b: { kind: 'edgeServer', name },
        })),
        registries: [{ name: 'hub', url: 'https://hub.example', attachedTo: { kind: 'networkNode', name: 'core' } }],
        layers: [1, 2, 3, 4].map((n) => ({ digest: layer(n), sizeBytes: n * 40_000_000 })),
        images: [
          { repository: 'shop/web', tag: '1.0', arch: 'amd64', layers: [layer(1), layer(2)] },
          { repository: 'shop/api', tag: '1.0', arch: 'amd64', layers: [layer(1), layer(3)] },
          { repository: 'shop/worker', tag: '1.0', arch: 'amd64', layers: [layer(4)] },
        ],
        services: [service('web', 3), service('api', 2), service('worker', 2)],
        dependencies: [{ from: 'web', to: 'api', trafficMbps: 50 }],
        policies: [{ name: 'web apart', type: 'anti-affinity', services: ['web'] }],
      }),
    );
    const first = await finished((await enqueuePlacementRuns(db.prisma, { scenarioId: id, algorithms: ['greedy'], timeLimitSec: 30 })).runIds[0]);
    await applyPlacementRun(db.prisma, first.id);
    const before = (first.result as unknown as PlacementResult).assignment!;
    // The server holding the most replicas goes.
    const count = (server: string) => Object.values(before).filter((s) => s === server).length;
    const removed = [...servers].sort((a, b) => count(b) - count(a))[0];
    await db.prisma.edgeServer.deleteMany({ where: { scenarioId: id, name: removed } });

    const run = await finished((await enqueuePlacementRuns(db.prisma, { scenarioId: id, algorithms: ['greedy'], timeLimitSec: 30, replan: true })).runIds[0]);
    expect(run.status, run.message ?? '').toMatch(/^(optimal|feasible)$/);
    const after = (run.result as unknown as PlacementResult).assignment!;
    const moves = describeMoves(run.problem as unknown as PlacementProblem, after)!;
    expect(moves.moves.map((m) => m.container).sort()).toEqual(
      Object.entries(before)
        .filter(([, s]) => s === removed)
        .map(([c]) => c)
        .sort(),
    );
    expect(moves.moves.every((m) => m.from === removed && m.fromRemoved)).toBe(true);
    expect((run.result as unknown as PlacementResult).terms!.moves).toBe(count(removed));
  });
});
