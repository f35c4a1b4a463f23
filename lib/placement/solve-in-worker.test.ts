import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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

  it('keeps the event loop responsive and honours the time limit', async () => {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const bounds: number[] = [];
    const started = performance.now();
    const result = await solveInWorker(hard, {
      algorithm: 'exact',
      timeLimitSec: 6,
      onProgress: (p) => p.bound !== null && bounds.push(p.bound),
    });
    histogram.disable();
    const elapsed = performance.now() - started;
    expect(result.status).toBe('feasible');
    expect(result.lowerBound).not.toBeNull();
    expect(result.lowerBound!).toBeLessThan(result.cost!);
    expect(elapsed).toBeGreaterThan(5_500);
    expect(elapsed).toBeLessThan(12_000);
    expect(bounds.length).toBeGreaterThan(0);
    // A solve on this thread would stall it for seconds. The 50 ms p99 target is measured by
    // the benchmark on a quiet machine; here, with other test files sharing two cores, the
    // check is that the loop never stalls.
    expect(histogram.percentile(99) / 1e6).toBeLessThan(250);
    expect(histogram.max / 1e6).toBeLessThan(1500);
  });

  it('cancels through an AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const started = performance.now();
    const result = await solveInWorker(hard, { algorithm: 'exact', timeLimitSec: 60, signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.assignment).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5_000);
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
