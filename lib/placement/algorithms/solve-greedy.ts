import { improveLocally } from './improve-locally';
import { fallBackToExactSearch } from './fall-back-to-exact-search';
import { runGreedySearch } from './run-greedy-search';
import { statusWithoutAnswer, type AlgorithmContext, type AlgorithmOutcome } from './algorithm-context';

/** Heuristic budget: about a second for mid-size problems, more only for very large ones. */
export function greedyBudgetSec(unitCount: number, serverCount: number): number {
  return 0.8 + (unitCount * serverCount) / 20000;
}

export async function solveGreedy(ctx: AlgorithmContext): Promise<AlgorithmOutcome> {
  const { cp } = ctx;
  if (cp.infeasibleReason) return { status: 'no-solution', message: cp.infeasibleReason };
  const budget = ctx.deadline.sub(greedyBudgetSec(cp.units.length, cp.servers.length));
  let best = runGreedySearch(cp, budget, ctx.random, (s) => ctx.report({ incumbentCost: s.cost, phase: 'greedy' }));
  let usedEngine = false;
  if (!best) {
    const fallback = await fallBackToExactSearch(ctx);
    usedEngine = fallback.usedEngine;
    best = fallback.state;
    if (best) improveLocally(best, ctx.deadline.sub(Math.max(0.2, budget.remainingSec())), ctx.random);
    else if (fallback.provedNone) return { status: 'no-solution', usedEngine, message: 'exact search found no valid placement' };
  }
  if (!best) return { status: statusWithoutAnswer(ctx), usedEngine };
  return { status: 'feasible', unitServer: best.unitServer, lowerBound: null, usedEngine };
}
