import type { CompiledProblem } from '../compile-problem';
import { PlacementState } from '../placement-state';

/**
 * Layer-affinity construction: take units in `order`, put each where it adds the fewest new
 * bytes; among equally cheap servers prefer the roomiest, so later units can still share there.
 * Returns null when some unit fits nowhere (the caller may retry another order or search).
 */
export function constructGreedy(cp: CompiledProblem, order: number[], noSharing = false): PlacementState | null {
  const state = new PlacementState(cp, noSharing);
  for (const u of order) {
    let best = -1,
      bestCost = Infinity,
      bestRoom = -Infinity;
    for (let j = 0; j < cp.servers.length; j++) {
      if (!cp.units[u].eligible[j] || !state.canPlace(u, j)) continue;
      const cost = state.addCost(u, j);
      if (cost > bestCost) continue;
      const room = roomAfter(state, u, j);
      if (cost < bestCost || room > bestRoom) {
        best = j;
        bestCost = cost;
        bestRoom = room;
      }
    }
    if (best < 0) return null;
    state.place(u, best);
  }
  return state;
}

function roomAfter(state: PlacementState, u: number, j: number): number {
  const s = state.cp.servers[j];
  const unit = state.cp.units[u];
  const share = (used: number, demand: number, cap: number) => (cap > 0 ? (cap - used - demand) / cap : 0);
  return (
    share(state.cpu[j], unit.cpu, s.cpu) +
    share(state.memory[j], unit.memory, s.memory) +
    share(state.bandwidth[j], unit.bandwidth, s.bandwidth) +
    share(state.storage[j], 0, s.storage)
  );
}

/** Largest first (by own layer bytes), the most constrained units ahead of the rest. */
export function largestFirstOrder(cp: CompiledProblem): number[] {
  const S = cp.servers.length;
  return cp.units
    .map((_, u) => u)
    .sort((a, b) => {
      const ua = cp.units[a],
        ub = cp.units[b];
      const ca = ua.eligibleCount < S || ua.partners.length > 0 ? 0 : 1;
      const cb = ub.eligibleCount < S || ub.partners.length > 0 ? 0 : 1;
      if (ca !== cb) return ca - cb;
      return ub.ownBytes - ua.ownBytes || a - b;
    });
}
