import { WORK_PER_SECOND } from '../deadline';
import { improveLocally } from './improve-locally';
import { fallBackToExactSearch } from './fall-back-to-exact-search';
import { improveByServerGroups } from './improve-by-server-groups';
import { weightedFloor } from './weighted-floor';
import { continueSearch, runGreedySearch } from './run-greedy-search';
import { statusWithoutAnswer, type AlgorithmContext, type AlgorithmOutcome } from './algorithm-context';

/**
 * Heuristic budget in work units (candidate evaluations; see deadline.ts): about a second of
 * this machine's time for mid-size problems, more only for very large ones. Work, not time, so
 * a loaded machine gives the same answer later rather than a different answer on time.
 */
export function greedyWorkUnits(unitCount: number, serverCount: number): number {
  return WORK_PER_SECOND * (0.8 + (unitCount * serverCount) / 20000);
}

/**
 * Traffic makes the objective quadratic: where a service's hub goes decides its partners' best
 * servers, and the search needs more restarts to find it (Kdl 10 × 50 with the social network,
 * low latency, seeds 1–5: 1.3–4.1 % above exact's proved optimum with the storage budget,
 * 0–1.3 % with four times it, 2–3 s).
 */
const TRAFFIC_WORK_FACTOR = 4;

export async function solveGreedy(ctx: AlgorithmContext): Promise<AlgorithmOutcome> {
  const { cp } = ctx;
  if (cp.infeasibleReason) return { status: 'no-solution', message: cp.infeasibleReason };
  const work = greedyWorkUnits(cp.units.length, cp.servers.length) * (cp.active.traffic ? TRAFFIC_WORK_FACTOR : 1);
  const budget = ctx.deadline.subWork(work);
  const search = runGreedySearch(cp, budget, ctx.random, (s) => ctx.report({ incumbentCost: s.cost, phase: 'greedy' }));
  let best = search.state;
  let proved = search.proved;
  let usedEngine = false;
  if (!best) {
    const fallback = await fallBackToExactSearch(ctx);
    usedEngine = fallback.usedEngine;
    if (fallback.state) {
      // Construction failed but a placement exists: improve it with what is left of the budget.
      improveLocally(fallback.state, budget, ctx.random);
      const rest = ctx.deadline.subWork(Math.max(0.2 * WORK_PER_SECOND, budget.workLimit - budget.workSpent()));
      const more = continueSearch(fallback.state, rest, ctx.random);
      best = more.state;
      proved = more.proved;
    } else if (fallback.provedNone) return { status: 'no-solution', usedEngine, message: 'exact search found no valid placement' };
  }
  if (!best) return { status: statusWithoutAnswer(ctx), usedEngine };
  // Where local moves are stuck, re-placing whole server groups exactly (as much work again).
  if (!proved) improveByServerGroups(best, ctx.deadline.subWork(work), ctx.random, { lowerBound: weightedFloor(cp) });
  // A completed exact finish proves the placement optimal; the status stays `feasible` (a
  // heuristic's answer) and the proof shows as a lower bound equal to the cost.
  return {
    status: 'feasible',
    unitServer: best.unitServer,
    lowerBound: proved ? best.cost : weightedFloor(cp),
    usedEngine,
    ...(proved ? { message: 'proved optimal by an exact search' } : {}),
  };
}
