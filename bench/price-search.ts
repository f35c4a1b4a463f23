// The pricing branch and bound on pricing problems dumped from a root (values and discounts per
// call), with the closure bound to various depths: nodes and time (lib/placement/README.md).
// tsx bench/price-search.ts <dump.json> <servers> <containers> <seed> <depths, comma-separated>
import { readFileSync } from 'node:fs';
import { compileProblem } from '../lib/placement/compile-problem';
import { generateProblem } from '../lib/placement/generate-problem';
import { priceByBranchAndBound } from '../lib/placement/algorithms/bound-by-columns';
import { boundPricingByClosure } from '../lib/placement/algorithms/bound-pricing-by-closure';

type Dump = { j: number; phase1: boolean; values: number[]; discount: number[] | null; start: { units: number[]; profit: number } | null };
const [file, servers, containers, seed, depthList] = process.argv.slice(2);
const dumps = JSON.parse(readFileSync(file, 'utf8')) as Dump[];
const cp = compileProblem(generateProblem({ servers: Number(servers), containers: Number(containers), seed: Number(seed) }));
const groupsOf: number[][] = cp.units.map(() => []);
cp.conflictGroups.forEach((g, k) => g.units.forEach((u) => groupsOf[u].push(k)));
console.log(`${dumps.length} pricing problems, ${cp.conflictGroups.length} conflict groups`);
// A depth with a trailing 's' also starts each search from the closure's column when it is better.
for (const spec of depthList.split(',')) {
  const depth = Number(spec.replace('s', ''));
  const closureStart = spec.endsWith('s');
  let nodes = 0,
    unfinished = 0,
    agree = 0;
  const t0 = performance.now();
  for (const d of dumps) {
    const discount = d.discount ? Float64Array.from(d.discount) : null;
    let start = d.start;
    if (closureStart) {
      const c = boundPricingByClosure(cp, d.j, (u) => d.values[u], d.phase1, groupsOf, discount);
      if (!start || c.profit > start.profit) start = { units: c.column, profit: c.profit };
    }
    const r = priceByBranchAndBound(cp, d.j, (u) => d.values[u], d.phase1, groupsOf, 200_000, start, discount, depth);
    if (!r) unfinished++;
    else agree++;
    nodes += r?.nodes ?? 200_000;
  }
  console.log(`closure depth ${spec}: ${nodes} nodes, ${unfinished} out of nodes, ${agree} solved, ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
const t1 = performance.now();
let gap = 0;
for (const d of dumps) {
  const discount = d.discount ? Float64Array.from(d.discount) : null;
  const c = boundPricingByClosure(cp, d.j, (u) => d.values[u], d.phase1, groupsOf, discount);
  gap += c.bound - c.profit;
}
console.log(`closure bounds: ${((performance.now() - t1) / 1000).toFixed(3)} s for ${dumps.length}, mean bound − column ${(gap / dumps.length).toFixed(3)} MB`);
