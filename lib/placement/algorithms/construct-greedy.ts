import type { CompiledProblem } from '../compile-problem';
import { PlacementState } from '../placement-state';

/**
 * Layer-affinity construction: take units in `order`, put each where it adds the fewest new
 * bytes; among equally cheap servers prefer the roomiest, so later units can still share there.
 * Returns null when some unit fits nowhere (the caller may retry another order or search).
 */
export function constructGreedy(cp: CompiledProblem, order: number[], noSharing = false): PlacementState | null {
  const state = new PlacementState(cp, noSharing);
  return placeCheapest(state, order) ? state : null;
}

/**
 * Re-planning keeps what still fits: every unit stays on the server that runs most of its
 * replicas now, if that server is still there and takes it; the others then go where they
 * add least, largest first. Null without a current placement, or when some unit fits nowhere.
 */
export function constructFromCurrent(cp: CompiledProblem): PlacementState | null {
  const network = cp.network;
  if (!network?.hasCurrent) return null;
  const state = new PlacementState(cp);
  const rest: number[] = [];
  for (const u of largestFirstOrder(cp)) {
    const votes = new Map<number, number>();
    let home = -1;
    for (const m of network.movers[u]) {
      if (m.server < 0) continue;
      const n = (votes.get(m.server) ?? 0) + 1;
      votes.set(m.server, n);
      if (home < 0 || n > votes.get(home)!) home = m.server;
    }
    if (home >= 0 && state.canPlace(u, home)) state.place(u, home);
    else rest.push(u);
  }
  return placeCheapest(state, rest) ? state : null;
}

function placeCheapest(state: PlacementState, order: number[]): boolean {
  const { cp } = state;
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
    if (best < 0) return false;
    state.place(u, best);
  }
  return true;
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
