import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { generateProblem } from '../generate-problem';
import { solvePlacement } from '../solve-placement';

// Large enough for the second thread (units × servers above 600) and not closed in these limits.
const large = generateProblem({ servers: 20, containers: 100, seed: 7 });
const NOTE = /column generation in a second thread: (?:lower bound (\d+\.\d+) GB|no bound)/;
const entry = process.env.EDGESTACK_TASK_WORKER;
afterEach(() => {
  if (entry === undefined) delete process.env.EDGESTACK_TASK_WORKER;
  else process.env.EDGESTACK_TASK_WORKER = entry;
});

describe('exact with the bound root in a second thread', () => {
  it('joins that thread’s bound to its own answer', async () => {
    const result = await solvePlacement(large, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30 });
    expect(result.status).toBe('feasible');
    expect(evaluate(large, result.assignment!).cost).toBe(result.cost);
    const note = result.message?.match(NOTE);
    expect(note, result.message).not.toBeNull();
    // The result's bound is at least the second thread's (0.1 MB in the note), when it had one
    // in its time (on a busy machine its first round may take longer).
    if (note![1] !== undefined) expect(result.lowerBound!).toBeGreaterThanOrEqual(Number(note![1]) * 1e9 - 1e5);
    expect(result.lowerBound!).toBeLessThanOrEqual(result.cost!);
  }, 60_000);

  it('answers on one thread when no worker can be started, or when asked to', async () => {
    process.env.EDGESTACK_TASK_WORKER = '/nonexistent/task-worker-entry.mjs';
    const alone = await solvePlacement(large, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30 });
    delete process.env.EDGESTACK_TASK_WORKER;
    const off = await solvePlacement(large, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning: { parallelBound: false } });
    for (const result of [alone, off]) {
      expect(result.status).toBe('feasible');
      expect(evaluate(large, result.assignment!).cost).toBe(result.cost);
      expect(result.lowerBound!).toBeLessThanOrEqual(result.cost!);
      expect(result.message ?? '').not.toMatch(NOTE);
    }
  }, 120_000);
});
