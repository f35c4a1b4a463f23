import type { MilpModel } from './engines/milp-engine';

/** One row entry: column index and coefficient. */
export type RowEntry = [number, number];

/**
 * Collects the columns and rows of a MILP as the model's parts add them (storage, start-up,
 * traffic, moves), in the CSR form both engines take. Column bounds are kept finite: glpk.js
 * takes a double-bounded column only with a finite upper bound.
 */
export class MilpBuilder {
  private readonly cost: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowIndex: number[] = [];
  private readonly rowValue: number[] = [];
  private readonly cuts = new Set<string>();

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  /** a column in [0, upper]; binary when `integer` (upper 1) */
  addColumn(cost: number, options: { integer?: boolean; upper?: number } = {}): number {
    this.cost.push(cost);
    this.upper.push(options.upper ?? 1);
    this.integer.push(options.integer ? 1 : 0);
    return this.cost.length - 1;
  }

  addCost(col: number, cost: number): void {
    this.cost[col] += cost;
  }

  addRow(lower: number, upper: number, entries: readonly RowEntry[]): void {
    for (const [col, value] of entries) {
      this.rowIndex.push(col);
      this.rowValue.push(value);
    }
    this.rowStarts.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  /**
   * Adds `Σ entries ≤ 0` unless a row with the same entries up to a positive factor was added
   * through here before: per-resource cuts coincide when demands are proportional (cpu, memory
   * and bandwidth of replicas that all ask alike), and a duplicate only slows the LP.
   */
  addCutOnce(entries: readonly RowEntry[]): void {
    const scale = Math.max(...entries.map(([, v]) => Math.abs(v)));
    if (!(scale > 0)) return;
    const key = [...entries]
      .sort((p, q) => p[0] - q[0])
      .map(([c, v]) => `${c}:${(v / scale).toPrecision(12)}`)
      .join(' ');
    if (this.cuts.has(key)) return;
    this.cuts.add(key);
    this.addRow(-Infinity, 0, entries);
  }

  /** every objective coefficient set to zero (a feasibility model) */
  clearCosts(): void {
    this.cost.fill(0);
  }

  build(): MilpModel {
    const n = this.cost.length;
    return {
      numCols: n,
      colCost: Float64Array.from(this.cost),
      colLower: new Float64Array(n),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      rowLower: this.rowLower,
      rowUpper: this.rowUpper,
      rowStarts: this.rowStarts,
      rowIndex: this.rowIndex,
      rowValue: this.rowValue,
    };
  }
}
