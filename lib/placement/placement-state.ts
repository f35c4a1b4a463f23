import { fitsWithin } from './capacity-tolerance';
import type { CompiledProblem } from './compile-problem';
import { NetworkTerms } from './network-state';

/**
 * Incremental bookkeeping for heuristics: per-server load and per-layer reference counts, so
 * that the cost change of adding or removing one unit costs O(its layers). `cost` is the
 * weighted objective (evaluate.ts's weighTerms); the network terms are kept beside storage
 * only when their weight is > 0 (NetworkTerms below), so a storage-only problem runs the same
 * operations, charges the same work and gets the same numbers as before they existed.
 */
export class PlacementState {
  readonly cp: CompiledProblem;
  /**
   * The problem's work meter: every operation adds the number of layers it touches, so a
   * deadline's work budget measures what the heuristics actually did (deadline.ts).
   */
  private readonly work: { units: number };
  readonly unitServer: Int32Array;
  readonly cpu: Float64Array;
  readonly memory: Float64Array;
  readonly bandwidth: Float64Array;
  /** bytes on disk: cached layers plus needed layers not cached */
  readonly storage: Float64Array;
  readonly refs: Int32Array[];
  readonly count: Int32Array;
  /** the storage term: bytes stored (or downloaded), unweighted */
  storageCost = 0;
  placed = 0;
  /** the network terms and rules; null when the problem has none (every v1 problem) */
  readonly net: NetworkTerms | null;
  private readonly storageWeight: number;

  /** in no-sharing mode every unit keeps private copies: disk use is additive */
  readonly noSharing: boolean;
  /** disk use under no-sharing: cached bytes plus every placed unit's own bytes */
  readonly privateStorage: Float64Array;

  constructor(cp: CompiledProblem, noSharing = false) {
    this.cp = cp;
    this.work = cp.work;
    this.noSharing = noSharing;
    this.privateStorage = Float64Array.from(cp.servers.map((s) => s.cachedBytes));
    const S = cp.servers.length;
    const L = cp.layerSize.length;
    this.unitServer = new Int32Array(cp.units.length).fill(-1);
    this.cpu = new Float64Array(S);
    this.memory = new Float64Array(S);
    this.bandwidth = new Float64Array(S);
    this.storage = Float64Array.from(cp.servers.map((s) => s.cachedBytes));
    this.refs = cp.servers.map(() => new Int32Array(L));
    this.count = new Int32Array(S);
    this.storageWeight = cp.weights.storage;
    const { active, network } = cp;
    const tracked = network !== null && (active.startup || active.traffic || active.moves || network.dependencies.length > 0);
    this.net = tracked ? new NetworkTerms(cp, network) : null;
  }

  /** the weighted objective of what is placed so far (never decreases as units are added) */
  get cost(): number {
    const storage = this.storageWeight === 1 ? this.storageCost : this.storageWeight * this.storageCost;
    return this.net ? storage + this.net.weightedCost() : storage;
  }

  clone(): PlacementState {
    this.work.units += this.cp.servers.length * (this.cp.layerSize.length / 8 + 4);
    const copy = new PlacementState(this.cp, this.noSharing);
    copy.privateStorage.set(this.privateStorage);
    copy.unitServer.set(this.unitServer);
    copy.cpu.set(this.cpu);
    copy.memory.set(this.memory);
    copy.bandwidth.set(this.bandwidth);
    copy.storage.set(this.storage);
    this.refs.forEach((r, j) => copy.refs[j].set(r));
    copy.count.set(this.count);
    copy.storageCost = this.storageCost;
    copy.placed = this.placed;
    if (this.net) {
      this.work.units += this.net.cloneWork();
      copy.net!.copyFrom(this.net);
    }
    return copy;
  }

  /** objective increase if unit `u` joined server `j` */
  addCost(u: number, j: number): number {
    const delta = this.storageAddCost(u, j);
    return this.net ? delta + this.net.addCost(u, j, this.refs[j]) : delta;
  }

  /**
   * Objective increase if unplaced units `u` and `v` joined `b` and `a` (a ≠ b) together: the
   * two single additions, plus what they change for each other (start-up makespan, traffic
   * between them). Capacities and rules are not checked.
   */
  pairAddCost(u: number, b: number, v: number, a: number): number {
    if (!this.net) return this.addCost(u, b) + this.addCost(v, a);
    return this.storageAddCost(u, b) + this.storageAddCost(v, a) + this.net.pairAddCost(u, b, this.refs[b], v, a, this.refs[a]);
  }

  private storageAddCost(u: number, j: number): number {
    this.work.units += this.cp.units[u].layers.length + 1;
    const refs = this.refs[j];
    const cached = this.cp.servers[j].cached;
    const size = this.cp.layerSize;
    const download = this.cp.download;
    let delta = 0;
    for (const l of this.cp.units[u].layers) {
      if (refs[l] === 0 && !(download && cached[l])) delta += size[l];
    }
    return this.storageWeight === 1 ? delta : delta * this.storageWeight;
  }

  /** objective decrease if (placed) unit `u` left its server */
  removeGain(u: number): number {
    this.work.units += this.cp.units[u].layers.length + 1;
    const j = this.unitServer[u];
    const refs = this.refs[j];
    const cached = this.cp.servers[j].cached;
    const size = this.cp.layerSize;
    const download = this.cp.download;
    let delta = 0;
    for (const l of this.cp.units[u].layers) {
      if (refs[l] === 1 && !(download && cached[l])) delta += size[l];
    }
    if (this.storageWeight !== 1) delta *= this.storageWeight;
    return this.net ? delta + this.net.removeGain(u, j, refs) : delta;
  }

  private addStorage(u: number, j: number): number {
    const refs = this.refs[j];
    const cached = this.cp.servers[j].cached;
    const size = this.cp.layerSize;
    let delta = 0;
    for (const l of this.cp.units[u].layers) if (refs[l] === 0 && !cached[l]) delta += size[l];
    return delta;
  }

  /** whether unplaced unit `u` may join server `j` now */
  canPlace(u: number, j: number): boolean {
    const unit = this.cp.units[u];
    this.work.units += unit.layers.length + unit.partners.length + 1;
    const server = this.cp.servers[j];
    if (!unit.eligible[j]) return false;
    if (!fitsWithin(this.cpu[j] + unit.cpu, server.cpu)) return false;
    if (!fitsWithin(this.memory[j] + unit.memory, server.memory)) return false;
    if (!fitsWithin(this.bandwidth[j] + unit.bandwidth, server.bandwidth)) return false;
    for (const p of unit.partners) {
      const k = this.unitServer[p.unit];
      if (k < 0) continue;
      if (p.kind === 'server' ? k === j : this.cp.servers[k].site === server.site) return false;
    }
    if (this.net && !this.net.allows(u, j)) return false;
    if (this.noSharing) return this.privateStorage[j] + unit.ownBytes <= server.storage;
    return this.storage[j] + this.addStorage(u, j) <= server.storage;
  }

  place(u: number, j: number): void {
    const unit = this.cp.units[u];
    this.work.units += unit.layers.length + 1;
    const refs = this.refs[j];
    const cached = this.cp.servers[j].cached;
    const size = this.cp.layerSize;
    const download = this.cp.download;
    // Before the reference counts change: the network terms read them as "held before".
    this.net?.place(u, j, refs);
    for (const l of unit.layers) {
      if (refs[l] === 0) {
        if (!cached[l]) this.storage[j] += size[l];
        if (!(download && cached[l])) this.storageCost += size[l];
      }
      refs[l]++;
    }
    this.cpu[j] += unit.cpu;
    this.memory[j] += unit.memory;
    this.bandwidth[j] += unit.bandwidth;
    this.count[j]++;
    this.privateStorage[j] += unit.ownBytes;
    this.unitServer[u] = j;
    this.placed++;
  }

  remove(u: number): number {
    const j = this.unitServer[u];
    const unit = this.cp.units[u];
    this.work.units += unit.layers.length + 1;
    const refs = this.refs[j];
    const cached = this.cp.servers[j].cached;
    const size = this.cp.layerSize;
    const download = this.cp.download;
    for (const l of unit.layers) {
      refs[l]--;
      if (refs[l] === 0) {
        if (!cached[l]) this.storage[j] -= size[l];
        if (!(download && cached[l])) this.storageCost -= size[l];
      }
    }
    this.net?.remove(u, j, refs);
    this.cpu[j] -= unit.cpu;
    this.memory[j] -= unit.memory;
    this.bandwidth[j] -= unit.bandwidth;
    this.count[j]--;
    this.privateStorage[j] -= unit.ownBytes;
    this.unitServer[u] = -1;
    this.placed--;
    return j;
  }

  complete(): boolean {
    return this.placed === this.cp.units.length;
  }
}

/** A solver's placement checked through the incremental state: null when some unit is unplaced
 * or does not fit (a rounding artefact), so only placements that evaluate as feasible get through. */
export function stateFromUnitServers(cp: CompiledProblem, unitServer: Int32Array): PlacementState | null {
  const state = new PlacementState(cp);
  for (let u = 0; u < unitServer.length; u++) {
    const j = unitServer[u];
    if (j < 0 || !state.canPlace(u, j)) return null;
    state.place(u, j);
  }
  return state;
}
