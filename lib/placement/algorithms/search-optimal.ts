import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import { PlacementState } from '../placement-state';
import { emptyServerKey } from './search-feasible';

export type OptimalSearchOutcome =
  /** the tree was explored: `state` is optimal, or null when nothing beats the incumbent (which then is) */
  | { kind: 'proved'; state: PlacementState | null }
  /** the node budget ran out; `state` is the best placement found below the incumbent, if any */
  | { kind: 'budget'; state: PlacementState | null };

/**
 * Depth-first branch and bound over units, for problems small enough to search completely:
 * the exact finish of the heuristics. Most constrained unit first, cheapest server first, one
 * representative of interchangeable empty servers. The bound adds to the cost so far every
 * layer that some unplaced unit needs and cannot find, free, on any server it may still use
 * (each such layer needs a new copy somewhere; each is counted once), and for version-2 terms
 * what each unplaced unit must add at least (inspect). Stops after `nodeLimit`
 * nodes or when `deadline` expires (work is charged per node), so the outcome is reproducible.
 */
export function searchOptimal(cp: CompiledProblem, deadline: Deadline, nodeLimit: number, incumbentCost = Infinity): OptimalSearchOutcome {
  const U = cp.units.length;
  const S = cp.servers.length;
  const L = cp.layerSize.length;
  if (cp.infeasibleReason) return { kind: 'proved', state: null };
  const state = new PlacementState(cp);
  const placed = new Uint8Array(U);
  const emptyKeys = cp.servers.map((_, j) => emptyServerKey(cp, j));
  const forced = new Uint8Array(L);
  const options: number[][] = Array.from({ length: U }, () => []);
  let best = incumbentCost - cp.costTolerance;
  let bestUnitServer: Int32Array | null = null;
  let nodes = 0;
  let cut = false;

  const net = state.net;
  const startupWeight = net?.startupWeight ?? 0;

  /** bound on the final cost below this node, and the unit to branch on; -1 unit = dead end */
  const inspect = (): { bound: number; unit: number } => {
    forced.fill(0);
    let extra = 0;
    // Network terms (all ≥ 0 and growing as units are added): each unplaced unit adds at least
    // its cheapest traffic to placed units and move penalty, and the makespan becomes at least
    // the smallest pull time each unplaced unit can give its server.
    let separate = 0;
    let slowest = 0;
    let unit = -1,
      fewest = Infinity,
      unitSize = -1;
    for (let u = 0; u < U; u++) {
      if (placed[u]) continue;
      const open = options[u];
      open.length = 0;
      for (let j = 0; j < S; j++) if (state.canPlace(u, j)) open.push(j);
      if (open.length === 0) return { bound: Infinity, unit: -1 };
      if (net) {
        let cheapest = Infinity,
          soonest = Infinity;
        for (const j of open) {
          cheapest = Math.min(cheapest, net.separableAddCost(u, j));
          if (startupWeight > 0) soonest = Math.min(soonest, net.pullSecondsWith(u, j, state.refs[j]));
        }
        separate += cheapest;
        if (startupWeight > 0) slowest = Math.max(slowest, soonest);
      }
      for (const l of cp.units[u].layers) {
        if (forced[l]) continue;
        let free = false;
        for (const j of open) {
          if (state.refs[j][l] > 0 || (cp.download && cp.servers[j].cached[l])) {
            free = true;
            break;
          }
        }
        if (!free) {
          forced[l] = 1;
          extra += cp.layerSize[l];
        }
      }
      const size = cp.units[u].ownBytes;
      if (open.length < fewest || (open.length === fewest && size > unitSize)) {
        unit = u;
        fewest = open.length;
        unitSize = size;
      }
    }
    if (!net) return { bound: state.cost + extra, unit };
    const later = startupWeight > 0 ? startupWeight * Math.max(0, slowest - net.makespan()) : 0;
    return { bound: state.cost + cp.weights.storage * extra + separate + later, unit };
  };

  const descend = (): void => {
    if (state.complete()) {
      if (state.cost < best) {
        best = state.cost - cp.costTolerance;
        bestUnitServer = Int32Array.from(state.unitServer);
      }
      return;
    }
    if (++nodes > nodeLimit || deadline.work(U * S)) {
      cut = true;
      return;
    }
    const { bound, unit } = inspect();
    if (unit < 0 || bound >= best) return;
    const candidates = options[unit].map((j) => ({ j, cost: state.addCost(unit, j) }));
    candidates.sort((x, y) => x.cost - y.cost || x.j - y.j);
    const triedEmpty = new Set<string>();
    for (const { j, cost } of candidates) {
      if (state.cost + cost >= best) continue;
      if (state.count[j] === 0) {
        if (triedEmpty.has(emptyKeys[j])) continue;
        triedEmpty.add(emptyKeys[j]);
      }
      state.place(unit, j);
      placed[unit] = 1;
      descend();
      state.remove(unit);
      placed[unit] = 0;
      if (cut) return;
    }
  };

  descend();
  let found: PlacementState | null = null;
  if (bestUnitServer !== null) {
    found = new PlacementState(cp);
    const unitServer: Int32Array = bestUnitServer;
    unitServer.forEach((j, u) => found!.place(u, j));
  }
  return cut ? { kind: 'budget', state: found } : { kind: 'proved', state: found };
}
