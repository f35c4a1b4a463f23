import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInWorker } from './run-in-worker';

const dir = mkdtempSync(path.join(tmpdir(), 'edgestack-run-in-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

type Message = { type: 'progress'; n: number } | { type: 'done'; sum: number };

// Echoes progress for each number it is sent, then the sum; stops early, saying so, when the
// caller raises the stop flag.
const summing = script(
  'sum.mjs',
  `import { parentPort } from 'node:worker_threads';
parentPort.once('message', async ({ numbers, delayMs, stopBuffer }) => {
  const stop = new Int32Array(stopBuffer);
  let sum = 0;
  for (const n of numbers) {
    if (Atomics.load(stop, 0) === 1) return parentPort.postMessage({ type: 'done', sum: -1 });
    sum += n;
    parentPort.postMessage({ type: 'progress', n });
    await new Promise((r) => setTimeout(r, delayMs));
  }
  parentPort.postMessage({ type: 'done', sum });
});
`,
);

function sum(numbers: number[], options: { delayMs?: number; signal?: AbortSignal; entry?: string; hardLimitMs?: number; stopGraceMs?: number; memoryLimitMb?: number } = {}) {
  const progress: number[] = [];
  const outcome = runInWorker<Message, number>({
    entry: options.entry ?? summing,
    request: (stopBuffer) => ({ numbers, delayMs: options.delayMs ?? 0, stopBuffer }),
    onMessage: (message) => {
      if (message.type === 'progress') progress.push(message.n);
      else return message.sum;
      return undefined;
    },
    hardLimitMs: options.hardLimitMs ?? 30_000,
    signal: options.signal,
    stopGraceMs: options.stopGraceMs,
    memoryLimitMb: options.memoryLimitMb,
  });
  return { outcome, progress };
}

describe('runInWorker', () => {
  it('passes progress messages on and ends with the answer', async () => {
    const run = sum([1, 2, 3]);
    expect(await run.outcome).toEqual({ kind: 'answer', value: 6 });
    expect(run.progress).toEqual([1, 2, 3]);
  });

  it('raises the stop flag on abort and takes the answer the worker gives when it stops', async () => {
    const controller = new AbortController();
    const run = sum(
      Array.from({ length: 1000 }, () => 1),
      { delayMs: 20, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    expect(await run.outcome).toEqual({ kind: 'answer', value: -1 });
    expect(run.progress.length).toBeGreaterThan(0);
    expect(run.progress.length).toBeLessThan(1000);
  });

  it('terminates a worker that ignores the stop flag, after the stop grace', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const run = sum([1], { entry: script('deaf.mjs', 'for (;;) {}\n'), signal: controller.signal, stopGraceMs: 300 });
    setTimeout(() => controller.abort(), 100);
    expect(await run.outcome).toEqual({ kind: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await sum([1], { signal: AbortSignal.abort() }).outcome).toEqual({ kind: 'cancelled' });
  });

  it('turns a hanging, crashing, exiting, out-of-memory or missing worker into an outcome', async () => {
    expect(await sum([1], { entry: script('hang.mjs', 'for (;;) {}\n'), hardLimitMs: 500 }).outcome).toEqual({ kind: 'late' });
    expect(await sum([1], { entry: script('crash.mjs', "throw new Error('kaboom');\n") }).outcome).toEqual({ kind: 'crashed', message: 'kaboom', outOfMemory: false });
    expect(await sum([1], { entry: script('exit.mjs', 'process.exit(3);\n') }).outcome).toEqual({ kind: 'exited', code: 3 });
    const hog = script('hog.mjs', 'const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random()));\n');
    expect(await sum([1], { entry: hog, memoryLimitMb: 64 }).outcome).toMatchObject({ kind: 'crashed', outOfMemory: true });
    const missing = path.join(dir, 'nope.mjs');
    expect(await sum([1], { entry: missing }).outcome).toEqual({ kind: 'missing', entry: missing });
  });
});
