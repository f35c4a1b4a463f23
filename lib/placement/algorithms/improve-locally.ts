import type { Deadline } from '../deadline';
import type { PlacementState } from '../placement-state';

// Costs are sums of integer byte counts, so anything below half a byte is rounding noise.
const IMPROVES = -0.5;

/**
 * Local search to a local optimum of three neighbourhoods, cheapest first: move one unit,
 * swap two units, and an ejection chain (move a unit to a full server by relocating one of its
 * occupants). Mutates `state`; returns whether anything improved.
 */
export function improveLocally(state: PlacementState, deadline: Deadline, random: () => number): boolean {
  let improvedAny = false;
  for (;;) {
    if (deadline.expired()) return improvedAny;
    if (applyMoves(state, deadline, random)) { improvedAny = true; continue; }
    if (applySwaps(state, deadline, random)) { improvedAny = true; continue; }
    if (applyEjections(state, deadline, random)) { improvedAny = true; continue; }
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

function applyMoves(state: PlacementState, deadline: Deadline, random: () => number): boolean {
  const { cp } = state;
  let improved = false;
  for (const u of randomOrder(cp.units.length, random)) {
    if (deadline.expired()) break;
    const from = state.unitServer[u];
    const gain = state.removeGain(u);
    if (gain === 0) continue;
    state.remove(u);
    let best = from, bestDelta = IMPROVES;
    for (let k = 0; k < cp.servers.length; k++) {
      if (k === from || !cp.units[u].eligible[k]) continue;
      const delta = state.addCost(u, k) - gain;
      if (delta < bestDelta && state.canPlace(u, k)) {
        best = k;
        bestDelta = delta;
      }
    }
    state.place(u, best);
    if (best !== from) improved = true;
  }
  return improved;
}

function applySwaps(state: PlacementState, deadline: Deadline, random: () => number): boolean {
  const { cp } = state;
  const U = cp.units.length;
  let improved = false;
  let checks = 0;
  for (const u of randomOrder(U, random)) {
    for (let v = 0; v < U; v++) {
      if ((++checks & 255) === 0 && deadline.expired()) return improved;
      const a = state.unitServer[u], b = state.unitServer[v];
      if (a === b || !cp.units[u].eligible[b] || !cp.units[v].eligible[a]) continue;
      const before = state.cost;
      state.remove(u);
      state.remove(v);
      // Cheap rejection before the capacity checks: the swap must pay off in bytes.
      const gainGuess = state.addCost(u, b) + state.addCost(v, a);
      let accepted = false;
      if (state.cost + gainGuess - before < IMPROVES && state.canPlace(u, b)) {
        state.place(u, b);
        if (state.canPlace(v, a)) {
          state.place(v, a);
          accepted = state.cost - before < IMPROVES;
          if (!accepted) { state.remove(v); }
        }
        if (!accepted) state.remove(u);
      }
      if (!accepted) {
        state.place(u, a);
        state.place(v, b);
      } else improved = true;
    }
  }
  return improved;
}

function applyEjections(state: PlacementState, deadline: Deadline, random: () => number): boolean {
  const { cp } = state;
  const S = cp.servers.length;
  const U = cp.units.length;
  let improved = false;
  let checks = 0;
  for (const u of randomOrder(U, random)) {
    const a = state.unitServer[u];
    for (let b = 0; b < S; b++) {
      if (b === a || !cp.units[u].eligible[b]) continue;
      if ((++checks & 63) === 0 && deadline.expired()) return improved;
      const before = state.cost;
      const gain = state.removeGain(u);
      // Only worth ejecting someone if u itself would be cheaper on b.
      const uAdd = state.addCost(u, b);
      if (uAdd - gain >= IMPROVES) continue;
      state.remove(u);
      if (state.canPlace(u, b)) { state.place(u, a); continue; } // plain move handles this
      let done = false;
      for (let w = 0; w < U && !done; w++) {
        if (state.unitServer[w] !== b) continue;
        state.remove(w);
        if (state.canPlace(u, b)) {
          state.place(u, b);
          let bestK = -1, bestCost = before + IMPROVES;
          for (let k = 0; k < S; k++) {
            if (k === b || !cp.units[w].eligible[k]) continue;
            const total = state.cost + state.addCost(w, k);
            if (total < bestCost && state.canPlace(w, k)) { bestK = k; bestCost = total; }
          }
          if (bestK >= 0) {
            state.place(w, bestK);
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
