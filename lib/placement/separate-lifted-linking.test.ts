import { describe, expect, it } from 'vitest';
import { buildPlacementModel, placementToColumns, type PlacementModel } from './build-placement-model';
import { compileProblem, toAssignment, type CompiledProblem } from './compile-problem';
import { deriveNetworkCoefficients } from './derive-network-coefficients';
import { loadHighsEngine } from './engines/highs-engine';
import { evaluate } from './evaluate';
import { liftedLinkingSeparator, type CutRow } from './separate-lifted-linking';
import { randomConstrainedProblem } from './small-problems.fixture';
import { randomSmallNetworkProblem } from './small-network-problems.fixture';
import type { PlacementProblem } from './types';

/** Every valid placement (units to servers, judged by evaluate) as model columns. */
function validPlacements(problem: PlacementProblem, cp: CompiledProblem, model: PlacementModel): Float64Array[] {
  const S = cp.servers.length;
  const U = cp.units.length;
  const out: Float64Array[] = [];
  const where = new Int32Array(U);
  for (;;) {
    if (evaluate(problem, toAssignment(cp, where)).feasible) out.push(placementToColumns(model, cp, where));
    let k = 0;
    while (k < U && ++where[k] === S) where[k++] = 0;
    if (k === U) return out;
  }
}

/** LP solutions to separate from: the relaxation, and with each unit in turn fixed on each server. */
async function lpSolutions(cp: CompiledProblem, model: PlacementModel): Promise<Float64Array[]> {
  const engine = await loadHighsEngine();
  const S = cp.servers.length;
  const out: Float64Array[] = [];
  const fixings: (number | null)[] = [null, ...Array.from(model.xCol).filter((c) => c >= 0)];
  for (const col of fixings) {
    const colLower = Float64Array.from(model.milp.colLower);
    if (col !== null) colLower[col] = 1;
    const lp = engine.solve({ ...model.milp, colLower }, { relax: true, timeLimitSec: 10 });
    if (lp.status === 'optimal' && lp.values) out.push(lp.values);
  }
  expect(S).toBeGreaterThan(0);
  return out;
}

const holds = (row: CutRow, values: Float64Array) => row.entries.reduce((sum, [c, v]) => sum + v * values[c], 0) <= row.upper + 1e-9 * (1 + Math.abs(row.upper));
const violatedBy = (row: CutRow, values: Float64Array) => row.entries.reduce((sum, [c, v]) => sum + v * values[c], 0) > row.upper + 1e-7;

const problems = [
  ...Array.from({ length: 25 }, (_, k) => ({ name: `constrained ${9100 + k}`, problem: () => randomConstrainedProblem(9100 + k) })),
  ...Array.from({ length: 20 }, (_, k) => ({ name: `network traffic ${9200 + k}`, problem: () => randomSmallNetworkProblem(9200 + k, 'traffic') })),
  ...Array.from({ length: 20 }, (_, k) => ({ name: `network mixed ${9300 + k}`, problem: () => randomSmallNetworkProblem(9300 + k, 'mixed') })),
];

/** the 65 problems gave 603 rows when written (2026-12-03): room for changes in the fixtures */
const FOUND_AT_LEAST = 200;

describe('liftedLinkingSeparator (every valid placement is the reference)', () => {
  let found = 0;

  it.each(problems)('$name: the rows it separates from LP solutions cut them off and hold at every valid placement', async ({ problem: draw }) => {
    const problem = draw();
    const cp = compileProblem(problem);
    if (cp.infeasibleReason) return;
    const net = problem.version === 2 ? deriveNetworkCoefficients(cp) : undefined;
    const model = buildPlacementModel(cp, {
      capacityLinking: true,
      layerCover: true,
      ...(net ? { network: { coefficients: net, traffic: 'pairs' as const, startupUnitCuts: true, trafficCuts: ['colocation', 'neighbourhood', 'layers'] as const } } : {}),
    });
    const separate = liftedLinkingSeparator(cp, model.xCol, model.yCol);
    const rows: CutRow[] = [];
    for (const values of await lpSolutions(cp, model)) {
      for (const row of separate(values)) {
        expect(violatedBy(row, values)).toBe(true);
        rows.push(row);
      }
    }
    found += rows.length;

    if (rows.length === 0) return;
    for (const placement of validPlacements(problem, cp, model)) for (const row of rows) expect(holds(row, placement)).toBe(true);
  });

  it('found rows to check on many of them', () => expect(found).toBeGreaterThanOrEqual(FOUND_AT_LEAST));
});

describe('liftedLinkingSeparator on a hand-checkable server', () => {
  it('charges the shared layer for the room the other units leave', () => {
    // One server of 4 cores: three units of image B (1 core each) fixed there, two units of
    // image A (1 core each) at one half. Capacity linking alone: 1 ≤ 4 y(A) lets y(A) = 1/4;
    // the lifted row with the B units, 1 + 3 ≤ (4 − 3) y(A) + 3, forces y(A) = 1: one core is
    // left beside them, and the A units fill it.
    const problem: PlacementProblem = {
      version: 1,
      objective: 'storage',
      layers: [
        { digest: 'a', size: 100 },
        { digest: 'b', size: 100 },
      ],
      servers: [
        { id: 's', cpu: 4, memory: 100, bandwidth: 100, storage: 1000 },
        { id: 't', cpu: 4, memory: 100, bandwidth: 100, storage: 1000 },
      ],
      containers: [
        ...['b1', 'b2', 'b3'].map((id) => ({ id, image: 'B', layers: ['b'], cpu: 1, memory: 1, bandwidth: 0 })),
        ...['a1', 'a2'].map((id) => ({ id, image: 'A', layers: ['a'], cpu: 1, memory: 1, bandwidth: 0 })),
      ],
      policies: [],
    };
    const cp = compileProblem(problem);
    const model = buildPlacementModel(cp, { capacityLinking: true });
    const S = 2;
    const values = new Float64Array(model.milp.numCols);
    for (const u of [0, 1, 2]) values[model.xCol[u * S]] = 1;
    for (const u of [3, 4]) {
      values[model.xCol[u * S]] = 0.5;
      values[model.xCol[u * S + 1]] = 0.5;
    }
    values[model.yCol[1 * S]] = 1;
    values[model.yCol[0 * S]] = 1;
    values[model.yCol[0 * S + 1]] = 0.5;
    // y(A on s) = 1 pays for the room they take: nothing to cut.
    expect(liftedLinkingSeparator(cp, model.xCol, model.yCol)(values)).toEqual([]);
    values[model.yCol[0 * S]] = 0.25;
    const rows = liftedLinkingSeparator(cp, model.xCol, model.yCol)(values);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(violatedBy(row, values)).toBe(true);
    // The B units and y(A) lifted, against the capacity of s.
    expect(row.upper).toBe(3);
    expect(row.entries).toContainEqual([model.yCol[0 * S], -1]);
    values[model.yCol[0 * S]] = 0.75;
    expect(violatedBy(row, values)).toBe(true);
    values[model.yCol[0 * S]] = 1;
    expect(holds(row, values)).toBe(true);
  });
});
