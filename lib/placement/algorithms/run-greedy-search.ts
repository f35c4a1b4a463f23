import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import type { PlacementState } from '../placement-state';
import { shuffleInPlace } from '../prng';
import { constructGreedy, largestFirstOrder } from './construct-greedy';
import { improveLocally } from './improve-locally';

/**
 * Construction plus local search, restarted from perturbed orders while the budget lasts;
 * returns the cheapest placement seen (or null if no construction succeeded).
 */
export function runGreedySearch(
  cp: CompiledProblem,
  deadline: Deadline,
  random: () => number,
  onImproved?: (state: PlacementState) => void,
  patience = 40,
): PlacementState | null {
  let best: PlacementState | null = null;
  let sinceGain = 0;
  const base = largestFirstOrder(cp);
  const consider = (state: PlacementState | null) => {
    sinceGain++;
    if (!state) return;
    improveLocally(state, deadline, random);
    if (!best || state.cost < best.cost) {
      if (!best || state.cost < best.cost - 0.5) sinceGain = 0;
      best = state;
      onImproved?.(state);
    }
  };
  consider(constructGreedy(cp, base));
  // Restarts stop once `patience` perturbed orders in a row brought nothing new.
  for (let restart = 0; sinceGain < patience && !deadline.expired(); restart++) {
    consider(constructGreedy(cp, perturbOrder(base, random, restart)));
  }
  return best;
}

function perturbOrder(base: number[], random: () => number, restart: number): number[] {
  if (restart % 3 === 2) return shuffleInPlace([...base], random);
  // Mostly keep "largest first" but let neighbours trade places.
  const order = [...base];
  for (let i = 0; i + 1 < order.length; i++) {
    if (random() < 0.3) [order[i], order[i + 1]] = [order[i + 1], order[i]];
  }
  return order;
}
