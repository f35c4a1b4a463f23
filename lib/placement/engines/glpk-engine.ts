import GLPK from 'glpk.js/node';
import type { MilpEngine, MilpModel, MilpOptions, MilpOutcome } from './milp-engine';

type GlpkRuntime = Awaited<ReturnType<typeof GLPK>>;
let runtime: Promise<GlpkRuntime> | null = null;

export async function loadGlpkEngine(): Promise<MilpEngine> {
  runtime ??= GLPK();
  const glpk = await runtime;
  return { name: 'glpk', solve: (model, options) => solveWithGlpk(glpk, model, options) };
}

// glpk.js takes a named JSON model and offers neither a MIP start, nor progress callbacks for
// MIPs, nor the dual bound at a time limit; the algorithms compensate (LP bound, own incumbent).
function solveWithGlpk(glpk: GlpkRuntime, model: MilpModel, options: MilpOptions): MilpOutcome {
  const isMip = !options.relax && model.integer.some((v) => v === 1);
  const name = (j: number) => `c${j}`;
  const subjectTo = model.rowLower.map((lower, r) => {
    const upper = model.rowUpper[r];
    const vars = [];
    for (let k = model.rowStarts[r]; k < model.rowStarts[r + 1]; k++) {
      vars.push({ name: name(model.rowIndex[k]), coef: model.rowValue[k] });
    }
    let type: number;
    if (lower === -Infinity && upper === Infinity) type = glpk.GLP_FR;
    else if (lower === -Infinity) type = glpk.GLP_UP;
    else if (upper === Infinity) type = glpk.GLP_LO;
    else if (lower === upper) type = glpk.GLP_FX;
    else type = glpk.GLP_DB;
    return {
      name: `r${r}`,
      vars,
      bnds: { type, lb: Number.isFinite(lower) ? lower : 0, ub: Number.isFinite(upper) ? upper : 0 },
    };
  });
  const columns = Array.from({ length: model.numCols }, (_, j) => j);
  const lp = {
    name: 'placement',
    objective: {
      direction: glpk.GLP_MIN,
      name: 'cost',
      vars: columns.map((j) => ({ name: name(j), coef: model.colCost[j] })),
    },
    subjectTo,
    bounds: columns.map((j) => ({
      name: name(j),
      type: model.colLower[j] === model.colUpper[j] ? glpk.GLP_FX : glpk.GLP_DB,
      lb: model.colLower[j],
      ub: model.colUpper[j],
    })),
    ...(isMip ? { binaries: columns.filter((j) => model.integer[j] === 1).map(name) } : {}),
  };
  const timeLimitSec = Math.min(options.timeLimitSec, options.remainingSec?.() ?? Infinity);
  // glpk.js counts whole seconds: under half of one left, a run would overrun more than it gains.
  if (options.remainingSec && timeLimitSec < 0.5) return { status: 'limit', values: null, objective: null, bound: null, clockCut: true };
  try {
    const result = glpk.solve(lp, {
      msglev: glpk.GLP_MSG_OFF,
      presol: true,
      tmlim: Math.max(1, options.remainingSec ? Math.round(timeLimitSec) : Math.ceil(timeLimitSec)),
      mipgap: options.relGap ?? 0,
    });
    const { status, z, vars } = result.result;
    const values = () => Float64Array.from(columns, (j) => vars[name(j)] ?? 0);
    if (status === glpk.GLP_OPT) {
      const v = values();
      return { status: 'optimal', values: v, objective: z, bound: z };
    }
    if (status === glpk.GLP_NOFEAS) return { status: 'infeasible', values: null, objective: null, bound: null };
    // glpk.js stops a run only on its time limit (tmlim) here.
    if (status === glpk.GLP_FEAS) return { status: 'limit', values: values(), objective: z, bound: null, clockCut: true };
    return { status: 'limit', values: null, objective: null, bound: null, clockCut: true };
  } catch (error) {
    return { status: 'error', values: null, objective: null, bound: null, message: String((error as Error)?.message ?? error) };
  }
}
