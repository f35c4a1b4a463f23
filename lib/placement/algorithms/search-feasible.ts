import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import { PlacementState } from '../placement-state';

export type FeasibleSearchOutcome =
  | { kind: 'found'; state: PlacementState }
  /** the whole tree was explored: no valid placement exists */
  | { kind: 'none' }
  | { kind: 'budget' };

/**
 * Depth-first search for any valid placement, most constrained unit first, cheapest server
 * first. This is the exact fallback that keeps greedy/relax from giving up on small instances
 * where construction and local moves found nothing.
 */
export function searchFeasible(cp: CompiledProblem, deadline: Deadline, noSharing = false): FeasibleSearchOutcome {
  if (cp.infeasibleReason) return { kind: 'none' };
  const state = new PlacementState(cp, noSharing);
  const U = cp.units.length;
  const placed = new Uint8Array(U);
  let nodes = 0;
  let outOfTime = false;
  const emptyKeys = cp.servers.map((_, j) => emptyServerKey(cp, j));

  const pickUnit = (): number => {
    // Dynamic ordering: the unit with the fewest servers that can take it right now.
    let best = -1,
      bestOptions = Infinity,
      bestSize = -1;
    for (let u = 0; u < U; u++) {
      if (placed[u]) continue;
      let options = 0;
      for (let j = 0; j < cp.servers.length && options < bestOptions; j++) {
        if (cp.units[u].eligible[j] && state.canPlace(u, j)) options++;
      }
      const size = cp.units[u].cpu + cp.units[u].memory / 1024 + cp.units[u].ownBytes / 1e9;
      if (options < bestOptions || (options === bestOptions && size > bestSize)) {
        best = u;
        bestOptions = options;
        bestSize = size;
      }
      if (options === 0) break;
    }
    return best;
  };

  const descend = (): boolean => {
    if (state.complete()) return true;
    if ((++nodes & 127) === 0 && deadline.work(128 * cp.units.length * cp.servers.length)) {
      outOfTime = true;
      return false;
    }
    const u = pickUnit();
    const candidates: { j: number; cost: number }[] = [];
    for (let j = 0; j < cp.servers.length; j++) {
      if (cp.units[u].eligible[j] && state.canPlace(u, j)) candidates.push({ j, cost: state.addCost(u, j) });
    }
    candidates.sort((x, y) => x.cost - y.cost || x.j - y.j);
    // Empty servers with identical capacities and caches are interchangeable: try one of them.
    const triedEmpty = new Set<string>();
    for (const { j } of candidates) {
      if (state.count[j] === 0) {
        const key = emptyKeys[j];
        if (triedEmpty.has(key)) continue;
        triedEmpty.add(key);
      }
      state.place(u, j);
      placed[u] = 1;
      if (descend()) return true;
      state.remove(u);
      placed[u] = 0;
      if (outOfTime) return false;
    }
    return false;
  };

  if (descend()) return { kind: 'found', state };
  return outOfTime ? { kind: 'budget' } : { kind: 'none' };
}

export function emptyServerKey(cp: CompiledProblem, j: number): string {
  const s = cp.servers[j];
  let cachedSig = '';
  for (let l = 0; l < s.cached.length; l++) if (s.cached[l]) cachedSig += `${l},`;
  // Units differ in eligibility per server, so the eligibility column is part of the identity.
  let eligibleSig = '';
  for (const unit of cp.units) eligibleSig += unit.eligible[j];
  // The network may tell servers apart too (paths, latencies, held layers, current replicas).
  const networkSig = cp.network ? `|${cp.network.symmetryClass[j]}` : '';
  return `${s.cpu}|${s.memory}|${s.bandwidth}|${s.storage}|${s.site}|${cachedSig}|${eligibleSig}${networkSig}`;
}
