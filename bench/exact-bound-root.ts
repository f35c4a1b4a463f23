// exact on 20 x 100 seed 7 (issue 12's last target) with the root tuned for its bound, 60 s,
// phases with wall and CPU seconds (lib/placement/README.md): [SHARE=<columnShare>] tsx bench/exact-bound-root.ts;
// DEFAULT=1: exact's defaults instead (the bound root then runs in a second thread, whose CPU the
// process's CPU seconds include); PARALLEL=0: without that thread
import { generateProblem } from '../lib/placement/generate-problem';
import { solvePlacement } from '../lib/placement/solve-placement';
const problem = generateProblem({ servers: 20, containers: 100, seed: 7 });
const c0 = process.cpuUsage();
let last: string | undefined;
const r = await solvePlacement(problem, {
  algorithm: 'exact',
  engine: 'highs',
  timeLimitSec: 60,
  exactTuning:
    process.env.DEFAULT === '1' ? { ...(process.env.PARALLEL === '0' ? { parallelBound: false } : {}) } : { boundRoot: true, columnShare: Number(process.env.SHARE ?? 1) },
  onProgress: (p) => {
    if (p.phase !== last) {
      last = p.phase;
      console.log((p.elapsedMs / 1000).toFixed(1), 'cpu', (process.cpuUsage(c0).user / 1e6).toFixed(1), p.phase, p.incumbentCost, p.bound);
    }
  },
});
console.log(
  r.status,
  (r.cost! / 1e9).toFixed(4),
  (r.lowerBound! / 1e9).toFixed(4),
  `gap ${((100 * (r.cost! - r.lowerBound!)) / r.lowerBound!).toFixed(2)} %`,
  r.elapsedMs,
  'ms cpu',
  (process.cpuUsage(c0).user / 1e6).toFixed(1),
  'clock cut',
  r.timeLimitReached,
  r.message ?? '',
);
