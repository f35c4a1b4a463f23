import { compileProblem } from '../compile-problem';
import { Deadline } from '../deadline';
import { loadHighsEngine } from '../engines/highs-engine';
import { stateFromUnitServers } from '../placement-state';
import type { PlacementProblem } from '../types';
import type { TaskContext } from '../worker-tasks';
import { boundByColumns, type ColumnBoundOptions } from './bound-by-columns';

export type ColumnBoundTask = {
  problem: PlacementProblem;
  /** the placement to start from, by unit of the compiled problem (compiling is deterministic) */
  unitServer: Int32Array | null;
  timeLimitSec: number;
  options: Omit<ColumnBoundOptions, 'report' | 'onSearch' | 'onRound'>;
};

export type ColumnBoundAnswer = {
  /** bytes of storage: a proved lower bound on every placement (null if none was reached) */
  bound: number | null;
  infeasible: boolean;
  /** a better placement than the start, if the branch and price found one */
  unitServer: Int32Array | null;
  /** the tree closed: the better placement, else the start, is a storage optimum */
  proved: boolean;
  converged: boolean;
  iterations: number;
  columns: number;
  /** the wall clock, not the caller's stop, ended it */
  clockCut: boolean;
};

/** the slot the running bound is published in (bytes) */
export const COLUMN_BOUND_SLOT = 0;
/** 1 once the task has started (a late answer is then not a missing worker) */
export const COLUMN_STARTED_SLOT = 1;
export const COLUMN_SLOTS = 2;

/**
 * The branch and price of bound-by-columns.ts as a task for a worker thread (worker-tasks.ts):
 * it compiles the problem and loads HiGHS on its own thread, publishes each better bound as it
 * is proved, and answers when its time is up, its tree closes, or the caller asks.
 */
export async function runColumnBoundTask(task: ColumnBoundTask, ctx: TaskContext): Promise<ColumnBoundAnswer> {
  ctx.publish(COLUMN_STARTED_SLOT, 1);
  const cp = compileProblem(task.problem);
  const deadline = new Deadline(task.timeLimitSec, ctx.shouldStop);
  const start = task.unitServer ? stateFromUnitServers(cp, task.unitServer) : null;
  const engine = await loadHighsEngine();
  const outcome = await boundByColumns(cp, engine, deadline, start, {
    ...task.options,
    report: (bound) => {
      if (bound !== null) ctx.publish(COLUMN_BOUND_SLOT, bound);
    },
  });
  return {
    bound: outcome.bound,
    infeasible: outcome.infeasible,
    unitServer: outcome.unitServer,
    proved: outcome.proved,
    converged: outcome.converged,
    iterations: outcome.iterations,
    columns: outcome.columns,
    clockCut: deadline.cutByClock() && !ctx.shouldStop(),
  };
}
