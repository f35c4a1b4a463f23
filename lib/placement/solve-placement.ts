import type { AlgorithmContext, AlgorithmOutcome } from './algorithms/algorithm-context';
import { solveExact } from './algorithms/solve-exact';
import { solveGreedy } from './algorithms/solve-greedy';
import { solveKubeDefault } from './algorithms/solve-kube-default';
import { solveNoSharing } from './algorithms/solve-no-sharing';
import { solveRelax } from './algorithms/solve-relax';
import { compileProblem, toAssignment, type CompiledProblem } from './compile-problem';
import { Deadline } from './deadline';
import { loadEngine, resolveEngine } from './engines/load-engine';
import type { MilpEngine } from './engines/milp-engine';
import { computeNoSharingCost, evaluate } from './evaluate';
import { createPrng } from './prng';
import type { AlgorithmName, PlacementProblem, PlacementProgress, PlacementResult, SolveOptions } from './types';

export const DEFAULT_TIME_LIMIT_SEC = 60;
export const DEFAULT_ALGORITHM: AlgorithmName = 'exact';

const ALGORITHM_RUNNERS: Record<AlgorithmName, (ctx: AlgorithmContext, options: SolveOptions) => Promise<AlgorithmOutcome>> = {
  exact: (ctx, options) => solveExact(ctx, options.exactTuning),
  relax: solveRelax,
  greedy: solveGreedy,
  'kube-default': (ctx) => Promise.resolve(solveKubeDefault(ctx)),
  'no-sharing': solveNoSharing,
};

/**
 * Solves in the calling thread (blocking it during LP/MIP calls; use solveInWorker from a
 * server). Never throws for a bad outcome: infeasible, timeouts, cancellation and internal
 * failures are all statuses of the returned PlacementResult.
 */
/** the spec's field order, so printed results read status first */
export function orderResultFields(result: PlacementResult): PlacementResult {
  const { status, algorithm, engine, objective, cost, lowerBound, noSharingCost, assignment, serverLayers, terms, droppedTerms, elapsedMs, timeLimitReached, message } = result;
  return {
    status,
    algorithm,
    engine,
    objective,
    cost,
    lowerBound,
    noSharingCost,
    ...(assignment ? { assignment } : {}),
    ...(serverLayers ? { serverLayers } : {}),
    ...(terms ? { terms } : {}),
    ...(droppedTerms ? { droppedTerms } : {}),
    elapsedMs,
    ...(timeLimitReached ? { timeLimitReached } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

export async function solvePlacement(problem: PlacementProblem, options: SolveOptions = {}): Promise<PlacementResult> {
  const deadline = new Deadline(options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC, () => (options.signal?.aborted ?? false) || (options.shouldStop?.() ?? false));
  const result = await solveUnordered(problem, options, deadline);
  if (deadline.cutByClock() && result.status !== 'cancelled' && result.status !== 'optimal' && result.status !== 'infeasible') {
    const note = 'the wall-clock limit ended the search, so a rerun may give a different answer';
    result.timeLimitReached = true;
    result.message = result.message ? `${result.message}; ${note}` : note;
  }
  return orderResultFields(result);
}

/** Every engine call goes through here, so a solver stopped on its clock marks the run as cut. */
function watchClock(engine: MilpEngine, deadline: Deadline): MilpEngine {
  return {
    name: engine.name,
    solve: (model, options) => {
      const outcome = engine.solve(model, options);
      if (outcome.clockCut) deadline.markClockCut();
      return outcome;
    },
  };
}

async function solveUnordered(problem: PlacementProblem, options: SolveOptions, deadline: Deadline): Promise<PlacementResult> {
  const algorithm = options.algorithm ?? DEFAULT_ALGORITHM;
  const engineName = resolveEngine(options.engine);
  const started = performance.now();
  const noSharingCost = computeNoSharingCost(problem);
  const base = { algorithm, objective: problem.objective, noSharingCost };
  const elapsedMs = () => Math.round(performance.now() - started);

  let cp: CompiledProblem;
  let outcome: AlgorithmOutcome;
  try {
    cp = compileProblem(problem);
    // Placement states charge their operations to the run's work meter (deadline.ts).
    cp.work = deadline.meter;
    let engine: Promise<MilpEngine> | null = null;
    let lastIncumbent: number | null = null;
    let lastBound: number | null = null;
    const ctx: AlgorithmContext = {
      cp,
      deadline,
      timeLimitSec: options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC,
      engineName,
      engine: () => (engine ??= loadEngine(engineName).then((loaded) => watchClock(loaded, deadline))),
      random: createPrng(options.seed ?? 1),
      seed: options.seed ?? 1,
      report: (update) => {
        if (update.incumbentCost !== undefined && update.incumbentCost !== null) {
          lastIncumbent = lastIncumbent === null ? update.incumbentCost : Math.min(lastIncumbent, update.incumbentCost);
        }
        if (update.bound !== undefined && update.bound !== null) {
          lastBound = lastBound === null ? update.bound : Math.max(lastBound, update.bound);
        }
        const progress: PlacementProgress = {
          elapsedMs: elapsedMs(),
          incumbentCost: lastIncumbent,
          bound: lastBound,
          phase: update.phase,
        };
        options.onProgress?.(progress);
      },
    };
    outcome = await ALGORITHM_RUNNERS[algorithm](ctx, options);
  } catch (error) {
    return { ...base, status: 'error', engine: null, cost: null, lowerBound: null, elapsedMs: elapsedMs(), message: String((error as Error)?.stack ?? error) };
  }
  const engine = outcome.usedEngine ? engineName : null;
  // A cancelled run answers "cancelled", even if a placement was in hand when the stop came.
  if (deadline.stopped()) {
    return { ...base, status: 'cancelled', engine, cost: null, lowerBound: null, elapsedMs: elapsedMs() };
  }

  if ((outcome.status === 'optimal' || outcome.status === 'feasible') && outcome.unitServer) {
    const assignment = toAssignment(cp, outcome.unitServer);
    const mode = algorithm === 'no-sharing' ? 'no-sharing' : 'sharing';
    const checked = evaluate(problem, assignment, mode);
    if (!checked.feasible) {
      return {
        ...base,
        status: 'error',
        engine,
        cost: null,
        lowerBound: null,
        elapsedMs: elapsedMs(),
        message: `internal error: the ${algorithm} answer fails evaluation: ${checked.violations.map((v) => v.message).join('; ')}`,
      };
    }
    const sharing = mode === 'sharing' ? checked : evaluate(problem, assignment, 'sharing');
    const cost = checked.cost;
    let lowerBound = outcome.lowerBound ?? null;
    if (outcome.status === 'optimal') lowerBound = cost;
    else if (lowerBound !== null) lowerBound = Math.min(lowerBound, cost);
    return {
      ...base,
      status: outcome.status,
      engine,
      cost,
      lowerBound,
      assignment,
      serverLayers: sharing.serverLayers,
      // v1 results keep their v1 shape; a v2 result always shows its terms apart.
      ...(problem.version === 2 ? { terms: checked.terms } : {}),
      ...(outcome.droppedTerms?.length ? { droppedTerms: outcome.droppedTerms } : {}),
      elapsedMs: elapsedMs(),
      ...(outcome.message ? { message: outcome.message } : {}),
    };
  }
  const status = outcome.status === 'optimal' || outcome.status === 'feasible' ? 'error' : outcome.status;
  return {
    ...base,
    status,
    engine,
    // The no-sharing baseline's cost is fixed whether or not a placement fits (spec).
    cost: algorithm === 'no-sharing' ? noSharingCost : null,
    lowerBound: outcome.lowerBound ?? null,
    ...(outcome.droppedTerms?.length ? { droppedTerms: outcome.droppedTerms } : {}),
    elapsedMs: elapsedMs(),
    ...(outcome.message ? { message: outcome.message } : {}),
  };
}
