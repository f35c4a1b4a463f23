import { generateProblem } from './generate-problem';
import { solvePlacement } from './solve-placement';
import type { AlgorithmName, EngineChoice, PlacementProblem, PlacementResult, SolveOptions } from './types';

type FigureKind = 'containers' | 'capacity';

export type FigureSeriesSpec = {
  /** `containers`: the paper's Fig. 4 (x = number of containers); `capacity`: Fig. 5 (x = multiplier) */
  kind: FigureKind;
  servers: number;
  /** Fig. 4: the container counts; Fig. 5: one count (the fixed container set) */
  containers: number[];
  /** Fig. 5: the capacity multipliers; Fig. 4: one value (default 1) */
  capacityScales?: number[];
  seed: number;
  algorithms: AlgorithmName[];
  engine?: EngineChoice;
  timeLimitSec: number;
  /** how to solve one point; defaults to in-process solvePlacement (a server passes solveInWorker) */
  solve?: (problem: PlacementProblem, options: SolveOptions) => Promise<PlacementResult>;
  /** a problem source other than the synthetic generator (e.g. drawn from real images) */
  makeProblem?: (point: { servers: number; containers: number; seed: number; capacityScale: number }) => PlacementProblem;
  onPoint?: (point: SeriesPoint) => void;
  signal?: AbortSignal;
};

export type SeriesPoint = {
  x: number;
  servers: number;
  containers: number;
  capacityScale: number;
  algorithm: AlgorithmName;
  result: PlacementResult;
};

/**
 * Runs every algorithm on every point of a figure, one solve at a time (the machine's cores
 * are better spent on one solver than shared by several), in the order a chart fills in.
 */
export async function runFigureSeries(spec: FigureSeriesSpec): Promise<SeriesPoint[]> {
  const solve = spec.solve ?? solvePlacement;
  const make = spec.makeProblem ?? ((p) => generateProblem(p));
  const scales = spec.capacityScales ?? [1];
  const grid =
    spec.kind === 'containers'
      ? spec.containers.map((n) => ({ x: n, containers: n, capacityScale: scales[0] }))
      : scales.map((scale) => ({ x: scale, containers: spec.containers[0], capacityScale: scale }));
  const points: SeriesPoint[] = [];
  for (const cell of grid) {
    const problem = make({ servers: spec.servers, containers: cell.containers, seed: spec.seed, capacityScale: cell.capacityScale });
    for (const algorithm of spec.algorithms) {
      if (spec.signal?.aborted) return points;
      const result = await solve(problem, {
        algorithm,
        engine: spec.engine,
        timeLimitSec: spec.timeLimitSec,
        signal: spec.signal,
        seed: spec.seed,
      });
      const point = { x: cell.x, servers: spec.servers, containers: cell.containers, capacityScale: cell.capacityScale, algorithm, result };
      points.push(point);
      spec.onPoint?.(point);
    }
  }
  return points;
}
