import { describe, expect, it } from 'vitest';
import { buildPlacementModel, ModelBuildStopped } from './build-placement-model';
import { compileProblem } from './compile-problem';
import { loadEngine } from './engines/load-engine';
import { evaluate } from './evaluate';
import { generateProblem } from './generate-problem';
import { solveInWorker } from './solve-in-worker';

// exact on 5,000 containers used to spend its limit building models and inside HiGHS calls
// that could not be stopped, answering ~8 s late on a 2 s limit (and past the worker's 10 s
// grace on a loaded machine, which loses the answer). It now checks the clock between phases
// and while building, and starts an engine only with the time to stop it. The figures are in
// `npm run bench:placement -- --section time-limit`; this test checks the behaviour, which
// holds however loaded the machine is.
describe('exact on a large problem with a short limit', () => {
  const problem = generateProblem({ servers: 50, containers: 5000, seed: 1 });

  it('returns the best placement found, valid, with its gap, and says the clock cut it', async () => {
    const limitSec = 2;
    // The worker is stopped 10 s past the limit with no answer (status timeout), so a
    // placement back means the solver answered in time; before the fix it sometimes did not.
    const result = await solveInWorker(problem, { algorithm: 'exact', timeLimitSec: limitSec });
    expect(result.status, result.message).toBe('feasible');
    expect(result.timeLimitReached).toBe(true);
    const check = evaluate(problem, result.assignment!);
    expect(check.violations).toEqual([]);
    expect(Object.keys(result.assignment!)).toHaveLength(problem.containers.length);
    expect(result.cost).toBe(check.cost);
    expect(result.lowerBound).not.toBeNull();
    expect(result.lowerBound!).toBeLessThanOrEqual(result.cost!);
    // Past the limit, only what runs between two looks at the clock: compiling the problem
    // and checking the answer (tenths of a second each), a stretch of model building, and
    // HiGHS's tail, for which it is given one build time less. 3 s covers those three times
    // over, as on a 2-core machine at a load average of 10 (measured: 2.1 s elapsed for this
    // 2 s limit; before the fix 5.0 to 10.9 s on the same machine).
    expect(result.elapsedMs).toBeLessThan((limitSec + 3) * 1000);
  }, 60_000);

  it('stops building the model when told to', () => {
    const cp = compileProblem(generateProblem({ servers: 10, containers: 200, seed: 2 }));
    let calls = 0;
    expect(() => buildPlacementModel(cp, { capacityLinking: true, layerCover: true }, () => ++calls > 50)).toThrow(ModelBuildStopped);
    expect(calls).toBe(51);
    expect(buildPlacementModel(cp, { capacityLinking: true }, () => false).milp.numCols).toBeGreaterThan(0);
  });

  it('an engine given no time left once it has the model does not start the run', async () => {
    const cp = compileProblem(generateProblem({ servers: 4, containers: 12, seed: 2 }));
    const model = buildPlacementModel(cp, { capacityLinking: true });
    for (const name of ['highs', 'glpk'] as const) {
      const engine = await loadEngine(name);
      expect(engine.solve(model.milp, { timeLimitSec: 30, remainingSec: () => 0 })).toMatchObject({ status: 'limit', values: null, clockCut: true });
      expect(engine.solve(model.milp, { timeLimitSec: 30, remainingSec: () => 30 }).status).toBe('optimal');
    }
  });
});
