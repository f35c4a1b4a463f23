import { generateProblem } from './lib/placement/generate-problem';
import { solvePlacement } from './lib/placement/solve-placement';
const problem = { ...generateProblem({ servers: 10, containers: 40, seed: 12, capacityScale: 0.8 }), version: 2 as const, weights: { storage: 0.5, startup: 0, traffic: 0, moves: 0 } };
const r = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 12, exactTuning: { columnShare: 0.9 }, onProgress: (p) => console.log(p.phase, p.elapsedMs, p.incumbentCost, p.bound) });
console.log(r.status, r.cost, r.lowerBound, r.message);
