import type { Deadline } from '../deadline';
import { PlacementState } from '../placement-state';
import { shuffleInPlace } from '../prng';
import type { PlacementProblem } from '../types';
import { restrictToServers, type ServerGroupProblem } from './restrict-to-servers';
import { improveLocally } from './improve-locally';
import { searchOptimal } from './search-optimal';

export type ServerGroupOptions = {
  /** servers per group at most (groups start at two and grow when a size stops paying) */
  groupSize?: number;
  /** groups with more units × servers than this lose servers until they fit */
  maxSize?: number;
  /** branch-and-bound nodes per group */
  nodeLimit?: number;
  /** consecutive groups without a gain after which the search stops */
  patience?: number;
  /** a proved lower bound (bytes): the search stops when the cost meets it */
  lowerBound?: number | null;
  onImproved?: (state: PlacementState) => void;
};

const GROUP_SIZE = 6;
const MAX_SIZE = 400;
const NODE_LIMIT = 10_000;
const PATIENCE = 200;

/**
 * Large neighbourhood search over groups of servers: take every unit off a few servers that
 * hold copies of one layer, place them again on those servers by the exact finish's branch and
 * bound (`nodeLimit` nodes a group), keep the result when it is cheaper. Local moves cannot do
 * this: joining two copies of an image's layers means moving all of its replicas at once while
 * other units make room, which every single move, swap or ejection sees as a loss. Groups start
 * at two servers and grow by one whenever `patience` different groups in a row bring nothing
 * (back to two after a gain). Mutates `state`; returns the bytes saved. Stops on work (the
 * deadline's budget), when the largest groups stop paying, when the cost meets `lowerBound`,
 * or when no layer has two copies. Storage-only objectives only.
 */
export function improveByServerGroups(state: PlacementState, deadline: Deadline, random: () => number, options: ServerGroupOptions = {}): number {
  const { cp } = state;
  const S = cp.servers.length;
  if (S < 2 || !weighsStorageOnly(cp.problem)) return 0;
  const largest = Math.min(S, options.groupSize ?? GROUP_SIZE);
  let groupSize = 2;
  const maxSize = options.maxSize ?? MAX_SIZE;
  const nodeLimit = options.nodeLimit ?? NODE_LIMIT;
  const patience = options.patience ?? PATIENCE;
  const start = state.cost;
  const tried = new Set<string>();
  let sinceGain = 0,
    repeats = 0;
  const floor = (options.lowerBound ?? -Infinity) + 0.5;
  while (state.cost > floor && !deadline.work(S * 8)) {
    if (sinceGain >= patience || repeats >= 4 * patience) {
      // This size has stopped paying: larger groups, whose exact search costs more.
      if (groupSize >= largest) break;
      groupSize++;
      sinceGain = 0;
      repeats = 0;
    }
    const group = drawGroup(state, random, groupSize, maxSize);
    if (!group) break;
    const key = group.join(',');
    if (tried.has(key)) {
      repeats++;
      continue;
    }
    tried.add(key);
    sinceGain++;
    const sub = restrictToServers(state, group);
    const current = new PlacementState(sub.cp);
    sub.units.forEach((u, i) => current.place(i, group.indexOf(state.unitServer[u])));
    const found = searchOptimal(sub.cp, deadline, nodeLimit, current.cost).state;
    if (!found || !applyPlacement(state, sub, found.unitServer)) continue;
    sinceGain = 0;
    repeats = 0;
    groupSize = 2;
    // Single moves and swaps between the group and the rest, now that the group changed.
    const touched = new Uint8Array(S);
    for (const j of group) touched[j] = 1;
    improveLocally(state, deadline, random, touched);
    options.onImproved?.(state);
    // The groups that failed before may succeed now that their servers changed.
    tried.clear();
  }
  return start - state.cost;
}

/**
 * A group's cost is its servers' bytes only while the objective is storage alone: start-up,
 * traffic and moves (v2) tie a group's units to the rest.
 */
function weighsStorageOnly(problem: PlacementProblem): boolean {
  const weights = problem.weights;
  return !weights || (weights.startup === 0 && weights.traffic === 0 && weights.moves === 0);
}

/** Moves the group's units to their new servers; undoes everything and says false when one does not fit. */
function applyPlacement(state: PlacementState, sub: ServerGroupProblem, placed: Int32Array): boolean {
  const before = sub.units.map((u) => state.unitServer[u]);
  const cost = state.cost;
  for (const u of sub.units) state.remove(u);
  let ok = true;
  for (let i = 0; i < sub.units.length && ok; i++) {
    const j = sub.servers[placed[i]];
    if (placed[i] < 0 || !state.canPlace(sub.units[i], j)) ok = false;
    else state.place(sub.units[i], j);
  }
  if (ok && state.cost < cost - 0.5) return true;
  for (const u of sub.units) if (state.unitServer[u] >= 0) state.remove(u);
  sub.units.forEach((u, i) => state.place(u, before[i]));
  return false;
}

/**
 * A few servers that hold copies of one layer (drawn by the bytes of its extra copies), topped
 * up with other servers; null when every layer is stored once.
 */
function drawGroup(state: PlacementState, random: () => number, groupSize: number, maxSize: number): number[] | null {
  const { cp } = state;
  const S = cp.servers.length;
  const L = cp.layerSize.length;
  let total = 0;
  const weight = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    let copies = 0;
    for (let j = 0; j < S; j++) if (state.refs[j][l] > 0) copies++;
    if (copies > 1) {
      weight[l] = cp.layerSize[l] * (copies - 1);
      total += weight[l];
    }
  }
  cp.work.units += S * L;
  if (total <= 0) return null;
  let pick = random() * total;
  let layer = 0;
  for (let l = 0; l < L; l++) {
    pick -= weight[l];
    if (weight[l] > 0 && pick <= 0) {
      layer = l;
      break;
    }
  }
  const hosts: number[] = [];
  for (let j = 0; j < S; j++) if (state.refs[j][layer] > 0) hosts.push(j);
  shuffleInPlace(hosts, random);
  const group = hosts.slice(0, groupSize);
  // Top up with servers drawn at random, half of the time among those sharing the most bytes
  // with the group: a layer's copies often join only through a server that holds none of it.
  while (group.length < Math.min(groupSize, S)) {
    let best = -1,
      bestScore = -1;
    const related = random() < 0.5;
    for (let j = 0; j < S; j++) {
      if (group.includes(j)) continue;
      let shared = 0;
      if (related) for (const k of group) for (let l = 0; l < L; l++) if (state.refs[j][l] > 0 && state.refs[k][l] > 0) shared += cp.layerSize[l];
      const score = (shared + 1) * random();
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    if (related) cp.work.units += S * L * group.length;
    group.push(best);
  }
  // Too many units for the exact search: fewer servers.
  while (group.length > 2) {
    let units = 0;
    for (const j of group) units += state.count[j];
    if (units * group.length <= maxSize) break;
    group.pop();
  }
  return group.sort((a, b) => a - b);
}
