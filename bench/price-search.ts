// The pricing branch and bound on pricing problems dumped from a root (values and discounts per
// call): nodes, time and the bound it proves, exact and with a relative gap (lib/placement/README.md).
// tsx bench/price-search.ts <dump.json> <servers> <containers> <seed> <gaps, comma-separated> [nodeLimit]
import { readFileSync } from 'node:fs';
import { compileProblem } from '../lib/placement/compile-problem';
import { generateProblem } from '../lib/placement/generate-problem';
import { priceByBranchAndBound } from '../lib/placement/algorithms/price-by-branch-and-bound';

type Dump = { j: number; phase1: boolean; values: number[]; discount: number[] | null; start: { units: number[]; profit: number } | null };
const [file, servers, containers, seed, gapList, limitArg] = process.argv.slice(2);
const nodeLimit = Number(limitArg ?? 200_000);
const dumps = JSON.parse(readFileSync(file, 'utf8')) as Dump[];
const cp = compileProblem(generateProblem({ servers: Number(servers), containers: Number(containers), seed: Number(seed) }));
const groupsOf: number[][] = cp.units.map(() => []);
cp.conflictGroups.forEach((g, k) => g.units.forEach((u) => groupsOf[u].push(k)));
console.log(`${dumps.length} pricing problems, node limit ${nodeLimit}`);
// The exact optimum of each (where the exact search finished), to see what the gap costs.
const exactProfit: (number | null)[] = [];
for (const spec of gapList.split(',')) {
  const relGap = Number(spec);
  let nodes = 0,
    unfinished = 0,
    slack = 0,
    loss = 0,
    total = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  dumps.forEach((d, q) => {
    const discount = d.discount ? Float64Array.from(d.discount) : null;
    const r = priceByBranchAndBound(cp, d.j, (u) => d.values[u], d.phase1, groupsOf, nodeLimit, { start: d.start, discount, relGap });
    if (relGap === 0) exactProfit[q] = r ? r.profit : null;
    total += r?.profit ?? 0;
    if (!r) unfinished++;
    else {
      slack += r.upper - r.profit;
      const exact = exactProfit[q];
      if (exact !== null && exact !== undefined) loss += r.upper - exact;
    }
    nodes += r?.nodes ?? nodeLimit;
  });
  console.log(
    `gap ${relGap}: ${nodes} nodes, ${unfinished} out of nodes, ${((performance.now() - t0) / 1000).toFixed(2)} s (cpu ${(process.cpuUsage(cpu0).user / 1e6).toFixed(2)} s); Σ profit ${total.toFixed(6)} MB, Σ (upper − profit) ${slack.toFixed(3)} MB, Σ (upper − exact optimum) ${loss.toFixed(3)} MB`,
  );
}
