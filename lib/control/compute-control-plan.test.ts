import { describe, expect, it } from 'vitest';
import { computeControlPlan } from './compute-control-plan';
import { diamond } from './small-topologies.fixture';

// The optimal routing runs in a worker thread (lib/ops/run-in-worker.ts); whatever happens
// there, the answer is a plan.
describe('computeControlPlan in optimal mode', () => {
  it('routes in the worker thread and reports the LP', async () => {
    const plan = await computeControlPlan(diamond(), { optimal: true, timeLimitSec: 30 });
    expect(plan.mode).toBe('optimal');
    expect(plan.optimal?.status).not.toBe('error');
    expect(plan.warnings.map((w) => w.code)).not.toContain('optimal-fallback');
  });

  it('falls back to the greedy plan, saying why, when cancelled or when the worker is missing', async () => {
    const cancelled = await computeControlPlan(diamond(), { optimal: true, signal: AbortSignal.abort() });
    expect(cancelled.optimal).toMatchObject({ status: 'cancelled' });
    expect(cancelled.optimal?.message).toMatch(/greedy routes stand/);
    const missing = await computeControlPlan(diamond(), { optimal: true, workerEntry: '/nonexistent/control-worker-entry.mjs' });
    expect(missing.optimal).toMatchObject({ status: 'error' });
    expect(missing.optimal?.message).toMatch(/control worker not found/);
    expect(missing.mode).toBe('greedy');
    expect(missing.demands.length).toBeGreaterThan(0);
  });
});
