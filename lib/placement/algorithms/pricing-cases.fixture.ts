// Pricing problems for the pricers' tests, and their optima by enumeration.
import { fitsWithin } from '../capacity-tolerance';
import { compileProblem, layerCost, layerStorage, type CompiledProblem } from '../compile-problem';
import { generateProblem } from '../generate-problem';
import { randomConstrainedProblem } from '../small-problems.fixture';

/** The most profitable column of server j by enumerating every subset of its eligible units. */
export function enumeratePricing(cp: CompiledProblem, j: number, values: number[], discount: Float64Array, groupsOf: number[][], capacities = true) {
  const eligible = cp.units.map((_, u) => u).filter((u) => cp.units[u].eligible[j]);
  const server = cp.servers[j];
  let best = 0;
  for (let mask = 1; mask < 1 << eligible.length; mask++) {
    const set = eligible.filter((_, k) => mask & (1 << k));
    const layers = new Set(set.flatMap((u) => [...cp.units[u].layers]));
    const sum = (r: 'cpu' | 'memory' | 'bandwidth') => set.reduce((s, u) => s + cp.units[u][r], 0);
    let disk = server.cachedBytes,
      cost = 0;
    for (const l of layers) {
      disk += layerStorage(cp, l, j);
      cost += Math.max(0, layerCost(cp, l, j) / 1e6 - discount[l]);
    }
    if (capacities) {
      if (!fitsWithin(sum('cpu'), server.cpu) || !fitsWithin(sum('memory'), server.memory) || !fitsWithin(sum('bandwidth'), server.bandwidth)) continue;
      if (disk > server.storage) continue;
      const groups = set.flatMap((u) => groupsOf[u]);
      if (new Set(groups).size < groups.length) continue;
    }
    best = Math.max(best, set.reduce((s, u) => s + values[u], 0) - cost);
  }
  return best;
}

export const pricingCases = () => {
  const cases: { cp: CompiledProblem; seed: number }[] = [];
  for (let seed = 1; seed <= 12; seed++) cases.push({ cp: compileProblem(generateProblem({ servers: 3, containers: 12, seed, capacityScale: [0.5, 0.8, 1][seed % 3] })), seed });
  for (let seed = 40_000; seed < 40_030; seed++) {
    const cp = compileProblem(randomConstrainedProblem(seed));
    if (!cp.infeasibleReason) cases.push({ cp, seed });
  }
  return cases;
};
