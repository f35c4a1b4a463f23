import type { CompiledProblem } from './compile-problem';
import type { RowEntry } from './milp-builder';

/** A row Σ value × column ≤ upper, found violated by an LP solution. */
export type CutRow = { entries: RowEntry[]; upper: number };

/** violations below this share of the server's capacity are left alone (LP noise) */
const MIN_VIOLATION = 1e-4;

/**
 * Capacity linking lifted by the units that do not use the layer (a separator over LP
 * solutions): on server j, for layer l and any set V of units that do not use l,
 *   Σ_{u uses l} d_u x(u,j) + Σ_{v∈V} d_v x(v,j) ≤ (cap_j − Σ_V d_v) y(l,j) + Σ_V d_v.
 * Valid for every placement and every y(l,j) ∈ [max_u x(u,j), 1]: with y = 1 it is the
 * capacity row over fewer units; with a user there y = 1; with none, the left side is at most
 * min(Σ_V d_v, cap_j) and the right side at least that. V = ∅ is the capacity-linking row of the
 * model. The LP's favourite pattern on Kdl's social network (README, "Network terms in exact")
 * fills a server with units of other images and pays a fraction of a shared image for the
 * few replicas beside them, as if they had the whole server to themselves; with V those units,
 * the image costs what the room left for it holds. The most violated V takes the units with
 * x(v,j) + y(l,j) > 1, so separation is exact per server, layer and resource.
 */
export function liftedLinkingSeparator(cp: CompiledProblem, xCol: Int32Array, yCol: Int32Array): (values: Float64Array) => CutRow[] {
  const S = cp.servers.length;
  const U = cp.units.length;
  const uses: Uint8Array[] = Array.from({ length: cp.layerSize.length }, () => new Uint8Array(U));
  cp.units.forEach((unit, u) => unit.layers.forEach((l) => (uses[l][u] = 1)));
  const resources = ['cpu', 'memory', 'bandwidth'] as const;
  return (values) => {
    const rows: CutRow[] = [];
    for (let l = 0; l < cp.layerSize.length; l++) {
      for (let j = 0; j < S; j++) {
        const y = yCol[l * S + j];
        if (y < 0) continue;
        const yv = values[y];
        // Per layer and server the resource whose row is violated most (relative to capacity):
        // with proportional demands the three rows are one.
        let best: { violation: number; r: (typeof resources)[number] } | null = null;
        for (const r of resources) {
          const cap = cp.servers[j][r];
          if (!(cap > 0)) continue;
          let lhs = -cap * yv;
          let lifted = false;
          for (let u = 0; u < U; u++) {
            const x = xCol[u * S + j];
            const d = cp.units[u][r];
            if (x < 0 || d === 0) continue;
            if (uses[l][u]) lhs += d * values[x];
            else if (values[x] + yv > 1) {
              lhs += d * (values[x] + yv - 1);
              lifted = true;
            }
          }
          const violation = lhs / cap;
          if (lifted && violation > MIN_VIOLATION && (!best || violation > best.violation)) best = { violation, r };
        }
        if (!best) continue;
        const r = best.r;
        const entries: RowEntry[] = [];
        let lifted = 0;
        for (let u = 0; u < U; u++) {
          const x = xCol[u * S + j];
          const d = cp.units[u][r];
          if (x < 0 || d === 0) continue;
          if (uses[l][u]) entries.push([x, d]);
          else if (values[x] + yv > 1) {
            entries.push([x, d]);
            lifted += d;
          }
        }
        entries.push([y, -(cp.servers[j][r] - lifted)]);
        rows.push({ entries, upper: lifted });
      }
    }
    return rows;
  };
}
