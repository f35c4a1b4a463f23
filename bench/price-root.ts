// The branch-and-price root on one instance, for the pricing ablation (lib/placement/README.md):
// [CLOSURE=off|<depth>] [DUMP=<file>] tsx bench/price-root.ts <servers> <containers> <seed> <rootSec> [capacityScale]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { compileProblem, toAssignment } from '../lib/placement/compile-problem';
import { Deadline, WORK_PER_SECOND } from '../lib/placement/deadline';
import { createPrng } from '../lib/placement/prng';
import { improveByServerGroups } from '../lib/placement/algorithms/improve-by-server-groups';
import { runGreedySearch } from '../lib/placement/algorithms/run-greedy-search';
import { loadHighsEngine } from '../lib/placement/engines/highs-engine';
import { generateProblem } from '../lib/placement/generate-problem';
import { stateFromUnitServers } from '../lib/placement/placement-state';
import { solvePlacement } from '../lib/placement/solve-placement';
import { boundByColumns } from '../lib/placement/algorithms/bound-by-columns';

const [servers, containers, seed, rootSec, scale] = process.argv.slice(2).map(Number);
const problem = generateProblem({ servers, containers, seed, ...(scale ? { capacityScale: scale } : {}) });
const cp = compileProblem(problem);
// START=exact: exact's own warm start (greedy search, then the server-group search), not greedy's
// answer; START=search: that greedy search alone
const fromExact = process.env.START === 'exact' || process.env.START === 'search';
const cache = `/tmp/incumbent-${servers}-${containers}-${seed}-${scale || 1}${fromExact ? `-${process.env.START}` : ''}.json`;
let assignment: Record<string, string>;
if (existsSync(cache)) assignment = JSON.parse(readFileSync(cache, 'utf8')) as Record<string, string>;
else if (fromExact) {
  const run = new Deadline(600);
  cp.work = run.meter;
  const budget = () => run.subWork(WORK_PER_SECOND * Math.min(1, 60 * 0.1));
  const random = createPrng(1);
  const warm = runGreedySearch(cp, budget(), random);
  if (warm.state && !warm.proved && process.env.START === 'exact') improveByServerGroups(warm.state, budget(), random);
  assignment = toAssignment(cp, warm.state!.unitServer);
  cp.work = { units: 0 };
  writeFileSync(cache, JSON.stringify(assignment));
} else {
  const greedy = await solvePlacement(problem, { algorithm: 'greedy', seed: 1, timeLimitSec: 30 });
  assignment = greedy.assignment!;
  writeFileSync(cache, JSON.stringify(assignment));
}
const serverIndex = new Map(problem.servers.map((s, j) => [s.id, j]));
const unitServer = new Int32Array(cp.units.length);
problem.containers.forEach((c, i) => (unitServer[cp.unitOfContainer[i]] = serverIndex.get(assignment[c.id])!));
const incumbent = stateFromUnitServers(cp, unitServer)!;
console.log(`incumbent ${(incumbent.cost / 1e9).toFixed(4)} GB`);
const engine = await loadHighsEngine();
const dumps: unknown[] = [];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const cpuSec = () => (process.cpuUsage(cpu0).user / 1e6).toFixed(1);
let last = 0;
const outcome = await boundByColumns(cp, engine, new Deadline(rootSec), incumbent, {
  // BRANCH=1: the whole branch and price (integer master, branching) rather than the root alone
  branching: process.env.BRANCH === '1',
  integerShare: process.env.BRANCH === '1' ? 0.2 : 0,
  // COMPACT=1: the root starts from the compact LP's duals
  compactStart: process.env.COMPACT === '1',
  // NOCOLS=1: the incumbent gives the cutoff only, not its columns
  incumbentColumns: process.env.NOCOLS !== '1',
  // NODES=<n>: pricing branch-and-bound nodes before the MIP pricer
  ...(process.env.NODES ? { pricingNodes: Number(process.env.NODES) } : {}),
  // GAP=<share>: the pricing branch and bound's relative gap (its bound stays proved)
  ...(process.env.GAP ? { pricingGap: Number(process.env.GAP) } : {}),
  // EXACT=1: exact pricing every round (a bound every round); SMOOTH=<weight>
  heuristicFirst: process.env.EXACT !== '1',
  // AUTO=1: the smoothing weight adapted by the subgradient
  autoSmoothing: process.env.AUTO === '1',
  // MORE=<n>: columns besides the best one from each pricing search
  ...(process.env.MORE ? { runnersUp: Number(process.env.MORE) } : {}),
  // EVERY=<n>: with the heuristic pricer first, exact pricing every n-th round
  ...(process.env.EVERY ? { exactEvery: Number(process.env.EVERY) } : {}),
  ...(process.env.SMOOTH ? { smoothing: Number(process.env.SMOOTH) } : {}),
  // DUMP=<file>: every exact pricing search's input, for bench/price-search.ts
  onSearch: process.env.DUMP ? (search) => dumps.push(search) : undefined,
  // CLOSURE=off: the pricers without the closure; CLOSURE=<depth>: the search's closure bound to that depth
  closure: process.env.CLOSURE === undefined || process.env.CLOSURE === 'off' ? false : { searchDepth: Number(process.env.CLOSURE ?? 0) },
  onRound: (r) => {
    const t = (performance.now() - t0) / 1000;
    if (t - last > 5 || (r.lagrangian > -Infinity && process.env.BRANCH !== '1')) {
      last = t;
      console.log(`${t.toFixed(1)} s (cpu ${cpuSec()} s)  lp ${(r.lp / 1e3).toFixed(4)}  lagrangian ${(r.lagrangian / 1e3).toFixed(4)}  columns ${r.columns}`);
    }
  },
});
console.log(
  `done ${((performance.now() - t0) / 1000).toFixed(1)} s (cpu ${cpuSec()} s) nodes ${outcome.nodes} proved ${outcome.proved} converged ${outcome.converged} bound ${((outcome.bound ?? 0) / 1e9).toFixed(4)} GB master ${((outcome.masterValue ?? 0) / 1e3).toFixed(4)} rounds ${outcome.iterations} columns ${outcome.columns}`,
  JSON.stringify(outcome.pricing ?? {}),
);
if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify(dumps));
