import { buildPlacementModel, columnsToUnitServers } from '../build-placement-model';
import { WORK_PER_SECOND } from '../deadline';
import { PlacementState } from '../placement-state';
import type { AlgorithmContext } from './algorithm-context';
import { searchFeasible } from './search-feasible';

/** the depth-first search's share: about a second of work before the MIP takes over */
const FALLBACK_DFS_WORK = WORK_PER_SECOND;

export type FallbackOutcome = { state: PlacementState | null; usedEngine: boolean; provedNone: boolean };

/**
 * When a heuristic's own moves find no valid placement, search exactly: a depth-first search
 * first (no WASM, fine for small instances), then the MIP engine for whatever time remains.
 * A heuristic never reports the proof as `infeasible`; it only stops looking.
 */
export async function fallBackToExactSearch(ctx: AlgorithmContext, noSharing = false): Promise<FallbackOutcome> {
  const { cp, deadline } = ctx;
  ctx.report({ phase: 'exact search (fallback)' });
  const dfs = searchFeasible(cp, deadline.subWork(FALLBACK_DFS_WORK), noSharing);
  if (dfs.kind === 'found') return { state: dfs.state, usedEngine: false, provedNone: false };
  if (dfs.kind === 'none') return { state: null, usedEngine: false, provedNone: true };
  if (deadline.expired()) return { state: null, usedEngine: false, provedNone: false };

  const engine = await ctx.engine();
  const model = buildPlacementModel(cp, { noSharing });
  const outcome = engine.solve(model.milp, {
    timeLimitSec: deadline.remainingSec(),
    shouldStop: () => deadline.stopped(),
    // Any valid placement will do; the caller improves it locally.
    relGap: noSharing ? 1 : 0.05,
  });
  if (outcome.status === 'infeasible') return { state: null, usedEngine: true, provedNone: true };
  if (!outcome.values) return { state: null, usedEngine: true, provedNone: false };
  const unitServer = columnsToUnitServers(model, cp, outcome.values);
  const state = new PlacementState(cp, noSharing);
  for (let u = 0; u < unitServer.length; u++) {
    if (unitServer[u] < 0 || !state.canPlace(u, unitServer[u])) return { state: null, usedEngine: true, provedNone: false };
    state.place(u, unitServer[u]);
  }
  return { state, usedEngine: true, provedNone: false };
}
