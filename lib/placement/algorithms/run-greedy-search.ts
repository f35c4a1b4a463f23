import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import type { PlacementState } from '../placement-state';
import { constructGreedy, largestFirstOrder } from './construct-greedy';
import { improveLocally } from './improve-locally';

/**
 * Layer-affinity construction plus local search, then iterated local search while the budget
 * lasts: kick the best placement (relocate a few units, or empty one server) and descend again.
 * Kicks beat restarts from scratch here: the costly decisions are which servers a layer stack
 * lives on, and a kick revisits exactly those. Returns the cheapest placement seen, or null if
 * construction failed for every order tried.
 */
export function runGreedySearch(
  cp: CompiledProblem,
  deadline: Deadline,
  random: () => number,
  onImproved?: (state: PlacementState) => void,
  patience = 1500,
): PlacementState | null {
  const base = largestFirstOrder(cp);
  let best: PlacementState | null = null;
  for (let attempt = 0; attempt < 5 && !best && (attempt === 0 || !deadline.expired()); attempt++) {
    best = constructGreedy(cp, attempt === 0 ? base : perturbOrder(base, random));
  }
  if (!best) return null;
  improveLocally(best, deadline, random);
  onImproved?.(best);
  return iterateLocalSearch(best, deadline, random, onImproved, patience);
}

/** Kick-and-descend from `start` until `patience` kicks in a row bring nothing or time is up. */
export function iterateLocalSearch(
  start: PlacementState,
  deadline: Deadline,
  random: () => number,
  onImproved?: (state: PlacementState) => void,
  patience = 1500,
): PlacementState {
  let best = start;
  let current = start;
  let sinceGain = 0;
  while (sinceGain < patience && !deadline.expired()) {
    sinceGain++;
    const trial = current.clone();
    const touched = new Uint8Array(trial.cp.servers.length);
    if (!kick(trial, random, touched)) continue;
    improveLocally(trial, deadline, random, touched);
    if (!trial.complete()) continue;
    // Threshold acceptance: a slightly worse placement may become the walk's current one, so
    // the search can cross plateaus between local optima; the best stays separate.
    if (trial.cost <= current.cost * (1 + ACCEPT_WORSE)) current = trial;
    if (trial.cost < best.cost - 0.5) {
      best = trial;
      sinceGain = 0;
      onImproved?.(best);
    }
  }
  return best;
}

const ACCEPT_WORSE = 0;

/** Perturbs `state`, marking in `touched` every server that lost or gained a unit. */
function kick(state: PlacementState, random: () => number, touched: Uint8Array): boolean {
  const { cp } = state;
  const S = cp.servers.length;
  const U = cp.units.length;
  if (U === 0 || S < 2) return false;
  const roll = random();
  if (roll < 0.6) {
    // Empty one server, or drop one copy of a layer (the copy with the fewest users): the
    // units that leave go, one by one, to the cheapest other server with room.
    let a = Math.floor(random() * S);
    let layer = -1;
    if (roll >= 0.3) {
      const l = cp.units[Math.floor(random() * U)].layers;
      if (l.length > 0) {
        layer = l[Math.floor(random() * l.length)];
        let fewest = Infinity;
        for (let j = 0; j < S; j++) {
          const users = state.refs[j][layer];
          if (users > 0 && users < fewest) { fewest = users; a = j; }
        }
      }
    }
    const leaving: number[] = [];
    for (let u = 0; u < U; u++) {
      if (state.unitServer[u] === a && (layer < 0 || cp.units[u].layers.includes(layer))) leaving.push(u);
    }
    if (leaving.length === 0) return false;
    for (const u of leaving) state.remove(u);
    touched[a] = 1;
    for (const u of leaving) {
      let target = -1, bestCost = Infinity;
      for (let j = 0; j < S; j++) {
        if (j === a || !state.canPlace(u, j)) continue;
        const c = state.addCost(u, j);
        if (c < bestCost) { bestCost = c; target = j; }
      }
      state.place(u, target < 0 ? a : target);
      if (target >= 0) touched[target] = 1;
    }
    return true;
  }
  const moves = 2 + Math.floor(random() * 3);
  let moved = false;
  for (let k = 0; k < moves; k++) {
    const u = Math.floor(random() * U);
    const from = state.remove(u);
    const options: number[] = [];
    for (let j = 0; j < S; j++) if (j !== from && state.canPlace(u, j)) options.push(j);
    if (options.length === 0) {
      state.place(u, from);
      continue;
    }
    const to = options[Math.floor(random() * options.length)];
    state.place(u, to);
    touched[from] = 1;
    touched[to] = 1;
    moved = true;
  }
  return moved;
}

function perturbOrder(base: number[], random: () => number): number[] {
  const order = [...base];
  for (let i = 0; i + 1 < order.length; i++) {
    if (random() < 0.3) [order[i], order[i + 1]] = [order[i + 1], order[i]];
  }
  return order;
}
