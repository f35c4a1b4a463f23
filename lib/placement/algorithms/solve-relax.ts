import type { PlacementModel } from '../build-placement-model';
import type { CompiledProblem } from '../compile-problem';
import { PlacementState } from '../placement-state';
import { statusWithoutAnswer, type AlgorithmContext, type AlgorithmOutcome } from './algorithm-context';
import { constructFromCurrent, constructGreedy, largestFirstOrder } from './construct-greedy';
import { fallBackToExactSearch } from './fall-back-to-exact-search';
import { improveByServerGroups } from './improve-by-server-groups';
import { improveLocally } from './improve-locally';
import { greedyWorkUnits } from './solve-greedy';
import { weighStorageBound, weightedFloor } from './weighted-floor';
import { engineFitsIn, modelForEngine } from './model-for-engine';
import { continueSearch, runGreedySearch } from './run-greedy-search';
import { boundToBytes } from './solve-exact';

const MAX_ROUNDS = 40;
const ROUNDS_WITHOUT_GAIN = 12;

/**
 * The paper's relaxation algorithm: solve the LP relaxation (its value is the reported lower
 * bound), round it many times — first deterministically (largest x), then by sampling servers
 * with probability x(u,j) — while repairing capacity on the fly (a unit only goes where it
 * still fits, else to the cheapest server that has room), then improve each rounding locally.
 */
export async function solveRelax(ctx: AlgorithmContext): Promise<AlgorithmOutcome> {
  const { cp, deadline } = ctx;
  if (cp.infeasibleReason) return { status: 'no-solution', message: cp.infeasibleReason };
  const engine = await ctx.engine();
  ctx.report({ phase: 'LP relaxation' });
  const built = modelForEngine(cp, { capacityLinking: true, layerCover: true }, deadline);
  // On a large problem with little time left, the model or the LP could not be done in time:
  // go straight to the constructions below, which answer quickly and check the clock.
  const model = built?.model ?? null;
  let lp: { status: string; values: Float64Array | null; objective: number | null } = { status: 'limit', values: null, objective: null };
  if (engineFitsIn(deadline, built)) {
    // The LP's share, ending on the clock as well as on cancellation (rounding needs the rest).
    const lpDeadline = deadline.sub(deadline.remainingSec() * 0.6);
    lp = engine.solve(built.model.milp, {
      relax: true,
      timeLimitSec: lpDeadline.remainingSec(),
      remainingSec: () => lpDeadline.remainingSec() - built.buildSec,
      shouldStop: () => lpDeadline.expired(),
    });
  }
  if (lp.status === 'infeasible') {
    return { status: 'no-solution', usedEngine: true, message: 'the LP relaxation is infeasible, so no placement exists' };
  }
  // The LP bound, or when the LP did not finish at least the combinatorial one (never null);
  // the model prices storage alone, so either counts at the storage weight (other terms ≥ 0).
  const lowerBound = Math.max(lp.status === 'optimal' ? weighStorageBound(cp, boundToBytes(lp.objective) ?? 0) : 0, weightedFloor(cp));
  ctx.report({ phase: 'rounding', bound: lowerBound });

  let best: PlacementState | null = null;
  if (lp.values && model) {
    const order = largestFirstOrder(cp);
    let sinceGain = 0;
    for (let round = 0; round < MAX_ROUNDS && sinceGain < ROUNDS_WITHOUT_GAIN && !deadline.expired(); round++) {
      const state = roundOnce(cp, model, lp.values, order, round === 0 ? null : ctx.random);
      sinceGain++;
      if (!state) continue;
      improveLocally(state, deadline, ctx.random);
      if (!best || state.cost < best.cost) {
        if (best && state.cost < best.cost - cp.costTolerance) sinceGain = 0;
        best = state;
        ctx.report({ phase: 'rounding', incumbentCost: best.cost, bound: lowerBound });
      }
    }
  }
  // The layer-affinity construction is one more candidate for the improvement phase: where
  // the LP is very fractional, rounding alone can land in a worse basin (Fig. 5, scale 1.5).
  // So is the current placement when re-planning (kept where it still fits).
  for (const build of [() => constructGreedy(cp, largestFirstOrder(cp)), () => constructFromCurrent(cp)]) {
    const constructed = deadline.expired() ? null : build();
    if (!constructed) continue;
    improveLocally(constructed, deadline, ctx.random);
    if (!best || constructed.cost < best.cost) best = constructed;
  }
  let proved = false;
  if (best) {
    // Improve the best candidate further (kicks and descents, an exact finish on small
    // problems) with greedy's work budget, stopping early once it meets the LP bound.
    const budget = deadline.subWork(greedyWorkUnits(cp.units.length, cp.servers.length));
    const search = continueSearch(best, budget, ctx.random, (s) => ctx.report({ phase: 'improvement', incumbentCost: s.cost, bound: lowerBound }), { lowerBound });
    best = search.state ?? best;
    proved = search.proved;
    if (!proved) improveByServerGroups(best, deadline.subWork(greedyWorkUnits(cp.units.length, cp.servers.length)), ctx.random, { lowerBound });
  }
  // Even with the time gone (an LP that did not finish), a construction costs little and turns
  // a timeout into an answer with its bound.
  if (!best) {
    const search = runGreedySearch(cp, deadline.subWork(greedyWorkUnits(cp.units.length, cp.servers.length)), ctx.random, undefined, { lowerBound });
    best = search.state;
    proved = search.proved;
  }
  if (!best && !deadline.expired()) {
    const fallback = await fallBackToExactSearch(ctx);
    if (fallback.state) {
      const budget = deadline.subWork(greedyWorkUnits(cp.units.length, cp.servers.length));
      improveLocally(fallback.state, budget, ctx.random);
      const search = continueSearch(fallback.state, budget, ctx.random, undefined, { lowerBound });
      best = search.state;
      proved = search.proved;
    }
  }
  if (!best) return { status: statusWithoutAnswer(ctx), lowerBound, usedEngine: true };
  // A proved placement keeps the heuristic's `feasible` status; the proof is its bound.
  if (proved) return { status: 'feasible', unitServer: best.unitServer, lowerBound: best.cost, usedEngine: true, message: 'proved optimal by an exact search or the LP bound' };
  return { status: 'feasible', unitServer: best.unitServer, lowerBound, usedEngine: true };
}

function roundOnce(cp: CompiledProblem, model: PlacementModel, x: Float64Array, order: number[], random: (() => number) | null): PlacementState | null {
  const S = cp.servers.length;
  const state = new PlacementState(cp);
  for (const u of order) {
    let total = 0;
    const weights: number[] = [];
    const open: number[] = [];
    for (let j = 0; j < S; j++) {
      const col = model.xCol[u * S + j];
      if (col < 0 || !state.canPlace(u, j)) continue;
      open.push(j);
      const w = Math.max(0, x[col]);
      weights.push(w);
      total += w;
    }
    if (open.length === 0) return null;
    let pick = -1;
    if (total > 1e-6) {
      if (random) {
        let r = random() * total;
        for (let k = 0; k < open.length; k++) {
          r -= weights[k];
          if (r <= 0 && weights[k] > 0) {
            pick = open[k];
            break;
          }
        }
      }
      if (pick < 0) pick = open[weights.indexOf(Math.max(...weights))];
    } else {
      // Repair: the LP's servers for u are full, so take the cheapest one with room.
      let bestCost = Infinity;
      for (const j of open) {
        const c = state.addCost(u, j);
        if (c < bestCost) {
          bestCost = c;
          pick = j;
        }
      }
    }
    state.place(u, pick);
  }
  return state;
}
