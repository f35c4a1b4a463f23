import type { CompiledProblem } from '../compile-problem';
import type { PlacementState } from '../placement-state';

/** A part of a placement as a problem of its own: the units on some servers, on those servers. */
export type ServerGroupProblem = {
  cp: CompiledProblem;
  /** sub-problem unit -> unit of the whole problem */
  units: number[];
  /** sub-problem server -> server of the whole problem */
  servers: number[];
};

/**
 * The units that `state` has on `servers`, to be placed again on those servers while every other
 * unit stays put. Whatever the sub-problem's placements cost is what the whole placement's cost
 * changes by, since only these servers' layers change. Conflicts with units that stay put are
 * folded into eligibility: anti-affinity partners elsewhere are on other servers already, spread
 * partners elsewhere rule out the servers of their sites. Layer indices and the work meter are the
 * whole problem's.
 */
export function restrictToServers(state: PlacementState, servers: number[]): ServerGroupProblem {
  const { cp } = state;
  const local = new Int32Array(cp.servers.length).fill(-1);
  servers.forEach((j, k) => (local[j] = k));
  const units: number[] = [];
  const subUnit = new Int32Array(cp.units.length).fill(-1);
  for (let u = 0; u < cp.units.length; u++) {
    if (state.unitServer[u] >= 0 && local[state.unitServer[u]] >= 0) {
      subUnit[u] = units.length;
      units.push(u);
    }
  }
  const subUnits = units.map((u) => {
    const unit = cp.units[u];
    const eligible = new Uint8Array(servers.length);
    let eligibleCount = 0;
    servers.forEach((j, k) => {
      if (!unit.eligible[j]) return;
      for (const p of unit.partners) {
        if (p.kind !== 'site' || subUnit[p.unit] >= 0) continue;
        const at = state.unitServer[p.unit];
        if (at >= 0 && cp.servers[at].site === cp.servers[j].site) return;
      }
      eligible[k] = 1;
      eligibleCount++;
    });
    const partners = unit.partners.filter((p) => subUnit[p.unit] >= 0).map((p) => ({ unit: subUnit[p.unit], kind: p.kind }));
    return { ...unit, eligible, eligibleCount, partners };
  });
  const conflictGroups = cp.conflictGroups.map((g) => ({ kind: g.kind, units: g.units.filter((u) => subUnit[u] >= 0).map((u) => subUnit[u]) })).filter((g) => g.units.length > 1);
  const unitOfContainer = new Int32Array(0);
  return {
    cp: { ...cp, servers: servers.map((j) => cp.servers[j]), units: subUnits, unitOfContainer, conflictGroups, infeasibleReason: null },
    units,
    servers,
  };
}
