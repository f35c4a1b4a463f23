// npm run bench:placement-heuristics [-- --quick] — how greedy and relax do on the
// weighted objective of version-2 problems (issue 13): quality against enumerated optima on the
// property tests' sample, and terms and time on larger instances with a network. Writes
// bench/results/placement-network-heuristics.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate } from '../lib/placement/evaluate';
import { generateProblem } from '../lib/placement/generate-problem';
import { addRandomNetwork, networkCostOf, randomNetworkProblem, TERM_MIXES, type TermMix } from '../lib/placement/network-problems.fixture';
import { enumerateOptimum } from '../lib/placement/small-problems.fixture';
import { solvePlacement } from '../lib/placement/solve-placement';
import type { AlgorithmName, PlacementProblem, PlacementResult } from '../lib/placement/types';

const quick = process.argv.includes('--quick');
const root = path.resolve(import.meta.dirname, '..');
const md: string[] = ['# Heuristics on the weighted objective (version-2 problems)', ''];
const started = performance.now();
const log = (text: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${text}\n`);
const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');
const atMost = (cost: number, optimum: number) => cost <= optimum + 1e-9 * Math.max(1, Math.abs(optimum));

async function sample() {
  const wanted = quick ? 80 : 320;
  const instances: { seed: number; mix: TermMix; problem: PlacementProblem; optimum: number }[] = [];
  for (let seed = 1; instances.length < wanted; seed++) {
    const mix = TERM_MIXES[seed % TERM_MIXES.length];
    const problem = randomNetworkProblem(seed, mix);
    const best = enumerateOptimum(problem, networkCostOf(problem));
    if (best) instances.push({ seed, mix, problem, optimum: best.cost });
  }
  const rows: (string | number)[][] = [];
  for (const algorithm of ['greedy', 'relax'] as const) {
    for (const mix of TERM_MIXES) {
      const mine = instances.filter((i) => i.mix === mix);
      let at = 0,
        worst = 0,
        ms = 0;
      for (const { seed, problem, optimum } of mine) {
        const t = performance.now();
        const r = await solvePlacement(problem, { algorithm, engine: 'highs', seed, timeLimitSec: 60 });
        ms += performance.now() - t;
        if (r.cost === null) throw new Error(`seed ${seed}: ${r.status} ${r.message}`);
        if (atMost(r.cost, optimum)) at++;
        else worst = Math.max(worst, optimum > 0 ? (r.cost / optimum - 1) * 100 : Infinity);
      }
      rows.push([algorithm, mix, mine.length, `${at} / ${mine.length}`, worst.toFixed(2), (ms / mine.length).toFixed(0)]);
      log(`sample ${algorithm} ${mix}: ${at}/${mine.length}`);
    }
  }
  md.push(`## Against enumerated optima (${instances.length} feasible random instances, 3–4 servers, 5–8 containers)`, '');
  md.push(`Load average at the end: ${load()}.`, '');
  md.push(table(['algorithm', 'weights', 'instances', 'at the optimum', 'worst gap %', 'mean ms'], rows), '');
}

const MB = 1e6;
/** Start-up, traffic and moves each worth about as much as storage on these instances. */
function largeProblem(servers: number, containers: number, seed: number): PlacementProblem {
  const problem = addRandomNetwork(generateProblem({ servers, containers, seed }), seed, 'mixed', false);
  delete problem.current;
  problem.weights = { storage: 1, startup: 200 * MB, traffic: 1 * MB, moves: 0 };
  return problem;
}

function termRow(label: string, r: PlacementResult, problem: PlacementProblem): (string | number)[] {
  if (!r.assignment) return [label, `${r.status}: ${r.message ?? ''}`, '–', '–', '–', '–', (r.elapsedMs / 1000).toFixed(2)];
  const t = r.terms ?? evaluate(problem, r.assignment).terms;
  return [
    label,
    r.status,
    ((r.cost ?? 0) / 1e9).toFixed(3),
    (t.storageBytes / 1e9).toFixed(3),
    (t.startupSeconds ?? 0).toFixed(2),
    (t.trafficCost ?? 0).toFixed(0),
    (r.elapsedMs / 1000).toFixed(2),
  ];
}

async function large() {
  md.push('## Larger instances with a network (synthetic, every server reaches a registry and every other server)', '');
  md.push(
    'Weights: storage 1, start-up 200 MB per second of makespan, traffic 1 MB per Mbit/s·ms. "storage only" is greedy on the same problem with the default weights, judged on the weighted objective.',
    '',
  );
  const sizes: [number, number, number][] = quick
    ? [[10, 50, 1]]
    : [
        [10, 50, 1],
        [20, 100, 7],
        [50, 1000, 1],
      ];
  for (const [servers, containers, seed] of sizes) {
    const problem = largeProblem(servers, containers, seed);
    const rows: (string | number)[][] = [];
    const algorithms: AlgorithmName[] = containers > 200 ? ['greedy', 'kube-default', 'no-sharing'] : ['greedy', 'relax', 'kube-default', 'no-sharing'];
    for (const algorithm of algorithms) {
      log(`large ${servers}x${containers} ${algorithm}`);
      const r = await solvePlacement(problem, { algorithm, engine: 'highs', seed: 1, timeLimitSec: 120 });
      rows.push(termRow(algorithm, r, problem));
    }
    const plain = await solvePlacement({ ...problem, weights: { storage: 1, startup: 0, traffic: 0, moves: 0 } }, { algorithm: 'greedy', seed: 1, timeLimitSec: 120 });
    const judged = evaluate(problem, plain.assignment!);
    rows.push(termRow('greedy, storage only', { ...plain, cost: judged.cost, terms: judged.terms }, problem));
    md.push(`### ${servers} × ${containers} (seed ${seed}), load ${load()}`, '');
    md.push(table(['algorithm', 'status', 'weighted cost GB-eq.', 'storage GB', 'makespan s', 'traffic Mbit/s·ms', 's'], rows), '');
  }
}

await sample();
await large();
const file = path.join(root, 'bench/results/placement-network-heuristics.md');
writeFileSync(file, `${md.join('\n')}\n`);
log(`wrote ${file}`);
