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
  /** v2: the service this container is a replica of (dependencies name services) */
  service?: string;
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

/** One way an edge server can pull images: a registry, over the path the routing chose. */
export type RegistryPath = {
  server: string;
  registry: string;
  /** the path's bottleneck bandwidth, Mbit/s (> 0) */
  bandwidthMbps: number;
  /** the path's latency, ms: paid once before a server's pulls start */
  latencyMs: number;
  /** node names from the server to the registry, for people (not used by the engine) */
  path?: string[];
};

/** Path latency between two edge servers, ms, either direction. A pair that is not listed has no path. */
export type ServerLatency = { a: string; b: string; latencyMs: number };

/**
 * v2: what the engine knows of the network layer (docs/placement-format.md, "Network"). Built
 * from the scenario's topology with the control layer's routing.
 */
export type NetworkSection = {
  registries: { id: string }[];
  pulls: RegistryPath[];
  latencies: ServerLatency[];
};

/**
 * v2: `from` calls `to` with `trafficMbps`, split evenly over the pairs of their replicas.
 * `via`: the edge servers hosting the VNFs of the dependency's service chain, in order.
 */
export type Dependency = { from: string; to: string; trafficMbps: number; via?: string[] };

/** v2: the placement in force (the applied run), for re-planning with few moves. */
export type CurrentPlacement = {
  /** container id -> server id; entries for containers or servers no longer in the problem are allowed */
  assignment: Assignment;
  /** bytes-equivalent charged per moved replica, on top of the bytes its new server pulls */
  movePenaltyBytes: number;
};

/**
 * v2: the objective is Σ weight × term. Weights are exchange rates into bytes, so a storage-only
 * problem keeps its cost in bytes: `storage` multiplies the storage (or download) bytes, `startup`
 * is bytes per second of start-up makespan, `traffic` bytes per Mbit/s·ms of traffic cost, and
 * `moves` multiplies the moves term (pulled bytes + movePenaltyBytes per move).
 */
export type ObjectiveWeights = { storage: number; startup: number; traffic: number; moves: number };

export const DEFAULT_WEIGHTS: ObjectiveWeights = { storage: 1, startup: 0, traffic: 0, moves: 0 };

export type PlacementProblem = {
  /** 1: storage only. 2: may carry the network, dependencies, current placement and weights. */
  version: 1 | 2;
  objective: Objective;
  layers: Layer[];
  servers: Server[];
  containers: Container[];
  policies: Policy[];
  /** v2 only; absent means DEFAULT_WEIGHTS */
  weights?: ObjectiveWeights;
  network?: NetworkSection;
  dependencies?: Dependency[];
  current?: CurrentPlacement;
};

export type TermName = 'storage' | 'startup' | 'traffic' | 'moves';

/** Each objective term on its own (evaluate.ts defines them); null when the problem lacks its input. */
export type ObjectiveTerms = {
  /** bytes stored (objective "storage") or downloaded (objective "download") */
  storageBytes: number;
  /** start-up makespan: until the last container is ready, s (needs `network`) */
  startupSeconds: number | null;
  /** Σ over containers of their ready times, s */
  startupSumSeconds: number | null;
  /** Σ dependencies trafficMbps × mean path latency between their replicas, Mbit/s·ms (needs `network` and `dependencies`) */
  trafficCost: number | null;
  /** replicas placed elsewhere than in `current` (needs `current`) */
  moves: number | null;
  /** bytes the servers receiving moved replicas pull for them */
  moveBytes: number | null;
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
  /** v2: each term of the objective apart; `cost` is their weighted sum */
  terms?: ObjectiveTerms;
  /** v2, exact only: terms left out of the model for size (the answer is then exact for the rest) */
  droppedTerms?: TermName[];
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
  /**
   * the branch and price's root tuned for its bound rather than for branching, with all the
   * time it has: compact-LP start, exact pricing every round, smoothing 0.9, 200,000-node
   * searches, five runners-up (README, "Faster root for the Dantzig–Wolfe bound"); off by default
   */
  boundRoot?: boolean;
  /**
   * that root (`boundRoot`'s settings) in a second thread beside the compact MIP on large
   * storage-only problems, the better bound and placement of the two kept (README, "A second
   * thread for the bound"); default on
   */
  parallelBound?: boolean;
  /** v2: how the traffic between dependent replicas is linearised (add-traffic-model.ts); default `pairs` */
  trafficModel?: 'pairs' | 'stars' | 'mccormick';
  /** v2: the most columns the traffic linearisation may take before `exact` drops the term */
  trafficColumnLimit?: number;
  /** v2: the per-unit start-up rows T ≥ Σ_j a(u,j) x(u,j) (add-startup-model.ts); default on */
  startupUnitCuts?: boolean;
  /** order units no input tells apart (replicas) by server index (order-identical-units.ts) */
  identicalUnitOrder?: boolean;
  /** v2: branch on the server of the unit with the most traffic first (split-on-hub.ts); default on */
  hubSplit?: boolean;
  /** v2: the layer flags integer in the split's MIPs (split-on-hub.ts); default on */
  hubIntegerLayers?: boolean;
  /** v2: split a hub node whose sub-MIP did not close again, on its heaviest fractional unit (split-on-hub.ts); default on */
  hubResplit?: boolean;
  /** v2: units beyond the hub (and layer flags) a node of the split fixes before its first sub-MIP (split-on-hub.ts); default 1, 2 with layer-flag splits */
  hubSplitDepth?: number;
  /** v2: tighten the open nodes of the hub split by lifted capacity-linking rows (separate-lifted-linking.ts); default on */
  hubCuts?: boolean;
  /** v2: close hub positions whose bound without an LP reaches the incumbent (hub-position-floor.ts); default on */
  hubFloor?: boolean;
  /** v2: split the hub's nodes on their costliest fractional layer flag before their units (split-on-hub.ts); default on when start-up weighs nothing */
  hubLayerBranching?: boolean;
  /** v2: the hub split's sub-MIPs keep the units' x continuous, a bound on the layer-integral relaxation (layer-integral-relaxation.ts); default on when start-up weighs nothing */
  hubRelaxUnits?: boolean;
  /**
   * v2: the hub split in a second thread too (algorithms/hub-split-task.ts), bounds per hub server
   * and placements shared with this one's; default on with a spare core on models of at least
   * 400 units × servers (true: whatever the size)
   */
  parallelHub?: boolean;
  /** v2: the second thread splits again as the first does (else it only gives the weakest node longer sub-MIPs); default on */
  parallelHubResplit?: boolean;
  /** v2: the second thread's shortest sub-MIP slice, seconds; default 1 */
  parallelHubSliceSec?: number;
  /** v2: the second thread's nice value (Linux; 0: the process's priority); default 10 */
  parallelHubNice?: number;
  /** v2: valid rows on the traffic columns (add-traffic-model.ts); default all three */
  trafficCuts?: ('colocation' | 'neighbourhood' | 'layers')[];
};
