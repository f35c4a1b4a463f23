import type { CompiledProblem } from './compile-problem';
import type { NetworkCoefficients } from './derive-network-coefficients';
import type { MilpBuilder, RowEntry } from './milp-builder';

/** Sets the start-up columns of a MIP start from a complete placement (unit -> server). */
export type StartFiller = (unitServer: ArrayLike<number>, values: Float64Array) => void;

/**
 * The start-up makespan (docs/placement-format.md, "Start-up time") as MILP rows. Server j pulls
 * B_j bytes (the layers its units need and it does not hold) from one registry r, the one that
 * finishes soonest: t_j = min_r (latency_r + B_j · secPerByte_r), a concave function of B_j. A
 * registry choice z(j,r) (Σ_r z ≤ 1) splits each pulled layer's flag y(l,j) over the registries,
 * p(l,j,r) ≤ z(j,r), Σ_r p(l,j,r) ≥ y(l,j), and T ≥ Σ_r latency_r z(j,r) + Σ_{l,r} size_l
 * secPerByte_r p(l,j,r) for every j: the disaggregated (perspective) form, tighter in the LP
 * than one big-M per registry. z need not be declared binary: once the layer flags are integral
 * (they are when x is), any pulled layer forces p(l,j,r) = z(j,r) and Σ_r z = 1, so the row reads
 * T ≥ Σ_r z(j,r) (latency_r + B_j secPerByte_r) ≥ min_r (…), a mix of registries never beating
 * the best one (the brute-force tests pass either way; HiGHS then branches on x alone). With one
 * registry: o(j) ≥ x(u,j) for the units that make j pull, T ≥ latency o(j) + secPerByte Σ_l
 * size_l y(l,j).
 *
 * `unitCuts`: T ≥ Σ_j a(u,j) x(u,j) per unit, a(u,j) the time server j takes to pull u's own
 * missing layers alone (a server that hosts u pulls at least those); valid for every placement
 * and, unlike the rows above, not weakened by fractional layer flags.
 */
export function addStartupModel(
  b: MilpBuilder,
  cp: CompiledProblem,
  net: NetworkCoefficients,
  xCol: Int32Array,
  yCol: Int32Array,
  costPerSec: number,
  unitCuts: boolean,
): StartFiller {
  const S = cp.servers.length;
  const U = cp.units.length;
  const L = cp.layerSize.length;
  const pulls = net.pulls!;
  const size = cp.layerSize;

  // Layers each server may have to pull: needed by a unit that may go there, not held, not empty.
  const pulled: number[][] = cp.servers.map(() => []);
  for (let j = 0; j < S; j++) {
    const seen = new Uint8Array(L);
    for (let u = 0; u < U; u++) {
      if (xCol[u * S + j] < 0) continue;
      for (const l of cp.units[u].layers) {
        if (seen[l] || net.held[j][l] || size[l] === 0) continue;
        seen[l] = 1;
        pulled[j].push(l);
      }
    }
  }
  let upper = 0;
  for (let j = 0; j < S; j++) {
    if (pulled[j].length === 0) continue;
    const bytes = pulled[j].reduce((sum, l) => sum + size[l], 0);
    for (const r of pulls[j]) upper = Math.max(upper, r.latencySec + bytes * r.secPerByte);
  }
  if (upper === 0) return () => {};
  const T = b.addColumn(costPerSec, { upper: upper * (1 + 1e-9) });

  type ServerColumns = { o: number; z: number[]; p: number[][] };
  const columns: (ServerColumns | null)[] = cp.servers.map(() => null);
  for (let j = 0; j < S; j++) {
    if (pulled[j].length === 0) continue;
    const paths = pulls[j];
    if (paths.length === 1) {
      const [r] = paths;
      const o = b.addColumn(0);
      for (let u = 0; u < U; u++) {
        const x = xCol[u * S + j];
        if (x >= 0 && cp.units[u].layers.some((l) => !net.held[j][l] && size[l] > 0)) {
          b.addRow(0, Infinity, [
            [o, 1],
            [x, -1],
          ]);
        }
      }
      const row: RowEntry[] = [
        [T, 1],
        [o, -r.latencySec],
      ];
      for (const l of pulled[j]) row.push([yCol[l * S + j], -size[l] * r.secPerByte]);
      b.addRow(0, Infinity, row);
      columns[j] = { o, z: [], p: [] };
      continue;
    }
    const z = paths.map(() => b.addColumn(0));
    b.addRow(
      -Infinity,
      1,
      z.map((c) => [c, 1]),
    );
    const row: RowEntry[] = [[T, 1], ...paths.map((r, k): RowEntry => [z[k], -r.latencySec])];
    const p: number[][] = [];
    for (const l of pulled[j]) {
      const split = paths.map(() => b.addColumn(0));
      p.push(split);
      b.addRow(0, Infinity, [...split.map((c): RowEntry => [c, 1]), [yCol[l * S + j], -1]]);
      split.forEach((c, k) => {
        b.addRow(-Infinity, 0, [
          [c, 1],
          [z[k], -1],
        ]);
        row.push([c, -size[l] * paths[k].secPerByte]);
      });
    }
    b.addRow(0, Infinity, row);
    columns[j] = { o: -1, z, p };
  }

  const soloTime = (u: number, j: number) => {
    let bytes = 0;
    for (const l of cp.units[u].layers) if (!net.held[j][l]) bytes += size[l];
    if (bytes === 0) return 0;
    return Math.min(...pulls[j].map((r) => r.latencySec + bytes * r.secPerByte));
  };
  if (unitCuts) {
    for (let u = 0; u < U; u++) {
      const row: RowEntry[] = [[T, 1]];
      for (let j = 0; j < S; j++) {
        const x = xCol[u * S + j];
        if (x < 0) continue;
        const a = soloTime(u, j);
        if (a > 0) row.push([x, -a]);
      }
      if (row.length > 1) b.addRow(0, Infinity, row);
    }
  }

  return (unitServer, values) => {
    let makespan = 0;
    for (let j = 0; j < S; j++) {
      const cols = columns[j];
      if (!cols) continue;
      const needs = new Uint8Array(L);
      for (let u = 0; u < U; u++) if (unitServer[u] === j) for (const l of cp.units[u].layers) needs[l] = 1;
      const taken = pulled[j].filter((l) => needs[l]);
      if (taken.length === 0) continue;
      const bytes = taken.reduce((sum, l) => sum + size[l], 0);
      let best = 0;
      pulls[j].forEach((r, k) => {
        if (r.latencySec + bytes * r.secPerByte < pulls[j][best].latencySec + bytes * pulls[j][best].secPerByte) best = k;
      });
      const r = pulls[j][best];
      makespan = Math.max(makespan, r.latencySec + bytes * r.secPerByte);
      if (cols.o >= 0) values[cols.o] = 1;
      else {
        values[cols.z[best]] = 1;
        pulled[j].forEach((l, k) => {
          if (needs[l]) values[cols.p[k][best]] = 1;
        });
      }
    }
    // Room for rounding: the rows sum the same terms in another order.
    values[T] = Math.min(upper * (1 + 1e-9), makespan * (1 + 1e-12));
  };
}
