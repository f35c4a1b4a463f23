import type { CompiledProblem } from './compile-problem';
import type { NetworkCoefficients } from './derive-network-coefficients';
import type { MilpBuilder, RowEntry } from './milp-builder';

/**
 * Classes of units that no input tells apart: replicas of one service with the same layers,
 * demand, allowed servers, policies, traffic partners (with the same weights), `via` legs and
 * current placement. Swapping two units of a class maps every placement to one of the same cost.
 */
export function identicalUnits(cp: CompiledProblem, net: NetworkCoefficients | undefined): number[][] {
  const S = cp.servers.length;
  const U = cp.units.length;
  const groupsOf: number[][] = Array.from({ length: U }, () => []);
  cp.conflictGroups.forEach((g, k) => g.units.forEach((u) => groupsOf[u].push(k)));
  const partners: string[][] = Array.from({ length: U }, () => []);
  for (const p of net?.trafficPairs ?? []) {
    partners[p.u].push(`${p.v}:${p.weight}`);
    partners[p.v].push(`${p.u}:${p.weight}`);
  }
  const movesOf: number[][] = Array.from({ length: U }, () => []);
  net?.moves?.movers.forEach((units, l) => units.forEach((u) => movesOf[u].push(l)));
  const classes = new Map<string, number[]>();
  cp.units.forEach((unit, u) => {
    const row = (values: ArrayLike<number> | undefined) => (values ? Array.from({ length: S }, (_, j) => values[u * S + j]).join(',') : '');
    const key = [
      Array.from(unit.layers).join(','),
      unit.cpu,
      unit.memory,
      unit.bandwidth,
      Array.from(unit.eligible).join(''),
      row(net?.forbidden),
      groupsOf[u].join(','),
      partners[u].sort().join(','),
      row(net?.trafficLinear),
      row(net?.moves?.stay),
      movesOf[u].join(','),
    ].join('|');
    if (!classes.has(key)) classes.set(key, []);
    classes.get(key)!.push(u);
  });
  return [...classes.values()].filter((members) => members.length > 1);
}

/**
 * Orders each class by server index, Σ_j j x(u_t, j) ≤ Σ_j j x(u_t+1, j): any placement can be
 * relabelled to obey it (sort the class's servers), so only one of its k! copies stays in the
 * search. Returns the relabelling, for MIP starts.
 */
export function addIdenticalUnitOrder(b: MilpBuilder, classes: number[][], xCol: Int32Array, S: number): (unitServer: ArrayLike<number>) => Int32Array {
  for (const members of classes) {
    for (let t = 0; t + 1 < members.length; t++) {
      const row: RowEntry[] = [];
      for (let j = 0; j < S; j++) {
        if (j === 0) continue;
        if (xCol[members[t] * S + j] >= 0) row.push([xCol[members[t] * S + j], j]);
        if (xCol[members[t + 1] * S + j] >= 0) row.push([xCol[members[t + 1] * S + j], -j]);
      }
      if (row.length > 0) b.addRow(-Infinity, 0, row);
    }
  }
  return (unitServer) => {
    const ordered = Int32Array.from(unitServer);
    for (const members of classes) {
      const servers = members.map((u) => unitServer[u]).sort((p, q) => p - q);
      members.forEach((u, t) => (ordered[u] = servers[t]));
    }
    return ordered;
  };
}
