// Shared shapes of the placement contract (docs/placement-format.md). The zod schema in
// problem-schema.ts is the runtime gate; these types describe what passes it.

export type Objective = 'storage' | 'download';

export type Layer = { digest: string; size: number };

export type Server = {
  id: string;
  site?: string;
  storage: number;
  cpu: number;
  memory: number;
  bandwidth: number;
  arch?: string;
  accelerators?: string[];
  cachedLayers?: string[];
};

export type Container = {
  id: string;
  image?: string;
  layers: string[];
  cpu: number;
  memory: number;
  bandwidth: number;
  arch?: string;
  accelerator?: string;
};

export type Policy =
  | { type: 'anti-affinity'; containers: string[] }
  | { type: 'affinity'; containers: string[] }
  | { type: 'pin'; container: string; servers: string[] }
  | { type: 'spread'; containers: string[] }
  | { type: 'max-utilisation'; fraction: number; servers?: string[] };

export type PlacementProblem = {
  version: 1;
  objective: Objective;
  layers: Layer[];
  servers: Server[];
  containers: Container[];
  policies: Policy[];
};

/** container id -> server id */
export type Assignment = Record<string, string>;

export type PlacementStatus = 'optimal' | 'feasible' | 'infeasible' | 'no-solution' | 'timeout' | 'cancelled' | 'error';

export const ALGORITHMS = ['exact', 'relax', 'greedy', 'kube-default', 'no-sharing'] as const;
export type AlgorithmName = (typeof ALGORITHMS)[number];

export const ENGINES = ['auto', 'glpk', 'highs'] as const;
export type EngineChoice = (typeof ENGINES)[number];
export type EngineName = Exclude<EngineChoice, 'auto'>;

export type PlacementResult = {
  status: PlacementStatus;
  algorithm: AlgorithmName;
  engine: EngineName | null;
  objective: Objective;
  cost: number | null;
  lowerBound: number | null;
  noSharingCost: number;
  assignment?: Assignment;
  serverLayers?: Record<string, string[]>;
  elapsedMs: number;
  /**
   * Present (true) when the wall-clock limit, not a work limit or a proof, ended some part of
   * the search: the answer is valid, but a rerun of the same input may differ. Absent otherwise,
   * and then the same problem, algorithm, limits and seed give the same result on any machine
   * load.
   */
  timeLimitReached?: true;
  message?: string;
};

/** What a long solve reports while it runs, for a progress bar. */
export type PlacementProgress = {
  elapsedMs: number;
  /** cost of the best valid placement found so far, in bytes */
  incumbentCost: number | null;
  /** best proved lower bound so far, in bytes */
  bound: number | null;
  phase: string;
};

export type SolveOptions = {
  algorithm?: AlgorithmName;
  engine?: EngineChoice;
  /** wall-clock budget for the whole solve, seconds */
  timeLimitSec?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PlacementProgress) => void;
  /** seeds the randomised parts (relax rounding, greedy restarts) */
  seed?: number;
  /** model switches for `exact`, for the benchmark's ablation (defaults are the tuned ones) */
  exactTuning?: ExactTuning;
  /** a stop flag polled like `signal` (the worker runner passes a shared-memory flag) */
  shouldStop?: () => boolean;
};

/** Model switches of `exact`; the defaults are the tuned ones (lib/placement/README.md). */
export type ExactTuning = {
  capacityLinking?: boolean;
  layerCover?: boolean;
  warmStart?: boolean;
  integerLayers?: boolean;
  symmetryBreaking?: boolean;
  /** column generation (branch and price) after the compact MIP (HiGHS only) */
  columnGeneration?: boolean;
  /** share of the time left after the warm start that the branch and price may take */
  columnShare?: number;
};
