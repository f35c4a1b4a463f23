import type { AlgorithmContext, AlgorithmOutcome } from './algorithm-context';
import { statusWithoutAnswer } from './algorithm-context';
import { constructGreedy, largestFirstOrder } from './construct-greedy';
import { fallBackToExactSearch } from './fall-back-to-exact-search';

/**
 * The paper's baseline answers one question: does some placement fit when every container keeps
 * private copies of its layers? Its cost is fixed (noSharingCost), so any fitting placement will
 * do; `infeasible` here is a proof about private copies (depth-first search or the MIP).
 */
export async function solveNoSharing(ctx: AlgorithmContext): Promise<AlgorithmOutcome> {
  const { cp } = ctx;
  if (cp.infeasibleReason) return { status: 'infeasible', message: cp.infeasibleReason };
  // Private copies make disk use additive, so the total disk is a quick proof of "no".
  let room = 0,
    needed = 0;
  for (const s of cp.servers) room += Math.max(0, s.storage - s.cachedBytes);
  for (const u of cp.units) needed += u.ownBytes;
  if (needed > room) {
    return { status: 'infeasible', message: `private copies need ${needed} bytes; all servers together have ${room}` };
  }
  const state = constructGreedy(cp, largestFirstOrder(cp), true);
  if (state) return { status: 'feasible', unitServer: state.unitServer, lowerBound: null };
  const fallback = await fallBackToExactSearch(ctx, true);
  if (fallback.state) return { status: 'feasible', unitServer: fallback.state.unitServer, lowerBound: null, usedEngine: fallback.usedEngine };
  if (fallback.provedNone) {
    return { status: 'infeasible', usedEngine: fallback.usedEngine, message: 'no placement fits with private layer copies' };
  }
  return { status: statusWithoutAnswer(ctx), usedEngine: fallback.usedEngine };
}
