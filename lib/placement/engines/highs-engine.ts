import highsLoader, { type HighsCallbackMap } from 'highs';
import type { MilpEngine, MilpModel, MilpOptions, MilpOutcome } from './milp-engine';

type HighsRuntime = Awaited<ReturnType<typeof highsLoader>>;
let runtime: Promise<HighsRuntime> | null = null;

export async function loadHighsEngine(): Promise<MilpEngine> {
  runtime ??= highsLoader();
  const highs = await runtime;
  return { name: 'highs', solve: (model, options) => solveWithHighs(highs, model, options) };
}

function solveWithHighs(highs: HighsRuntime, model: MilpModel, options: MilpOptions): MilpOutcome {
  const { modelStatus: MS, callbackType: CB } = highs.constants;
  const isMip = !options.relax && model.integer.some((v) => v === 1);
  const m = highs.createModel();
  try {
    m.passModel({
      numCols: model.numCols,
      numRows: model.rowLower.length,
      colCost: model.colCost,
      colLower: model.colLower,
      colUpper: model.colUpper,
      rowLower: model.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
      rowUpper: model.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
      matrix: {
        format: 'csr',
        numRows: model.rowLower.length,
        numCols: model.numCols,
        starts: model.rowStarts,
        indices: model.rowIndex,
        values: model.rowValue,
      },
      ...(isMip ? { integrality: Int32Array.from(model.integer) } : {}),
    });
    const timeLimitSec = Math.min(options.timeLimitSec, options.remainingSec?.() ?? Infinity);
    // Taking the model in used up the time: stop before a run that could not stop in time.
    if (options.remainingSec && timeLimitSec <= 0.01) return { status: 'limit', values: null, objective: null, bound: null, clockCut: true };
    m.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, timeLimitSec),
      // Objective is in MB; the absolute gap is a fraction of a byte, so "optimal" is exact.
      mip_rel_gap: options.relGap ?? 0,
      mip_abs_gap: 1e-7,
      ...(isMip && options.cutoff !== undefined && Number.isFinite(options.cutoff) ? { objective_bound: options.cutoff } : {}),
    });
    if (isMip && options.start) m.setSolution({ colValue: options.start });

    let primal: number | null = null;
    let dual: number | null = null;
    let lastReport = 0;
    const report = () => options.onProgress?.({ primal, dual });
    // The MIP's own LPs (the root relaxation takes seconds on a large model) and plain LPs
    // answer the stop flag at every simplex or interior-point checkpoint too: HiGHS's own
    // time_limit is only looked at between phases and overran it by seconds on 5,000 containers.
    const lpInterrupts: HighsCallbackMap = {
      [CB.simplexInterrupt](event) {
        if (options.shouldStop?.()) event.interrupt();
      },
      [CB.ipmInterrupt](event) {
        if (options.shouldStop?.()) event.interrupt();
      },
    };
    const run = m.run(
      isMip
        ? {
            ...lpInterrupts,
            [CB.mipInterrupt](event) {
              if (options.shouldStop?.()) event.interrupt();
              // With output off HiGHS sends no log events; this frequent checkpoint feeds progress.
              const now = performance.now();
              if (now - lastReport > 250) {
                lastReport = now;
                primal = finiteOrNull(event.data.mip_primal_bound) ?? primal;
                dual = finiteOrNull(event.data.mip_dual_bound) ?? dual;
                report();
              }
            },
            [CB.mipImprovingSolution](event) {
              primal = event.data.objective_function_value ?? primal;
              dual = event.data.mip_dual_bound ?? dual;
              if (event.data.mip_solution && primal !== null) options.onIncumbent?.(event.data.mip_solution, primal);
              report();
            },
            [CB.mipLogging](event) {
              primal = finiteOrNull(event.data.mip_primal_bound) ?? primal;
              dual = finiteOrNull(event.data.mip_dual_bound) ?? dual;
              report();
            },
          }
        : lpInterrupts,
    );
    const status = run.modelStatus;
    const hasPrimal = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const values = hasPrimal ? Float64Array.from(m.getSolution().colValue) : null;
    const objective = hasPrimal ? m.getObjectiveValue() : null;
    let bound: number | null = null;
    if (isMip) bound = finiteOrNull(Number(m.info.get('mip_dual_bound')));
    else if (status === MS.optimal) bound = objective;

    if (status === MS.optimal) return { status: 'optimal', values, objective, bound: bound ?? objective };
    // Every column here is bounded, so "unbounded or infeasible" can only be infeasible.
    if (status === MS.infeasible || status === MS.unboundedOrInfeasible) {
      return { status: 'infeasible', values: null, objective: null, bound: null };
    }
    if (
      status === MS.timeLimit ||
      status === MS.interrupted ||
      status === MS.iterationLimit ||
      status === MS.solutionLimit ||
      status === MS.objectiveBound ||
      status === MS.objectiveTarget
    ) {
      return { status: 'limit', values, objective, bound, clockCut: status === MS.timeLimit };
    }
    return { status: 'error', values, objective, bound, message: `HiGHS model status ${status}` };
  } catch (error) {
    return { status: 'error', values: null, objective: null, bound: null, message: (error as Error).message };
  } finally {
    m.dispose();
  }
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) && Math.abs(value) < 1e29 ? value : null;
}

/** One column of an LP session: objective coefficient and its (row, value) entries. */
export type LpColumn = { cost: number; rows: number[]; values: number[] };

type LpSolve = {
  status: 'optimal' | 'infeasible' | 'limit' | 'error';
  objective: number | null;
  colValue: Float64Array | null;
  /** row duals (HiGHS sign convention: reduced cost = c − Σ a·rowDual) */
  rowDual: Float64Array | null;
  clockCut: boolean;
};

/**
 * An LP kept open between solves, for column generation: columns are appended and HiGHS
 * re-solves from the previous basis instead of from scratch. Columns are in [0, ∞).
 */
export type LpSession = {
  addColumns(columns: LpColumn[]): void;
  /** appends rows lower ≤ Σ value × column ≤ upper (cuts); the basis is kept */
  addRows(rows: { lower: number; upper: number; columns: number[]; values: number[] }[]): void;
  /** replaces the upper bounds of columns from, from + 1, … (0 takes a column out of the LP); lower bounds become 0 */
  setUpperBounds(from: number, upper: Float64Array): void;
  /** replaces both bounds of columns from, from + 1, … */
  setBounds(from: number, lower: Float64Array, upper: Float64Array): void;
  /** replaces the objective coefficients of the first `costs.length` columns */
  setCosts(costs: Float64Array): void;
  solve(timeLimitSec: number, shouldStop?: () => boolean): LpSolve;
  dispose(): void;
};

export async function openHighsLp(rowLower: number[], rowUpper: number[], columns: LpColumn[]): Promise<LpSession> {
  runtime ??= highsLoader();
  const highs = await runtime;
  const { modelStatus: MS, callbackType: CB } = highs.constants;
  const m = highs.createModel();
  const clamp = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  // Initial columns go in as one CSC matrix; later ones one by one (addCol keeps the basis).
  const starts: number[] = [0],
    indices: number[] = [],
    values: number[] = [];
  for (const c of columns) {
    indices.push(...c.rows);
    values.push(...c.values);
    starts.push(indices.length);
  }
  m.passModel({
    numCols: columns.length,
    numRows: rowLower.length,
    colCost: Float64Array.from(columns, (c) => c.cost),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(highs.infinity),
    rowLower: rowLower.map(clamp),
    rowUpper: rowUpper.map(clamp),
    matrix: { format: 'csc', numRows: rowLower.length, numCols: columns.length, starts, indices, values },
  });
  m.options.set({ output_flag: false });
  return {
    addColumns(added) {
      for (const c of added) m.addCol(c.cost, 0, highs.infinity, { indices: c.rows, values: c.values });
    },
    addRows(added) {
      for (const r of added) m.addRow(clamp(r.lower), clamp(r.upper), { indices: r.columns, values: r.values });
    },
    setBounds(from, lower, upper) {
      if (upper.length === 0) return;
      const clamped = Float64Array.from(upper, (v) => (v === Infinity ? highs.infinity : v));
      m.changeColsBounds({ kind: 'range', from, to: from + upper.length - 1 }, Float64Array.from(lower), clamped);
    },
    setUpperBounds(from, upper) {
      if (upper.length === 0) return;
      const clamped = Float64Array.from(upper, (v) => (v === Infinity ? highs.infinity : v));
      m.changeColsBounds({ kind: 'range', from, to: from + upper.length - 1 }, new Float64Array(upper.length), clamped);
    },
    setCosts(costs) {
      m.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
    },
    solve(timeLimitSec, shouldStop) {
      try {
        // HiGHS measures time_limit on a clock that keeps running across the runs of one model,
        // so a session solved again and again hit it with half its time unused: the limit is
        // kept here instead, at the simplex checkpoints.
        const end = performance.now() + Math.max(0.01, timeLimitSec) * 1000;
        let timedOut = false;
        m.options.set({ time_limit: 1e7 });
        const run = m.run({
          [CB.simplexInterrupt](event) {
            if (performance.now() > end) timedOut = true;
            if (timedOut || shouldStop?.()) event.interrupt();
          },
        });
        const status = run.modelStatus;
        if (status === MS.infeasible) return { status: 'infeasible', objective: null, colValue: null, rowDual: null, clockCut: false };
        if (status !== MS.optimal)
          return {
            status: status === MS.timeLimit || status === MS.interrupted ? 'limit' : 'error',
            objective: null,
            colValue: null,
            rowDual: null,
            clockCut: status === MS.timeLimit || timedOut,
          };
        const solution = m.getSolution();
        return {
          status: 'optimal',
          objective: m.getObjectiveValue(),
          colValue: Float64Array.from(solution.colValue),
          rowDual: Float64Array.from(solution.rowDual),
          clockCut: false,
        };
      } catch {
        return { status: 'error', objective: null, colValue: null, rowDual: null, clockCut: false };
      }
    },
    dispose() {
      m.dispose();
    },
  };
}
