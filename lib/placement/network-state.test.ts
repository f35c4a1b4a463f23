import { describe, expect, it } from 'vitest';
import { compileProblem, toAssignment } from './compile-problem';
import { evaluate } from './evaluate';
import { TERM_MIXES, randomNetworkProblem } from './network-problems.fixture';
import { PlacementState } from './placement-state';
import { createPrng } from './prng';
import { parsePlacementProblem, formatProblemErrors } from './problem-schema';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('PlacementState keeps the weighted network terms incrementally', () => {
  it('its cost, deltas and rules agree with evaluate on random walks over random version-2 problems', () => {
    let complete = 0;
    let swaps = 0;
    for (let seed = 1; seed <= 160; seed++) {
      const mix = TERM_MIXES[seed % TERM_MIXES.length];
      const problem = randomNetworkProblem(seed, mix);
      const parsed = parsePlacementProblem(problem);
      expect(parsed.ok ? '' : formatProblemErrors(parsed.errors), `seed ${seed}`).toBe('');
      const cp = compileProblem(problem);
      const random = createPrng(seed);
      const state = new PlacementState(cp);
      const pick = (u: number) => {
        const open = cp.servers.map((_, j) => j).filter((j) => state.canPlace(u, j));
        return open.length === 0 ? -1 : open[Math.floor(random() * open.length)];
      };
      let stuck = false;
      for (let u = 0; u < cp.units.length && !stuck; u++) {
        const j = pick(u);
        if (j < 0) stuck = true;
        else {
          const before = state.cost;
          const add = state.addCost(u, j);
          state.place(u, j);
          expect(close(state.cost - before, add), `seed ${seed} add`).toBe(true);
        }
      }
      if (stuck) continue;
      complete++;
      for (let step = 0; step < 30; step++) {
        const judged = evaluate(problem, toAssignment(cp, state.unitServer));
        expect(judged.violations, `seed ${seed} step ${step}`).toEqual([]);
        expect(close(state.cost, judged.cost), `seed ${seed} step ${step}: ${state.cost} vs ${judged.cost}`).toBe(true);
        const u = Math.floor(random() * cp.units.length);
        const before = state.cost;
        const gain = state.removeGain(u);
        const from = state.remove(u);
        expect(close(before - state.cost, gain), `seed ${seed} remove`).toBe(true);
        const to = pick(u);
        const add = state.addCost(u, to);
        const mid = state.cost;
        state.place(u, to);
        expect(close(state.cost - mid, add), `seed ${seed} place`).toBe(true);
        // A swap's change, computed without doing it, against doing it.
        const v = Math.floor(random() * cp.units.length);
        const [a, b] = [state.unitServer[u], state.unitServer[v]];
        if (a !== b) {
          const start = state.cost;
          state.remove(u);
          state.remove(v);
          const guess = state.pairAddCost(u, b, v, a);
          const removed = state.cost;
          if (state.canPlace(u, b)) {
            state.place(u, b);
            if (state.canPlace(v, a)) {
              state.place(v, a);
              swaps++;
              expect(close(state.cost - removed, guess), `seed ${seed} swap`).toBe(true);
              state.remove(v);
            }
            state.remove(u);
          }
          state.place(u, a);
          state.place(v, b);
          expect(close(state.cost, start)).toBe(true);
        }
        if (step % 5 === 0) {
          const copy = state.clone();
          expect(copy.cost).toBe(state.cost);
          expect(from).toBeGreaterThanOrEqual(0);
        }
      }
    }
    expect(complete).toBeGreaterThan(60);
    expect(swaps).toBeGreaterThan(500);
  });

  it('a storage-only problem keeps no network state', () => {
    const problem = randomNetworkProblem(3, 'mixed');
    const plain = compileProblem({ ...problem, network: undefined, dependencies: undefined, current: undefined, weights: undefined });
    expect(new PlacementState(plain).net).toBeNull();
  });
});
