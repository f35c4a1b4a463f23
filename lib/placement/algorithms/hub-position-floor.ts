import type { PlacementModel } from '../build-placement-model';
import type { CompiledProblem } from '../compile-problem';
import type { NetworkCoefficients } from '../derive-network-coefficients';

/**
 * A lower bound (model units, no offset) on every placement with the hub on a given server,
 * without an LP: each layer stored once at its cheapest server, plus the hub's own traffic with
 * its partners packed as near the hub as the servers' capacity allows. The packing relaxes the
 * placement to one resource at a time (the strongest of cpu, memory and bandwidth counts), with
 * fractional units: pair weight per unit of demand times latency is a product of two sorted
 * sequences, so the nearest room goes to the densest partners (greedy is optimal). Every other
 * term is ≥ 0, so this is null when a column costs less than 0 (the credit of the move term).
 * On Kdl's social network it closes the positions far from the cutoff (low latency seed 2: six
 * of ten, their LPs took 0.2-0.4 s each) before any LP is solved.
 */
export function hubPositionFloor(cp: CompiledProblem, net: NetworkCoefficients, model: PlacementModel, hub: number): ((server: number) => number) | null {
  const { colCost } = model.milp;
  if (colCost.some((c) => c < 0) || !net.latency || !(net.weights.traffic > 0)) return null;
  const S = cp.servers.length;
  const { xCol, yCol } = model;
  // Each layer at least once, where it costs least among the servers its users may take.
  let storage = 0;
  const users: number[][] = Array.from({ length: cp.layerSize.length }, () => []);
  cp.units.forEach((unit, u) => unit.layers.forEach((l) => users[l].push(u)));
  users.forEach((list, l) => {
    let least = Infinity;
    for (const u of list) for (let k = 0; k < S; k++) if (xCol[u * S + k] >= 0) least = Math.min(least, yCol[l * S + k] >= 0 ? colCost[yCol[l * S + k]] : 0);
    if (Number.isFinite(least)) storage += least;
  });
  const costPerMbpsMs = net.weights.traffic / model.objectiveUnit;
  const partners = net.trafficPairs.filter((p) => p.u === hub || p.v === hub).map((p) => ({ unit: p.u === hub ? p.v : p.u, weight: p.weight }));
  const latency = net.latency;
  return (server) => {
    let traffic = 0;
    for (const r of ['cpu', 'memory', 'bandwidth'] as const) {
      const room = Array.from({ length: S }, (_, k) => k)
        .filter((k) => Number.isFinite(latency[server * S + k]))
        .map((k) => ({ ms: latency[server * S + k], left: cp.servers[k][r] - (k === server ? cp.units[hub][r] : 0) }))
        .sort((a, b) => a.ms - b.ms);
      const items = partners.filter((p) => cp.units[p.unit][r] > 0).map((p) => ({ density: p.weight / cp.units[p.unit][r], demand: cp.units[p.unit][r] }));
      items.sort((a, b) => b.density - a.density);
      let cost = 0;
      let k = 0;
      for (const item of items) {
        let need = item.demand;
        while (need > 1e-12) {
          // No room left anywhere the hub reaches: no placement has the hub here.
          if (k >= room.length) return Infinity;
          const take = Math.min(need, Math.max(0, room[k].left));
          cost += item.density * take * room[k].ms;
          room[k].left -= take;
          need -= take;
          if (room[k].left <= 1e-12) k++;
        }
      }
      traffic = Math.max(traffic, cost);
    }
    return storage + costPerMbpsMs * traffic;
  };
}
