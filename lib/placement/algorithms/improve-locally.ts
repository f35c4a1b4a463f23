import { WorkMeter, type Deadline } from '../deadline';
import type { PlacementState } from '../placement-state';

// A change smaller than the problem's cost tolerance (half a byte for storage alone) is
// rounding noise, not an improvement. Every loop charges its candidate evaluations to the deadline's work budget (see deadline.ts):
// where the search stops must not depend on the machine's speed.
/** a swap evaluated in full costs about this many skipped candidate pairs */
const SWAP_COST = 16;

/**
 * Local search to a local optimum of four neighbourhoods, cheapest first: move one unit,
 * swap two units, an ejection chain (move a unit to a full server by relocating one of its
 * occupants), and a group move (everyone on a server who uses one layer, or everyone on the
 * server, moves together: single moves cannot do that because each would duplicate the shared
 * layer). Mutates `state`; returns whether anything improved.
 */
export function improveLocally(state: PlacementState, deadline: Deadline, random: () => number, focus: Uint8Array | null = null): boolean {
  // `focus` marks servers whose units are worth revisiting (after a kick, only the servers it
  // touched); every server an improvement touches joins it. Null means all servers.
  const hot = focus ?? new Uint8Array(state.cp.servers.length).fill(1);
  let improvedAny = false;
  for (;;) {
    if (deadline.expired()) return improvedAny;
    if (applyMoves(state, deadline, random, hot)) {
      improvedAny = true;
      continue;
    }
    if (applySwaps(state, deadline, random, hot)) {
      improvedAny = true;
      continue;
    }
    if (applyEjections(state, deadline, random, hot)) {
      improvedAny = true;
      continue;
    }
    if (applyGroupMoves(state, deadline, hot)) {
      improvedAny = true;
      continue;
    }
    return improvedAny;
  }
}

function randomOrder(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [order[i], order[k]] = [order[k], order[i]];
  }
  return order;
}

function applyMoves(state: PlacementState, deadline: Deadline, random: () => number, hot: Uint8Array): boolean {
  const { cp } = state;
  let improved = false;
  const meter = new WorkMeter(deadline);
  for (const u of randomOrder(cp.units.length, random)) {
    if (meter.spend(1)) break;
    const from = state.unitServer[u];
    const gain = state.removeGain(u);
    if (gain === 0) continue;
    meter.add(cp.servers.length);
    state.remove(u);
    let best = from,
      bestDelta = -cp.costTolerance;
    for (let k = 0; k < cp.servers.length; k++) {
      if (k === from || !cp.units[u].eligible[k]) continue;
      const delta = state.addCost(u, k) - gain;
      if (delta < bestDelta && state.canPlace(u, k)) {
        best = k;
        bestDelta = delta;
      }
    }
    state.place(u, best);
    if (best !== from) {
      improved = true;
      hot[best] = 1;
    }
  }
  return improved;
}

function applySwaps(state: PlacementState, deadline: Deadline, random: () => number, hot: Uint8Array): boolean {
  const { cp } = state;
  const U = cp.units.length;
  let improved = false;
  const meter = new WorkMeter(deadline);
  // Traffic and moves tell apart replicas of one image (other services, other current servers).
  const imageDecides = !cp.active.traffic && !cp.active.moves;
  for (const u of randomOrder(U, random)) {
    for (let v = 0; v < U; v++) {
      if (meter.spend(1)) return improved;
      const a = state.unitServer[u],
        b = state.unitServer[v];
      if ((!hot[a] && !hot[b]) || a === b || !cp.units[u].eligible[b] || !cp.units[v].eligible[a]) continue;
      // Replicas of one image cost the same anywhere: swapping them never saves bytes.
      if (imageDecides && sameLayers(cp.units[u].layers, cp.units[v].layers)) continue;
      meter.add(SWAP_COST);
      const before = state.cost;
      state.remove(u);
      state.remove(v);
      // Cheap rejection before the capacity checks: the swap must pay off. The pair's change is
      // exact (start-up and traffic make the two additions interact; pairAddCost counts that).
      const gainGuess = state.pairAddCost(u, b, v, a);
      let accepted = false;
      if (state.cost + gainGuess - before < -cp.costTolerance && state.canPlace(u, b)) {
        state.place(u, b);
        if (state.canPlace(v, a)) {
          state.place(v, a);
          accepted = state.cost - before < -cp.costTolerance;
          if (!accepted) {
            state.remove(v);
          }
        }
        if (!accepted) state.remove(u);
      }
      if (!accepted) {
        state.place(u, a);
        state.place(v, b);
      } else {
        improved = true;
        hot[b] = 1;
      }
    }
  }
  return improved;
}

function applyEjections(state: PlacementState, deadline: Deadline, random: () => number, hot: Uint8Array): boolean {
  const { cp } = state;
  const S = cp.servers.length;
  const U = cp.units.length;
  let improved = false;
  const meter = new WorkMeter(deadline);
  for (const u of randomOrder(U, random)) {
    const a = state.unitServer[u];
    for (let b = 0; b < S; b++) {
      if (b === a || !cp.units[u].eligible[b] || (!hot[a] && !hot[b])) continue;
      if (meter.spend(1)) return improved;
      const before = state.cost;
      const gain = state.removeGain(u);
      // Only worth ejecting someone if u itself would be cheaper on b.
      const uAdd = state.addCost(u, b);
      if (uAdd - gain >= -cp.costTolerance) continue;
      state.remove(u);
      if (state.canPlace(u, b)) {
        state.place(u, a);
        continue;
      } // plain move handles this
      meter.add(U); // the scan for an occupant to eject
      let done = false;
      for (let w = 0; w < U && !done; w++) {
        if (state.unitServer[w] !== b) continue;
        state.remove(w);
        if (state.canPlace(u, b)) {
          state.place(u, b);
          let bestK = -1,
            bestCost = before - cp.costTolerance;
          for (let k = 0; k < S; k++) {
            if (k === b || !cp.units[w].eligible[k]) continue;
            const total = state.cost + state.addCost(w, k);
            if (total < bestCost && state.canPlace(w, k)) {
              bestK = k;
              bestCost = total;
            }
          }
          if (bestK >= 0) {
            state.place(w, bestK);
            hot[b] = 1;
            hot[bestK] = 1;
            done = true;
          } else state.remove(u);
        }
        if (!done) state.place(w, b);
      }
      if (done) {
        improved = true;
        break;
      }
      state.place(u, a);
    }
  }
  return improved;
}

function applyGroupMoves(state: PlacementState, deadline: Deadline, hot: Uint8Array): boolean {
  const { cp } = state;
  const S = cp.servers.length;
  const U = cp.units.length;
  const members: number[][] = Array.from({ length: S }, () => []);
  for (let u = 0; u < U; u++) members[state.unitServer[u]].push(u);
  let improved = false;
  for (let a = 0; a < S; a++) {
    if (members[a].length < 2) continue;
    // Candidate groups: per layer on a, the units that use it; plus all of a.
    const groups = new Map<string, number[]>();
    groups.set('all', members[a]);
    for (const u of members[a]) {
      for (const l of cp.units[u].layers) {
        const key = String(l);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(u);
      }
    }
    for (const group of groups.values()) {
      if (group.length < 2 || (group.length === members[a].length && group !== members[a])) continue;
      if (deadline.work(group.length * S)) return improved;
      if (group.some((u) => state.unitServer[u] !== a)) continue; // moved earlier this pass
      const before = state.cost;
      for (const u of group) state.remove(u);
      let moved = -1;
      for (let b = 0; b < S && moved < 0; b++) {
        if (b === a || (!hot[a] && !hot[b])) continue;
        let placed = 0;
        for (const u of group) {
          if (!state.canPlace(u, b)) break;
          state.place(u, b);
          placed++;
        }
        if (placed === group.length && state.cost < before - cp.costTolerance) moved = b;
        else for (let k = placed - 1; k >= 0; k--) state.remove(group[k]);
      }
      if (moved < 0) for (const u of group) state.place(u, a);
      else {
        improved = true;
        hot[moved] = 1;
      }
    }
  }
  return improved;
}

function sameLayers(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
