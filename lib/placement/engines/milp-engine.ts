import type { EngineName } from '../types';

/** A mixed-integer linear program in the form both engines can take: rows in CSR. */
export type MilpModel = {
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer (binary here), 0 = continuous */
  integer: Uint8Array;
  rowLower: number[];
  rowUpper: number[];
  rowStarts: number[];
  rowIndex: number[];
  rowValue: number[];
};

type MilpProgress = { primal: number | null; dual: number | null };

export type MilpOptions = {
  /** solve the LP relaxation (integrality dropped) */
  relax?: boolean;
  timeLimitSec: number;
  /**
   * Seconds left once the engine has taken the model in (which a large model makes take
   * seconds): the run gets the lesser of this and timeLimitSec, and none at all when it is gone.
   */
  remainingSec?: () => number;
  /** a feasible start (values for every column), where the engine accepts one */
  start?: Float64Array;
  relGap?: number;
  /**
   * Only placements below this objective matter (HiGHS: objective_bound): nodes at or above it
   * are pruned, and a run that finds none below it answers 'infeasible'.
   */
  cutoff?: number;
  shouldStop?: () => boolean;
  onProgress?: (progress: MilpProgress) => void;
  onIncumbent?: (values: Float64Array, objective: number) => void;
};

export type MilpOutcome = {
  status: 'optimal' | 'infeasible' | 'limit' | 'error';
  values: Float64Array | null;
  objective: number | null;
  /** proved lower bound on the optimum (objective units), where the engine reports one */
  bound: number | null;
  /** the engine stopped on its wall-clock limit (so a rerun may stop elsewhere) */
  clockCut?: boolean;
  message?: string;
};

/** The small surface the placement algorithms need; glpk.js and HiGHS both sit behind it. */
export interface MilpEngine {
  readonly name: EngineName;
  solve(model: MilpModel, options: MilpOptions): MilpOutcome;
}
