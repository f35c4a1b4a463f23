import { BYTES_PER_UNIT, columnsToUnitServers, orderInterchangeableServers, placementToColumns } from '../build-placement-model';
import { WORK_PER_SECOND, type Deadline } from '../deadline';
import { stateFromUnitServers, type PlacementState } from '../placement-state';
import type { ExactTuning } from '../types';
import { statusWithoutAnswer, type AlgorithmContext, type AlgorithmOutcome } from './algorithm-context';
import { boundByColumns } from './bound-by-columns';
import { improveByServerGroups } from './improve-by-server-groups';
import { layerCopiesBound } from './layer-copies-bound';
import { engineFitsIn, modelForEngine } from './model-for-engine';
import { continueSearch, runGreedySearch } from './run-greedy-search';
import { greedyWorkUnits } from './solve-greedy';
import { solveRelax } from './solve-relax';

const LARGE_MODEL = 600;

export type ExactOptions = ExactTuning;

/**
 * Column generation (branch and price) is on by default with HiGHS: the compact MIP has the
 * first 30 % of the time, the branch and price the rest, its root at most a quarter of that
 * (ablation in the README).
 */
const COLUMN_GENERATION = true;
/**
 * Pricing handles every unit per round (its branch and bound keeps layer counts per unit), so
 * beyond a few hundred units a round takes seconds and the compact MIP keeps all the time.
 */
const COLUMN_MAX_UNITS = 300;
/** share of the time left after the warm start that goes to column generation */
const COLUMN_SHARE = 0.7;
/** after this many seconds, a relative gap above EARLY_MIP_GAP ends the first compact MIP */
const EARLY_MIP_SEC = 5;
const EARLY_MIP_GAP = 0.05;
/** share of column generation's time its root LP may take before handing back to the MIP */
const ROOT_SHARE = 0.25;

/** A solver bound in model units to bytes, rounded down with room for the solver's tolerances. */
export function boundToBytes(bound: number | null): number | null {
  if (bound === null || !Number.isFinite(bound)) return null;
  return Math.max(0, Math.floor(bound * BYTES_PER_UNIT * (1 - 1e-9) - 1));
}

/**
 * The ILP with the disaggregated linking constraints, warm-started from the greedy answer and
 * tightened with capacity-linking cuts. Proves optimality or infeasibility, or at the time
 * limit returns the best placement seen with the solver's bound.
 */
export async function solveExact(ctx: AlgorithmContext, options: ExactOptions = {}): Promise<AlgorithmOutcome> {
  const { cp, deadline } = ctx;
  if (cp.infeasibleReason) return { status: 'infeasible', message: cp.infeasibleReason };
  const warmStart = options.warmStart ?? true;
  const symmetryBreaking = options.symmetryBreaking ?? false;

  let incumbent: PlacementState | null = null;
  if (warmStart) {
    // Work, not time: the warm start (and so the MIP's path) is the same on every run.
    const budget = deadline.subWork(WORK_PER_SECOND * Math.min(1, ctx.timeLimitSec * 0.1));
    const warm = runGreedySearch(cp, budget, ctx.random, (s) => ctx.report({ incumbentCost: s.cost, phase: 'greedy incumbent' }));
    incumbent = warm.state;
    // As much work again for the server-group search: the MIP then starts from a better placement.
    if (incumbent && !warm.proved) improveByServerGroups(incumbent, deadline.subWork(WORK_PER_SECOND * Math.min(1, ctx.timeLimitSec * 0.1)), ctx.random);
  }
  // Every layer is stored on at least as many servers as its users need: a bound that holds
  // even before the LP is solved.
  let lowerBound: number | null = layerCopiesBound(cp);
  let engineUsed = false;
  // Beyond what the MIP closes quickly, the LP rounding finds better incumbents than the
  // greedy alone (measured on Fig. 4's 150+ containers), so the search starts from the better.
  const modelOptions = {
    capacityLinking: options.capacityLinking ?? true,
    layerCover: options.layerCover ?? true,
    integerLayers: options.integerLayers ?? false,
    symmetryBreaking,
  };
  // Built before the rounding, on the whole run's clock: it is the same model (without
  // symmetry breaking), and with too little time for it there is no MIP to warm-start.
  const built = deadline.expired() ? null : modelForEngine(cp, modelOptions, deadline);
  if (warmStart && built && cp.units.length * cp.servers.length > LARGE_MODEL && !deadline.expired()) {
    const rounded = await solveRelax({ ...ctx, deadline: deadline.sub(Math.min(15, deadline.remainingSec() * 0.25)) });
    const state = rounded.unitServer ? stateFromUnitServers(cp, rounded.unitServer) : null;
    if (state && (!incumbent || state.cost < incumbent.cost)) incumbent = state;
    if (rounded.lowerBound !== undefined && rounded.lowerBound !== null) lowerBound = Math.max(lowerBound, rounded.lowerBound);
    engineUsed = rounded.usedEngine ?? false;
  }
  // The best placement so far, with its gap, when the time is up or too short for the MIP;
  // time too short for the MIP still improves the placement by local search.
  const stopHere = (): AlgorithmOutcome => {
    if (!incumbent) return { status: deadline.stopped() ? 'cancelled' : 'timeout', lowerBound, usedEngine: engineUsed };
    if (!deadline.expired()) {
      const budget = deadline.subWork(greedyWorkUnits(cp.units.length, cp.servers.length));
      const search = continueSearch(incumbent, budget, ctx.random, (s) => ctx.report({ phase: 'improvement', incumbentCost: s.cost, bound: lowerBound }), {
        lowerBound: lowerBound ?? undefined,
      });
      if (search.state && search.state.cost < incumbent.cost) incumbent = search.state;
    }
    return { status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: engineUsed };
  };
  // On 5,000 containers the model takes seconds to build and HiGHS seconds more before it can
  // be stopped: start it only with the time to stop it, else keep the warm start.
  if (!engineFitsIn(deadline, built)) return stopHere();
  const { model } = built;
  const engine = await ctx.engine();

  /** The compact MIP until `limit`, or until `giveUp` says that it will not close its gap. */
  const runMip = (limit: Deadline, giveUp: (gap: number) => boolean = () => false) => {
    let gap = Infinity;
    return engine.solve(model.milp, {
      timeLimitSec: limit.remainingSec(),
      // The time left once HiGHS has taken the model in, less its tail past a time limit
      // (about one build time on 5,000 containers: model-for-engine.ts).
      remainingSec: () => limit.remainingSec() - built.buildSec,
      start: incumbent ? placementToColumns(model, incumbent) : undefined,
      shouldStop: () => limit.stopped() || limit.expired() || giveUp(gap),
      onProgress: ({ primal, dual }) => {
        if (primal !== null && dual !== null && dual > 0) gap = (primal - dual) / dual;
        ctx.report({
          phase: 'branch and bound',
          incumbentCost: primal === null ? null : Math.round(primal * BYTES_PER_UNIT),
          bound: boundToBytes(dual),
        });
      },
    });
  };

  if ((options.columnGeneration ?? COLUMN_GENERATION) && engine.name === 'highs' && cp.units.length <= COLUMN_MAX_UNITS) {
    // The compact MIP first: it proves the easy instances in seconds, where column generation
    // (slow pricing on loose capacity) would only delay the proof.
    ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null });
    // A gap still wide after a few seconds marks tight capacity, where the MIP's bound creeps
    // and the branch and price's does not: it gets the time at once.
    const firstStart = performance.now();
    const first = runMip(deadline.sub(deadline.remainingSec() * (1 - (options.columnShare ?? COLUMN_SHARE))), (gap) => {
      const wide = performance.now() - firstStart > EARLY_MIP_SEC * 1000 && gap > EARLY_MIP_GAP;
      if (wide) deadline.markClockCut();
      return wide;
    });
    if (first.status === 'infeasible' && !incumbent) return { status: 'infeasible', usedEngine: true };
    if (first.status !== 'error' && first.status !== 'infeasible') {
      const solved = first.values ? stateFromUnitServers(cp, columnsToUnitServers(model, cp, first.values)) : null;
      if (solved && (!incumbent || solved.cost < incumbent.cost)) incumbent = solved;
      if (first.status === 'optimal' && solved && incumbent === solved) return { status: 'optimal', unitServer: solved.unitServer, lowerBound: solved.cost, usedEngine: true };
      lowerBound = Math.max(lowerBound, boundToBytes(first.status === 'optimal' ? first.objective : first.bound) ?? 0);
      if (incumbent && lowerBound >= incumbent.cost - 0.5) return { status: 'optimal', unitServer: incumbent.unitServer, lowerBound: incumbent.cost, usedEngine: true };
    }
    if (deadline.expired()) return stopHere();
    ctx.report({ phase: 'column generation', incumbentCost: incumbent?.cost ?? null, bound: lowerBound });
    const columns = await boundByColumns(cp, engine, deadline, incumbent, {
      rootSec: deadline.remainingSec() * ROOT_SHARE,
      report: (bound) => ctx.report({ phase: 'column generation', bound }),
    });
    engineUsed = true;
    if (columns.infeasible && !incumbent) {
      return { status: 'infeasible', usedEngine: true, message: 'column generation proved that no combination of servers can hold every container' };
    }
    if (columns.bound !== null) lowerBound = Math.max(lowerBound, columns.bound);
    const state = columns.unitServer ? stateFromUnitServers(cp, columns.unitServer) : null;
    if (state && (!incumbent || state.cost < incumbent.cost)) incumbent = state;
    if (incumbent && (columns.proved || lowerBound >= incumbent.cost - 0.5)) {
      return { status: 'optimal', unitServer: incumbent.unitServer, lowerBound: incumbent.cost, usedEngine: true };
    }
    // A converged root means the branch and price had the rest of the time; otherwise the
    // compact MIP takes it back.
    if (columns.converged || !engineFitsIn(deadline, built)) return stopHere();
  }

  // glpk.js reports no bound at a time limit, so take the LP relaxation's first.
  if (engine.name === 'glpk') {
    const lp = engine.solve(model.milp, { relax: true, timeLimitSec: deadline.remainingSec() / 4, remainingSec: () => deadline.remainingSec() / 4 });
    if (lp.status === 'infeasible') return { status: 'infeasible', usedEngine: true, message: 'LP relaxation is infeasible' };
    if (lp.status === 'optimal') lowerBound = Math.max(lowerBound ?? 0, boundToBytes(lp.bound) ?? 0);
    ctx.report({ bound: lowerBound, incumbentCost: incumbent?.cost ?? null, phase: 'LP relaxation' });
  }

  if (incumbent && symmetryBreaking) {
    incumbent = stateFromUnitServers(cp, orderInterchangeableServers(cp, incumbent.unitServer)) ?? incumbent;
  }
  ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null });
  engineUsed ||= engine.name === 'glpk';
  if (!engineFitsIn(deadline, built)) return stopHere();
  const outcome = runMip(deadline);

  if (outcome.status === 'error') {
    if (incumbent) return { status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: true, message: outcome.message };
    return { status: 'error', usedEngine: true, message: outcome.message };
  }
  if (outcome.status === 'infeasible') {
    // A placement in hand contradicts the proof; trust the placement (evaluate checks it).
    if (incumbent) return { status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: true };
    return { status: 'infeasible', usedEngine: true };
  }

  const solved = outcome.values ? stateFromUnitServers(cp, columnsToUnitServers(model, cp, outcome.values)) : null;
  const best = solved && (!incumbent || solved.cost <= incumbent.cost) ? solved : incumbent;
  let bound = Math.max(boundToBytes(outcome.bound) ?? 0, lowerBound ?? 0);
  if (outcome.status === 'optimal') {
    // Optimal to within a fraction of a byte (mip_rel_gap 0), so the bound is the cost itself;
    // unless the solver's answer failed our own check, in which case only its value is a bound.
    if (solved && best === solved) return { status: 'optimal', unitServer: solved.unitServer, lowerBound: solved.cost, usedEngine: true };
    bound = boundToBytes(outcome.objective) ?? bound;
  }
  if (!best) return { status: statusWithoutAnswer(ctx), lowerBound: bound, usedEngine: true };
  if (bound !== null && bound >= best.cost) {
    return { status: 'optimal', unitServer: best.unitServer, lowerBound: best.cost, usedEngine: true };
  }
  return { status: 'feasible', unitServer: best.unitServer, lowerBound: bound, usedEngine: true };
}
