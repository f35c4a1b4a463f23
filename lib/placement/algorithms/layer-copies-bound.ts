import { layerCost, type CompiledProblem } from '../compile-problem';

/**
 * A proved lower bound on every placement's cost, without an LP: each layer costs its size on
 * every server that hosts one of its users (unless it is free there: cached, download
 * objective), and its users together need some cpu, memory and bandwidth, so they occupy at
 * least as many servers as it takes to hold that demand, largest eligible servers first. On
 * large instances, where a popular base layer must sit on many servers, this is far above the
 * distinct-layers bound (each layer once), which it contains: every layer with a user counts
 * at least once unless a user can find it free.
 */
export function layerCopiesBound(cp: CompiledProblem): number {
  const copies = layerCopiesNeeded(cp);
  let bound = 0;
  copies.forEach((k, l) => (bound += k * cp.layerSize[l]));
  return bound;
}

/**
 * Per layer, the fewest servers that store it at a cost in every placement (the count behind
 * `layerCopiesBound`): a valid cover row for any model over placements (the branch and price
 * adds them to its master).
 */
export function layerCopiesNeeded(cp: CompiledProblem): Int32Array {
  const S = cp.servers.length;
  const users: number[][] = Array.from({ length: cp.layerSize.length }, () => []);
  cp.units.forEach((unit, u) => unit.layers.forEach((l) => users[l].push(u)));
  const needed = new Int32Array(users.length);
  for (let l = 0; l < users.length; l++) {
    if (users[l].length === 0) continue;
    // Servers some user of l may use, split into those where l is free and those where it costs.
    const usable = new Uint8Array(S);
    for (const u of users[l]) for (let j = 0; j < S; j++) if (cp.units[u].eligible[j]) usable[j] = 1;
    let copies = 0;
    for (const r of ['cpu', 'memory', 'bandwidth'] as const) {
      const demand = users[l].reduce((sum, u) => sum + cp.units[u][r], 0);
      let covered = 0;
      const paid: number[] = [];
      for (let j = 0; j < S; j++) {
        if (!usable[j]) continue;
        if (layerCost(cp, l, j) === 0) covered += cp.servers[j][r];
        else paid.push(cp.servers[j][r]);
      }
      paid.sort((a, b) => b - a);
      let k = 0;
      // A relative slack like the engine's capacity checks, so rounding never inflates a count.
      while (k < paid.length && covered < demand * (1 - 1e-9)) covered += paid[k++];
      copies = Math.max(copies, k);
    }
    // A user that can find l free on none of its servers pays for at least one copy.
    const somePays = users[l].some((u) => {
      for (let j = 0; j < S; j++) if (cp.units[u].eligible[j] && layerCost(cp, l, j) === 0) return false;
      return true;
    });
    if (somePays) copies = Math.max(copies, 1);
    needed[l] = copies;
  }
  return needed;
}
