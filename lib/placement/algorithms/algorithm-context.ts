import type { CompiledProblem } from '../compile-problem';
import type { Deadline } from '../deadline';
import type { MilpEngine } from '../engines/milp-engine';
import type { EngineName, PlacementStatus, TermName } from '../types';

export type AlgorithmContext = {
  cp: CompiledProblem;
  deadline: Deadline;
  /** the caller's limit in seconds: work budgets may scale with it (it is an input, not a clock) */
  timeLimitSec: number;
  engineName: EngineName;
  /** loads the LP/MIP engine on first use, so pure heuristics never pay for the WASM */
  engine: () => Promise<MilpEngine>;
  random: () => number;
  /** the seed `random` started from: a sub-algorithm given a stream of its own from it answers as it does alone */
  seed: number;
  report: (update: { incumbentCost?: number | null; bound?: number | null; phase: string }) => void;
};

/**
 * What an algorithm hands back. The placement is by unit; solve-placement turns it into the
 * contract's assignment and takes the cost from `evaluate`.
 */
export type AlgorithmOutcome = {
  status: PlacementStatus;
  unitServer?: Int32Array | null;
  /** a proved lower bound on the optimum, in the units of evaluate's cost (bytes for storage-only weights) */
  lowerBound?: number | null;
  usedEngine?: boolean;
  message?: string;
  /** exact: weighted terms the model left out for size (the answer is then not proved optimal) */
  droppedTerms?: TermName[];
};

/** the status to give when no placement was found and nothing was proved */
export function statusWithoutAnswer(ctx: AlgorithmContext): PlacementStatus {
  if (ctx.deadline.stopped()) return 'cancelled';
  return ctx.deadline.expired() ? 'timeout' : 'no-solution';
}
