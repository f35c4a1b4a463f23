import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '@/lib/db/open-database';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { generateProblem } from '@/lib/placement/generate-problem';
import type { PlacementProblem } from '@/lib/placement/types';
import { enqueuePlacementRuns } from '@/lib/placement-runs/enqueue-placement-runs';
import { problemToScenarioDocument } from '@/lib/placement-runs/problem-to-scenario-document';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';

// `edgestack worker` as real processes, as they run in production: several against one
// Postgres, stopped by signals, killed outright. Processes cannot share the embedded database
// (one owner, by design), so on PGlite only the refusal is tested; CI runs this file again with
// TEST_DATABASE_URL, where the rest runs.

const repo = process.cwd();

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null>; id: () => Promise<string> };

function startWorker(env: Record<string, string>, ...args: string[]): Worker {
  const child = spawn(process.execPath, [path.join(repo, 'bin', 'edgestack.js'), 'worker', ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => void (output += chunk));
  child.stderr.on('data', (chunk) => void (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const id = () =>
    waitFor(
      () => /worker (\S+): waiting for work/.exec(output)?.[1],
      60_000,
      () => output,
    );
  return { child, output: () => output, exited, id };
}

async function waitFor<T>(fn: () => T | null | undefined | Promise<T | null | undefined>, timeoutMs = 60_000, context: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting\n${context()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('on the embedded database held by another process, a worker refuses with the reason and exit code 2', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edgestack-worker-'));
  const held = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
  try {
    const worker = startWorker({ DATABASE_URL: '', EDGESTACK_DATA_DIR: path.join(dir, 'pglite') });
    expect(await worker.exited, worker.output()).toBe(2);
    expect(worker.output()).toMatch(/refusing to start: the embedded database has one owner, and another process has it open/);
    expect(worker.output()).toMatch(/need Postgres/);
  } finally {
    await held.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const postgres = Boolean(process.env.TEST_DATABASE_URL);

describe.runIf(postgres)('solver workers sharing one Postgres (TEST_DATABASE_URL)', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const workers: Worker[] = [];
  const launch = (extra: Record<string, string> = {}, ...args: string[]) => {
    const worker = startWorker({ ...env, ...extra }, ...args);
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url!, EDGESTACK_SOLVER_WORKERS: '1' };
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await db?.drop();
  });

  async function scenarioWith(name: string, problem: PlacementProblem) {
    return importScenarioDocument(db.prisma, scenarioDocumentSchema.parse(problemToScenarioDocument(problem, name)));
  }
  const finished = (id: string, timeoutMs = 90_000, context: () => string = () => '') =>
    waitFor(() => db.prisma.placementRun.findFirst({ where: { id, status: { notIn: ['queued', 'running'] } }, include: { assignments: true } }), timeoutMs, context);

  test('two workers, six queued runs: each run is claimed once and solved once', async () => {
    const a = launch();
    const b = launch();
    const ids = await Promise.all([a.id(), b.id()]);
    const runIds: string[] = [];
    for (const seed of [1, 2]) {
      const problem = generateProblem({ servers: 5, containers: 25, seed });
      const scenario = await scenarioWith(`Six runs ${seed}`, problem);
      runIds.push(...(await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['exact', 'relax', 'greedy'], timeLimitSec: 2 })).runIds);
    }
    expect(runIds).toHaveLength(6);
    const context = () => `${a.output()}\n${b.output()}`;
    for (const id of runIds) {
      const run = await finished(id, 90_000, context);
      expect(run.status, `${run.message}\n${context()}`).toMatch(/^(optimal|feasible)$/);
      expect(run.attempts).toBe(1);
      expect(run.assignments).toHaveLength((run.problem as unknown as PlacementProblem).containers.length);
      expect(ids).toContain(run.claimedBy);
    }
    // Each worker's log names the runs it took: together all six, none twice.
    const claimedIn = (output: string) => [...output.matchAll(/placement run (\S+): claimed/g)].map((m) => m[1]);
    const claims = [...claimedIn(a.output()), ...claimedIn(b.output())];
    expect(claims.sort()).toEqual([...runIds].sort());
    expect(claimedIn(a.output()).length).toBeGreaterThan(0);
    expect(claimedIn(b.output()).length).toBeGreaterThan(0);
    for (const w of [a, b]) w.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  }, 180_000);

  test('SIGTERM: a short run finishes within the grace period; a long one goes back to the queue on a second signal and another worker completes it', async () => {
    const scenario = await scenarioWith('Stopped', generateProblem({ servers: 10, containers: 60, seed: 5 }));
    const {
      runIds: [shortId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['greedy'], timeLimitSec: 2 });
    const a = launch({}, '--grace', '60', '--threads', '2');
    const aId = await a.id();
    await finished(shortId);
    const {
      runIds: [longId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['exact'], timeLimitSec: 8 });
    const {
      runIds: [quickId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['relax'], timeLimitSec: 3 });
    // Both are being solved by A, and the long one has reported progress.
    await waitFor(async () => (await db.prisma.placementRun.findFirst({ where: { id: longId, status: 'running', claimedBy: aId } }))?.progress, 60_000, a.output);
    await waitFor(() => db.prisma.placementRun.findFirst({ where: { id: quickId, status: { not: 'queued' } } }), 60_000, a.output);
    a.child.kill('SIGTERM');
    // The quick one finishes inside the grace period, recorded by A.
    const quick = await finished(quickId, 60_000, a.output);
    expect(quick.status, a.output()).toMatch(/^(optimal|feasible)$/);
    expect(quick.claimedBy).toBe(aId);
    // The long one would too, given 60 s: the second signal puts it back now.
    await waitFor(() => /SIGTERM: claiming nothing more/.test(a.output()), 30_000, a.output);
    a.child.kill('SIGINT');
    expect(await a.exited, a.output()).toBe(0);
    expect(a.output()).toContain(`placement run ${longId}: put back in the queue`);
    expect(await db.prisma.placementRun.findUniqueOrThrow({ where: { id: longId } })).toMatchObject({ status: 'queued', claimedBy: null, progress: null, attempts: 1 });

    const b = launch();
    const bId = await b.id();
    const long = await finished(longId, 90_000, b.output);
    expect(long.status, `${long.message}\n${b.output()}`).toMatch(/^(optimal|feasible)$/);
    expect(long).toMatchObject({ claimedBy: bId, attempts: 2 });
    expect(long.assignments).toHaveLength(60);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 240_000);

  test('fault: a worker killed with SIGKILL mid-run; after the heartbeat window a surviving worker takes the run back, never leaving it stuck', async () => {
    const scenario = await scenarioWith('Killed', generateProblem({ servers: 10, containers: 60, seed: 5 }));
    const {
      runIds: [runId],
    } = await enqueuePlacementRuns(db.prisma, { scenarioId: scenario.id, algorithms: ['exact'], timeLimitSec: 5 });
    const a = launch();
    const aId = await a.id();
    await waitFor(async () => (await db.prisma.placementRun.findFirst({ where: { id: runId, status: 'running', claimedBy: aId } }))?.progress, 60_000, a.output);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();
    // As if it ran on another machine: only its silence tells that it died (on this host a
    // dead pid would tell at once).
    await db.prisma.placementRun.updateMany({ where: { id: runId, claimedBy: aId }, data: { claimedBy: 'vanished-host:1' } });
    const killedAt = Date.now();
    expect((await db.prisma.placementRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('running');

    const b = launch({ EDGESTACK_HEARTBEAT_STALE_MS: '3000' });
    const bId = await b.id();
    const run = await finished(runId, 90_000, b.output);
    expect(run.status, `${run.message}\n${b.output()}`).toMatch(/^(optimal|feasible)$/);
    expect(run).toMatchObject({ claimedBy: bId, attempts: 2 });
    expect(b.output()).toMatch(/recovery: 1 item\(s\) of dead workers put back in the queue/);
    // Not before its heartbeat was a window old.
    expect(Date.now() - killedAt).toBeGreaterThan(3000);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 180_000);
});
