import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import type { PlacementState } from '../placement-state';
import { constructFromCurrent, constructGreedy, largestFirstOrder } from './construct-greedy';
import { improveLocally } from './improve-locally';
import { weightedFloor } from './weighted-floor';
import { searchOptimal } from './search-optimal';

export type GreedySearchOptions = {
  /** kicks in a row without gain after which a walk restarts from a fresh construction */
  patience?: number;
  /** a proved lower bound (bytes): reaching it proves the placement optimal, so the search stops */
  lowerBound?: number | null;
};

export type GreedySearchResult = {
  state: PlacementState | null;
  /** true when `state` is proved optimal (exact finish, or its cost meets the lower bound) */
  proved: boolean;
};

/** Problems at most this big (units × servers) get an exact branch-and-bound finish. */
const EXACT_FINISH_SIZE = 200;
const EXACT_FINISH_NODES = 200_000;
/** share of the remaining work the exact finish may spend before local search takes over */
const EXACT_FINISH_SHARE = 0.4;

/**
 * Layer-affinity construction plus local search, then (small problems) an exact branch and
 * bound seeded with that cost, then iterated local search while the work budget lasts: kick the
 * current placement (ruin and recreate a related group, relocate a few units, or empty one
 * server) and descend again; when a walk stalls, start over from a construction in a shuffled
 * order. It stops only when the work budget is spent or the placement is proved optimal (the
 * exact finish completed, or the cost met `lowerBound`). Returns the cheapest placement seen,
 * or null if construction failed for every order tried.
 */
export function runGreedySearch(
  cp: CompiledProblem,
  deadline: Deadline,
  random: () => number,
  onImproved?: (state: PlacementState) => void,
  options: GreedySearchOptions = {},
): GreedySearchResult {
  const base = largestFirstOrder(cp);
  let best: PlacementState | null = null;
  for (let attempt = 0; attempt < 5 && !best && (attempt === 0 || !deadline.expired()); attempt++) {
    best = constructGreedy(cp, attempt === 0 ? base : perturbOrder(base, random));
  }
  if (best) improveLocally(best, deadline, random);
  // Re-planning: the current placement, kept where it still fits, is the other start.
  const kept = cp.network?.hasCurrent && !deadline.expired() ? constructFromCurrent(cp) : null;
  if (kept) {
    improveLocally(kept, deadline, random);
    if (!best || kept.cost < best.cost - cp.costTolerance) best = kept;
  }
  if (!best) return { state: null, proved: false };
  onImproved?.(best);
  return continueSearch(best, deadline, random, onImproved, options);
}

/**
 * From a locally optimal `start`: an exact finish on small problems, then iterated local search
 * with restarts from shuffled constructions until the work budget is spent or the placement is
 * proved optimal. Shared by greedy (after its construction) and relax (after its roundings).
 */
export function continueSearch(
  start: PlacementState,
  deadline: Deadline,
  random: () => number,
  onImproved?: (state: PlacementState) => void,
  options: GreedySearchOptions = {},
): GreedySearchResult {
  const { cp } = start;
  const patience = options.patience ?? 400;
  const floor = Math.max(options.lowerBound ?? 0, weightedFloor(cp));
  const base = largestFirstOrder(cp);
  let best = start;
  const tolerance = cp.costTolerance;
  const provedAt = (state: PlacementState) => state.cost <= floor + tolerance;
  if (provedAt(best)) return { state: best, proved: true };

  if (cp.units.length * cp.servers.length <= EXACT_FINISH_SIZE && !deadline.expired()) {
    const share = Number.isFinite(deadline.workLimit) ? deadline.subWork(deadline.workLimit * deadline.workLeft() * EXACT_FINISH_SHARE) : deadline;
    const exact = searchOptimal(cp, share, EXACT_FINISH_NODES, best.cost);
    if (exact.state && exact.state.cost < best.cost - tolerance) {
      best = exact.state;
      onImproved?.(best);
    }
    if (exact.kind === 'proved') return { state: best, proved: true };
  }

  best = iterateLocalSearch(best, deadline, random, onImproved, patience, floor);
  // A restart that brings nothing is no reason to stop while work is left: another shuffled
  // construction may land in a better valley. Only an unlimited budget (no work limit, only the
  // clock) falls back to stopping after a few fruitless restarts.
  const limited = Number.isFinite(deadline.workLimit);
  for (let stale = 0; (limited || stale < STALE_RESTARTS) && !provedAt(best) && !deadline.expired(); stale++) {
    const fresh = constructGreedy(cp, perturbOrder(base, random));
    if (deadline.work(cp.units.length * cp.servers.length) || !fresh) continue;
    improveLocally(fresh, deadline, random);
    const found = iterateLocalSearch(fresh, deadline, random, undefined, patience, floor);
    if (found.complete() && found.cost < best.cost - tolerance) {
      best = found;
      stale = -1;
      onImproved?.(best);
    }
  }
  return { state: best, proved: provedAt(best) };
}

const STALE_RESTARTS = 3;

/**
 * How much worse than the walk's current placement a kicked one may be and still become
 * current, at the start of a walk; the allowance shrinks to nothing as the walk's work budget
 * runs out (record-to-record travel with cooling). Without it the walk stays in the first deep
 * valley it finds: on tight capacities (the paper's Fig. 5 at ×1) greedy stopped up to 6.4 %
 * above the optimum; with it, runs with 10 different seeds all reach the optimum there.
 */
const ACCEPT_WORSE = 0.05;

/**
 * Kick-and-descend from `start` until `patience` kicks in a row bring nothing, the work budget
 * is spent, or the cost reaches `floor` (a proved lower bound).
 */
function iterateLocalSearch(
  start: PlacementState,
  deadline: Deadline,
  random: () => number,
  onImproved?: (state: PlacementState) => void,
  patience = 1500,
  floor = 0,
): PlacementState {
  let best = start;
  let current = start;
  let sinceGain = 0;
  const S = start.cp.servers.length;
  const walkLeft = Math.max(1e-9, deadline.workLeft());
  const tolerance = start.cp.costTolerance;
  while (sinceGain < patience && best.cost > floor + tolerance && !deadline.work(S + start.cp.units.length)) {
    sinceGain++;
    const trial = current.clone();
    const touched = new Uint8Array(S);
    if (!kick(trial, random, touched)) continue;
    improveLocally(trial, deadline, random, touched);
    if (!trial.complete()) continue;
    const allowance = ACCEPT_WORSE * Math.min(1, deadline.workLeft() / walkLeft);
    if (trial.cost <= current.cost * (1 + allowance)) current = trial;
    if (trial.cost < best.cost - tolerance) {
      best = trial;
      sinceGain = 0;
      onImproved?.(best);
    }
  }
  return best;
}

/**
 * Ruin and recreate: take out a unit and the units that share the most bytes with it, then
 * put them back one at a time, always the one with the most to lose if it had to settle for
 * its second-best server (regret), each where it adds the fewest bytes. Fails when some unit
 * then fits nowhere; the state is left half-placed, so the caller throws it away.
 */
function ruinAndRecreate(state: PlacementState, random: () => number, touched: Uint8Array): boolean {
  const { cp } = state;
  const U = cp.units.length;
  const S = cp.servers.length;
  const seed = Math.floor(random() * U);
  const seedLayers = new Set(cp.units[seed].layers);
  const related: { u: number; score: number }[] = [];
  for (let v = 0; v < U; v++) {
    let shared = 0;
    for (const l of cp.units[v].layers) if (seedLayers.has(l)) shared += cp.layerSize[l];
    // Noise so that repeated ruins around one unit take different neighbours.
    related.push({ u: v, score: v === seed ? Infinity : shared * (0.5 + random()) });
  }
  related.sort((a, b) => b.score - a.score);
  const out = related.slice(0, 3 + Math.floor(random() * 8)).map((r) => r.u);
  for (const u of out) {
    touched[state.unitServer[u]] = 1;
    state.remove(u);
  }
  const pending = new Set(out);
  while (pending.size) {
    let pick = -1,
      pickTo = -1,
      pickRegret = -Infinity;
    for (const u of pending) {
      let first = Infinity,
        second = Infinity,
        to = -1;
      for (let j = 0; j < S; j++) {
        if (!state.canPlace(u, j)) continue;
        const c = state.addCost(u, j) * (1 + 0.05 * random());
        if (c < first) {
          second = first;
          first = c;
          to = j;
        } else if (c < second) second = c;
      }
      if (to < 0) return false;
      const regret = second === Infinity ? Infinity : second - first;
      if (regret > pickRegret) {
        pickRegret = regret;
        pick = u;
        pickTo = to;
      }
    }
    state.place(pick, pickTo);
    touched[pickTo] = 1;
    pending.delete(pick);
  }
  return true;
}

/**
 * Perturbs `state`, marking in `touched` every server that lost or gained a unit. On false the
 * state may be incomplete and must be discarded (the walk kicks a clone).
 */
function kick(state: PlacementState, random: () => number, touched: Uint8Array): boolean {
  const { cp } = state;
  const S = cp.servers.length;
  const U = cp.units.length;
  if (U === 0 || S < 2) return false;
  if (random() < 0.5) return ruinAndRecreate(state, random, touched);
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
          if (users > 0 && users < fewest) {
            fewest = users;
            a = j;
          }
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
      let target = -1,
        bestCost = Infinity;
      for (let j = 0; j < S; j++) {
        if (j === a || !state.canPlace(u, j)) continue;
        const c = state.addCost(u, j);
        if (c < bestCost) {
          bestCost = c;
          target = j;
        }
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
