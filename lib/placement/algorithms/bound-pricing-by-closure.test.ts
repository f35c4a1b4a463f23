import { describe, expect, it } from 'vitest';
import { fitsWithin } from '../capacity-tolerance';
import { layerCost, layerStorage } from '../compile-problem';
import { createPrng } from '../prng';
import { boundPricingByClosure, solveClosure } from './bound-pricing-by-closure';
import { priceByBranchAndBound } from './price-by-branch-and-bound';
import { enumeratePricing, pricingCases } from './pricing-cases.fixture';

describe('boundPricingByClosure', () => {
  it('the closure alone (no capacities, no conflicts) is the enumerated optimum of that relaxation', () => {
    for (const { cp, seed } of pricingCases()) {
      const random = createPrng(seed + 11);
      const values = cp.units.map(() => random() * 150);
      for (let j = 0; j < cp.servers.length; j++) {
        const discount = new Float64Array(cp.layerSize.length);
        const units = cp.units.map((_, u) => u).filter((u) => cp.units[u].eligible[j]);
        const cost = Float64Array.from(cp.layerSize, (_, l) => layerCost(cp, l, j) / 1e6);
        const closure = solveClosure(
          units.map((u) => values[u]),
          (i) => cp.units[units[i]].layers,
          cost,
        );
        const brute = enumeratePricing(cp, j, values, discount, [], false);
        expect(closure.profit, `seed ${seed} server ${j}`).toBeCloseTo(brute, 6);
      }
    }
  });

  it('bounds the enumerated pricing optimum from above (capacities and conflicts), and its column fits and earns what it says', () => {
    let tight = 0,
      exact = 0;
    for (const { cp, seed } of pricingCases()) {
      const random = createPrng(seed + 7);
      const values = cp.units.map(() => random() * 150);
      const groupsOf = cp.units.map(() => [] as number[]);
      cp.conflictGroups.forEach((g, k) => g.units.forEach((u) => groupsOf[u].push(k)));
      for (let j = 0; j < cp.servers.length; j++) {
        const discount = Float64Array.from(cp.layerSize, (size, l) => (random() < 0.4 ? (random() * layerCost(cp, l, j)) / 1e6 : 0));
        const optimum = enumeratePricing(cp, j, values, discount, groupsOf);
        const closure = boundPricingByClosure(cp, j, (u) => values[u], false, groupsOf, discount);
        expect(closure.bound, `seed ${seed} server ${j}`).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(closure.profit, `seed ${seed} server ${j}`).toBeLessThanOrEqual(optimum + 1e-6);
        if (closure.exact) {
          exact++;
          expect(closure.bound, `seed ${seed} server ${j}`).toBeCloseTo(optimum, 6);
        }
        if (closure.bound < enumeratePricing(cp, j, values, discount, groupsOf, false) - 1e-6) tight++;
        // The column: eligible, fits, no two units of a group, and its profit as claimed.
        const set = closure.column;
        expect(set.every((u) => cp.units[u].eligible[j])).toBe(true);
        const held = new Set(set.flatMap((u) => [...cp.units[u].layers]));
        let disk = cp.servers[j].cachedBytes,
          profit = set.reduce((s, u) => s + values[u], 0);
        for (const l of held) {
          disk += layerStorage(cp, l, j);
          profit -= Math.max(0, layerCost(cp, l, j) / 1e6 - discount[l]);
        }
        expect(disk).toBeLessThanOrEqual(cp.servers[j].storage);
        for (const r of ['cpu', 'memory', 'bandwidth'] as const)
          expect(
            fitsWithin(
              set.reduce((s, u) => s + cp.units[u][r], 0),
              cp.servers[j][r],
            ),
          ).toBe(true);
        const groups = set.flatMap((u) => groupsOf[u]);
        expect(new Set(groups).size).toBe(groups.length);
        expect(closure.profit).toBeCloseTo(profit, 6);
      }
    }
    // The multipliers do tighten the relaxation somewhere, and the exact flag is used.
    expect(tight).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(0);
  });

  it('leaves the branch-and-bound pricer exact when it prunes by the closure at every node and by replica dominance', () => {
    for (const { cp, seed } of pricingCases()) {
      const random = createPrng(seed + 3);
      const values = cp.units.map(() => random() * 150);
      const groupsOf = cp.units.map(() => [] as number[]);
      cp.conflictGroups.forEach((g, k) => g.units.forEach((u) => groupsOf[u].push(k)));
      for (let j = 0; j < cp.servers.length; j++) {
        const discount = new Float64Array(cp.layerSize.length);
        const optimum = enumeratePricing(cp, j, values, discount, groupsOf);
        const priced = priceByBranchAndBound(cp, j, (u) => values[u], false, groupsOf, 1e7, { discount, closureDepth: Infinity })!;
        expect(priced.profit, `seed ${seed} server ${j}`).toBeCloseTo(optimum, 6);
      }
    }
  });
});
