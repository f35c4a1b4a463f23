/**
 * The layer-integral relaxation of a node of the hub split: the units' x continuous, the layer
 * flags y (and any other integer column) integral. On Kdl's social network (README, "Network
 * terms in exact") the LP with integral y is already the optimum of the node (low latency seed 2,
 * hub on server 5: 1,676.6 model units, the LP 1,599 with every lifted row; balanced seed 1, its
 * three weakest positions: 1,823.2 / 1,833.8 / 1,845.1, the full MIP's optima), so the gap of the
 * split's LPs is the layer flags' integrality alone and a sub-MIP need not branch on 500 x.
 */

const INTEGRAL = 1e-6;

/** Takes `columns` out of `integer` (in place); the columns that were integer, or null when none was. */
export function relaxColumns(integer: Uint8Array, columns: ArrayLike<number> | undefined): number[] | null {
  const relaxed: number[] = [];
  for (let k = 0; k < (columns?.length ?? 0); k++) {
    const col = columns![k];
    if (col >= 0 && integer[col]) {
      integer[col] = 0;
      relaxed.push(col);
    }
  }
  return relaxed.length > 0 ? relaxed : null;
}

/**
 * The relaxed columns all integral in a relaxation's solution: it is then a solution of the
 * node itself, and the relaxation's optimum the node's.
 */
export function integralOn(values: Float64Array | null | undefined, columns: readonly number[]): boolean {
  return !!values && columns.every((col) => Math.abs(values[col] - Math.round(values[col])) <= INTEGRAL);
}
