import type { StartFiller } from './add-startup-model';
import type { CompiledProblem } from './compile-problem';
import type { NetworkCoefficients } from './derive-network-coefficients';
import type { MilpBuilder } from './milp-builder';

/**
 * The moves term (docs/placement-format.md, "Moves"), linear in the placement: a replica the
 * current placement runs on j moves unless its unit stays on j, so the penalty part is
 * penalty × (currentCount − Σ stay(u,j) x(u,j)), a constant (returned, in objective units)
 * less a credit on x. The bytes part: m(l,j) ≥ x(u,j) for each unit u with a currently placed
 * container that needs l, where j does not hold l (a replica whose current server is j finds
 * all its layers there, so a unit pulling l onto j moved); cost size(l) per m(l,j).
 */
export function addMoveModel(b: MilpBuilder, cp: CompiledProblem, net: NetworkCoefficients, xCol: Int32Array, costPerByte: number): { offset: number; fill: StartFiller } {
  const moves = net.moves!;
  const S = cp.servers.length;
  const penalty = costPerByte * moves.movePenaltyBytes;
  for (let k = 0; k < xCol.length; k++) if (xCol[k] >= 0 && moves.stay[k] > 0 && penalty > 0) b.addCost(xCol[k], -penalty * moves.stay[k]);
  const pulls: { col: number; l: number; j: number; units: number[] }[] = [];
  moves.movers.forEach((units, l) => {
    if (units.length === 0 || cp.layerSize[l] === 0) return;
    for (let j = 0; j < S; j++) {
      if (net.held[j][l]) continue;
      const here = units.filter((u) => xCol[u * S + j] >= 0);
      if (here.length === 0) continue;
      const col = b.addColumn(costPerByte * cp.layerSize[l]);
      for (const u of here) {
        b.addRow(0, Infinity, [
          [col, 1],
          [xCol[u * S + j], -1],
        ]);
      }
      pulls.push({ col, l, j, units: here });
    }
  });
  return {
    offset: penalty * moves.currentCount,
    fill: (unitServer, values) => {
      for (const p of pulls) if (p.units.some((u) => unitServer[u] === p.j)) values[p.col] = 1;
    },
  };
}
