import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { generateProblem } from './generate-problem';
import { solveInWorker } from './solve-in-worker';
import type { PlacementProgress } from './types';

const dir = mkdtempSync(path.join(tmpdir(), 'edgestack-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

// Large enough that exact cannot prove it within these tests' budgets.
const hard = generateProblem({ servers: 20, containers: 100, seed: 7 });

describe('solveInWorker', () => {
  it('solves off the calling thread and reports progress', async () => {
    const problem = generateProblem({ servers: 5, containers: 20, seed: 1 });
    const progress: PlacementProgress[] = [];
    const result = await solveInWorker(problem, { algorithm: 'exact', timeLimitSec: 30, onProgress: (p) => progress.push(p) });
    expect(result.status).toBe('optimal');
    expect(evaluate(problem, result.assignment!).cost).toBe(result.cost);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((p) => p.incumbentCost !== null)).toBe(true);
  });

  it('keeps the event loop responsive and stops at the time limit with its best answer', async () => {
    // A timer on this thread keeps firing while the worker solves: a solve on this thread
    // would block it until the answer. (Loop latency targets are measured by the benchmark.)
    let ticks = 0;
    let ticksAtFirstProgress: number | null = null;
    const timer = setInterval(() => (ticks += 1), 10);
    const result = await solveInWorker(hard, {
      algorithm: 'exact',
      timeLimitSec: 6,
      onProgress: () => void (ticksAtFirstProgress ??= ticks),
    });
    clearInterval(timer);
    expect(ticksAtFirstProgress).not.toBeNull();
    expect(ticks).toBeGreaterThan(ticksAtFirstProgress!);
    // Stopped by the limit with what it had, whatever the machine's speed: a valid placement
    // with a bound no higher than its cost, proved optimal on a fast machine, or none at all
    // on a very busy one; never an error.
    expect(['feasible', 'optimal', 'timeout']).toContain(result.status);
    if (result.status === 'timeout') return;
    const check = evaluate(hard, result.assignment!);
    expect(check.violations).toEqual([]);
    expect(check.cost).toBe(result.cost);
    if (result.lowerBound !== null) expect(result.lowerBound).toBeLessThanOrEqual(result.cost!);
    if (result.status === 'optimal') expect(result.lowerBound).toBe(result.cost);
  });

  it('cancels through an AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    // The time limit outlasts the test's own timeout, so only the abort can end this solve.
    const result = await solveInWorker(hard, { algorithm: 'exact', timeLimitSec: 600, signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.assignment).toBeUndefined();
    const already = await solveInWorker(hard, { signal: AbortSignal.abort() });
    expect(already.status).toBe('cancelled');
  });

  it('turns a crashing, exiting, hanging or out-of-memory worker into a result', async () => {
    const crash = await solveInWorker(hard, { workerEntry: script('crash.mjs', "throw new Error('kaboom');\n") });
    expect(crash).toMatchObject({ status: 'error', noSharingCost: evaluate(hard, {}).noSharingCost });
    expect(crash.message).toContain('kaboom');

    const exit = await solveInWorker(hard, { workerEntry: script('exit.mjs', 'process.exit(3);\n') });
    expect(exit.status).toBe('error');
    expect(exit.message).toContain('code 3');

    const hang = await solveInWorker(hard, { timeLimitSec: 0.5, graceSec: 0.5, workerEntry: script('hang.mjs', 'for (;;) {}\n') });
    expect(hang.status).toBe('timeout');

    const hog = script('hog.mjs', 'const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random()));\n');
    const oom = await solveInWorker(hard, { workerEntry: hog, memoryLimitMb: 64 });
    expect(oom.status).toBe('error');
    expect(oom.message).toMatch(/out of memory/);

    const missing = await solveInWorker(hard, { workerEntry: path.join(dir, 'nope.mjs') });
    expect(missing.status).toBe('error');
  });
});
