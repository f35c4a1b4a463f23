import { pullTime, type CompiledNetwork } from './compile-network';
import type { CompiledProblem } from './compile-problem';

/**
 * The network terms of a PlacementState, kept incrementally (definitions: compile-network.ts,
 * lib/placement/terms). PlacementState calls `place` before and `remove` after it changes its
 * layer reference counts, so both see a layer that the unit brings or takes away with a count
 * of 0.
 *
 * - start-up makespan: pulled bytes and pull time per server, and the two largest times, so a
 *   unit's change of the makespan is O(its layers): the new time of its server against the
 *   largest time of any other server.
 * - traffic: per dependency and server, the summed latency to every placed callee (for a caller
 *   that would go there) and from every placed caller (for a callee): a unit's change is
 *   O(its dependencies), a placement's update O(its dependencies × servers). Pairs that no path
 *   joins are counted apart (`blocked`): they make a server unusable, not expensive.
 * - moves: per server, how many moved replicas use each layer not held before, so moved bytes
 *   count once per server like compute-moves.ts.
 */
export class NetworkTerms {
  private readonly S: number;
  private readonly startup: boolean;
  private readonly traffic: boolean;
  private readonly moves: boolean;
  private readonly weightStartup: number;
  private readonly weightTraffic: number;
  private readonly weightMoves: number;
  /** start-up: bytes each server pulls, and the seconds that takes */
  readonly pullBytes: Float64Array;
  readonly pullSeconds: Float64Array;
  private topDirty = true;
  /** the three servers with the longest pulls (-1 when fewer), longest first */
  private readonly topServer = new Int32Array(3).fill(-1);
  private readonly topSeconds = new Float64Array(3);
  /** traffic, per dependency and server: Σ latency to placed callees / from placed callers */
  private readonly toCallees: Float64Array[];
  private readonly fromCallers: Float64Array[];
  /** per dependency and server: placed callees a caller there could not reach, and vice versa */
  private readonly callerBlocked: Int32Array[];
  private readonly calleeBlocked: Int32Array[];
  trafficCost = 0;
  /** moves: per server, moved replicas using each layer it did not hold before */
  private readonly movedRefs: Int32Array[];
  moveBytes = 0;
  moveCount = 0;
  private readonly scratch: Int32Array;
  private readonly work: { units: number };

  constructor(
    private readonly cp: CompiledProblem,
    private readonly net: CompiledNetwork,
  ) {
    const S = cp.servers.length;
    const D = net.dependencies.length;
    this.S = S;
    this.work = cp.work;
    this.startup = cp.active.startup;
    this.traffic = cp.active.traffic;
    this.moves = cp.active.moves;
    this.weightStartup = cp.weights.startup;
    this.weightTraffic = cp.weights.traffic;
    this.weightMoves = cp.weights.moves;
    this.pullBytes = new Float64Array(this.startup ? S : 0);
    this.pullSeconds = new Float64Array(this.startup ? S : 0);
    const perDependency = (make: () => Float64Array | Int32Array, on: boolean) => (on ? Array.from({ length: D }, make) : []);
    this.toCallees = perDependency(() => new Float64Array(S), this.traffic) as Float64Array[];
    this.fromCallers = perDependency(() => new Float64Array(S), this.traffic) as Float64Array[];
    this.callerBlocked = perDependency(() => new Int32Array(S), true) as Int32Array[];
    this.calleeBlocked = perDependency(() => new Int32Array(S), true) as Int32Array[];
    const L = cp.layerSize.length;
    this.movedRefs = this.moves ? cp.servers.map(() => new Int32Array(L)) : [];
    this.scratch = new Int32Array(this.moves ? L : 0);
  }

  /** Σ weight × network term (start-up makespan, traffic, moves) */
  weightedCost(): number {
    let total = 0;
    if (this.startup) total += this.weightStartup * this.makespan();
    if (this.traffic) total += this.weightTraffic * this.trafficCost;
    if (this.moves) total += this.weightMoves * (this.moveBytes + this.net.movePenaltyBytes * this.moveCount);
    return total;
  }

  makespan(): number {
    this.refreshTop();
    return this.topSeconds[0];
  }

  /** whether unit `u` on server `j` would leave some replica pair of a dependency without a path */
  allows(u: number, j: number): boolean {
    const entries = this.net.unitDependencies[u];
    this.work.units += entries.length;
    for (const e of entries) {
      if (e.callers > 0 && this.callerBlocked[e.dependency][j] > 0) return false;
      if (e.callees > 0 && this.calleeBlocked[e.dependency][j] > 0) return false;
    }
    return true;
  }

  /** weighted network cost added if unplaced unit `u` joined `j` (`refs`: j's layer counts) */
  addCost(u: number, j: number, refs: Int32Array): number {
    let delta = 0;
    if (this.startup) {
      const more = this.pullChange(u, j, refs, 0);
      if (more > 0) delta += this.weightStartup * (this.makespanWith(j, this.pullBytes[j] + more) - this.makespan());
    }
    if (this.traffic) delta += this.weightTraffic * this.trafficOf(u, j, 1);
    if (this.moves) delta += this.weightMoves * this.movesOf(u, j, false);
    return delta;
  }

  /** weighted network cost saved if unit `u` left `j`, where it is placed */
  removeGain(u: number, j: number, refs: Int32Array): number {
    let gain = 0;
    if (this.startup) {
      const less = this.pullChange(u, j, refs, 1);
      if (less > 0) gain += this.weightStartup * (this.makespan() - this.makespanWith(j, this.pullBytes[j] - less));
    }
    if (this.traffic) gain += this.weightTraffic * this.trafficOf(u, j, -1);
    if (this.moves) gain += this.weightMoves * this.movesOf(u, j, true);
    return gain;
  }

  /**
   * Weighted network cost added if unplaced units `u` and `v` joined `b` and `a` (a ≠ b) together,
   * their interactions included: the makespan over both servers at once, and the traffic
   * between u and v. Infinity when no path would join them. (A swap's change, without doing it.)
   */
  pairAddCost(u: number, b: number, refsB: Int32Array, v: number, a: number, refsA: Int32Array): number {
    let delta = 0;
    if (this.startup) {
      const moreB = this.pullChange(u, b, refsB, 0);
      const moreA = this.pullChange(v, a, refsA, 0);
      if (moreA > 0 || moreB > 0) {
        const after = Math.max(this.longestExcept(a, b), pullTime(this.net, a, this.pullBytes[a] + moreA), pullTime(this.net, b, this.pullBytes[b] + moreB));
        delta += this.weightStartup * (after - this.makespan());
      }
    }
    if (this.traffic) delta += this.weightTraffic * (this.trafficOf(u, b, 1) + this.trafficOf(v, a, 1) + this.trafficBetween(u, b, v, a));
    if (this.moves) delta += this.weightMoves * (this.movesOf(u, b, false) + this.movesOf(v, a, false));
    return delta;
  }

  /** unweighted traffic between unit `u` on `b` and unit `v` on `a` (both unplaced) */
  private trafficBetween(u: number, b: number, v: number, a: number): number {
    const S = this.S;
    let total = 0;
    for (const eu of this.net.unitDependencies[u]) {
      for (const ev of this.net.unitDependencies[v]) {
        if (eu.dependency !== ev.dependency) continue;
        const dependency = this.net.dependencies[eu.dependency];
        let sum = 0;
        if (eu.callers > 0 && ev.callees > 0) sum += eu.callers * ev.callees * dependency.latency[b * S + a];
        if (ev.callers > 0 && eu.callees > 0) sum += ev.callers * eu.callees * dependency.latency[a * S + b];
        total += dependency.coef * sum;
      }
    }
    return total;
  }

  /**
   * For bounds: the weighted traffic to placed units and the move penalties that unit `u` would
   * add on `j`. Unlike moved bytes (which two units may share), these parts of different unplaced
   * units never overlap, so their sum over units is a valid lower bound.
   */
  separableAddCost(u: number, j: number): number {
    let delta = 0;
    if (this.traffic) delta += this.weightTraffic * this.trafficOf(u, j, 1);
    if (this.moves) {
      let count = 0;
      for (const m of this.net.movers[u]) if (m.server !== j) count++;
      delta += this.weightMoves * this.net.movePenaltyBytes * count;
    }
    return delta;
  }

  /** server `j`'s pull time if unplaced unit `u` joined it (start-up tracked only) */
  pullSecondsWith(u: number, j: number, refs: Int32Array): number {
    return this.startup ? pullTime(this.net, j, this.pullBytes[j] + this.pullChange(u, j, refs, 0)) : 0;
  }

  /** the start-up weight (0 when the term is not tracked) */
  get startupWeight(): number {
    return this.startup ? this.weightStartup : 0;
  }

  /** `refs` before the unit's layers are counted on `j` */
  place(u: number, j: number, refs: Int32Array): void {
    if (this.startup) this.setPull(j, this.pullBytes[j] + this.pullChange(u, j, refs, 0));
    if (this.traffic) this.trafficCost += this.trafficOf(u, j, 1);
    this.shiftNeighbours(u, j, 1);
    if (this.moves) this.shiftMoves(u, j, 1);
  }

  /** `refs` after the unit's layers left `j` */
  remove(u: number, j: number, refs: Int32Array): void {
    if (this.startup) this.setPull(j, this.pullBytes[j] - this.pullChange(u, j, refs, 0));
    this.shiftNeighbours(u, j, -1);
    if (this.traffic) this.trafficCost -= this.trafficOf(u, j, 1);
    if (this.moves) this.shiftMoves(u, j, -1);
  }

  /** work units a copy costs (charged by PlacementState.clone) */
  cloneWork(): number {
    return this.S * (this.callerBlocked.length * (this.traffic ? 4 : 2) + 2) + this.movedRefs.length * (this.scratch.length / 8);
  }

  copyFrom(other: NetworkTerms): void {
    this.pullBytes.set(other.pullBytes);
    this.pullSeconds.set(other.pullSeconds);
    this.topDirty = true;
    other.toCallees.forEach((a, d) => this.toCallees[d].set(a));
    other.fromCallers.forEach((a, d) => this.fromCallers[d].set(a));
    other.callerBlocked.forEach((a, d) => this.callerBlocked[d].set(a));
    other.calleeBlocked.forEach((a, d) => this.calleeBlocked[d].set(a));
    other.movedRefs.forEach((a, j) => this.movedRefs[j].set(a));
    this.trafficCost = other.trafficCost;
    this.moveBytes = other.moveBytes;
    this.moveCount = other.moveCount;
  }

  /** bytes of the unit's layers that are on `j` exactly `count` times and were not held before */
  private pullChange(u: number, j: number, refs: Int32Array, count: number): number {
    const layers = this.cp.units[u].layers;
    this.work.units += layers.length;
    const held = this.net.held[j];
    const size = this.cp.layerSize;
    let bytes = 0;
    for (const l of layers) if (refs[l] === count && !held[l]) bytes += size[l];
    return bytes;
  }

  private setPull(j: number, bytes: number): void {
    this.work.units += this.S;
    this.pullBytes[j] = bytes;
    this.pullSeconds[j] = pullTime(this.net, j, bytes);
    this.topDirty = true;
  }

  /** the makespan if server `j` pulled `bytes` and every other server what it pulls now */
  private makespanWith(j: number, bytes: number): number {
    return Math.max(this.longestExcept(j, -1), pullTime(this.net, j, bytes));
  }

  /** the longest pull time of the servers other than `a` and `b` */
  private longestExcept(a: number, b: number): number {
    this.refreshTop();
    for (let k = 0; k < 3; k++) {
      const j = this.topServer[k];
      if (j < 0) return 0;
      if (j !== a && j !== b) return this.topSeconds[k];
    }
    return 0;
  }

  private refreshTop(): void {
    if (!this.topDirty) return;
    const server = this.topServer;
    const seconds = this.topSeconds;
    server.fill(-1);
    seconds.fill(0);
    for (let j = 0; j < this.pullSeconds.length; j++) {
      const t = this.pullSeconds[j];
      let k = 3;
      while (k > 0 && (server[k - 1] < 0 || t > seconds[k - 1])) k--;
      if (k === 3) continue;
      for (let m = 2; m > k; m--) {
        server[m] = server[m - 1];
        seconds[m] = seconds[m - 1];
      }
      server[k] = j;
      seconds[k] = t;
    }
    this.topDirty = false;
  }

  /**
   * Unweighted traffic between unit `u` on `j` and the other placed units, plus the pairs
   * inside u: `inside` is +1 to add them (u unplaced, or the neighbour sums exclude u) and -1
   * when the sums already count u's own pairs twice (u placed on j).
   */
  private trafficOf(u: number, j: number, inside: 1 | -1): number {
    const entries = this.net.unitDependencies[u];
    this.work.units += entries.length;
    let total = 0;
    for (const e of entries) {
      const dependency = this.net.dependencies[e.dependency];
      let sum = e.callers * this.toCallees[e.dependency][j] + e.callees * this.fromCallers[e.dependency][j];
      if (e.callers > 0 && e.callees > 0) sum += inside * e.callers * e.callees * dependency.latency[j * this.S + j];
      total += dependency.coef * sum;
    }
    return total;
  }

  private shiftNeighbours(u: number, j: number, sign: 1 | -1): void {
    const S = this.S;
    for (const e of this.net.unitDependencies[u]) {
      const latency = this.net.dependencies[e.dependency].latency;
      this.work.units += S;
      if (e.callees > 0) {
        const near = this.traffic ? this.toCallees[e.dependency] : null;
        const blocked = this.callerBlocked[e.dependency];
        for (let x = 0; x < S; x++) {
          const ms = latency[x * S + j];
          if (!Number.isFinite(ms)) blocked[x] += sign * e.callees;
          else if (near) near[x] += sign * e.callees * ms;
        }
      }
      if (e.callers > 0) {
        const near = this.traffic ? this.fromCallers[e.dependency] : null;
        const blocked = this.calleeBlocked[e.dependency];
        for (let y = 0; y < S; y++) {
          const ms = latency[j * S + y];
          if (!Number.isFinite(ms)) blocked[y] += sign * e.callers;
          else if (near) near[y] += sign * e.callers * ms;
        }
      }
    }
  }

  /**
   * Unweighted moves term of unit `u`'s replicas on `j`: their penalty, and the bytes of their
   * layers that `j` did not hold before and no other moved replica brings (`placed`: u is there
   * and counted in movedRefs).
   */
  private movesOf(u: number, j: number, placed: boolean): number {
    const movers = this.net.movers[u];
    if (movers.length === 0) return 0;
    const held = this.net.held[j];
    const refs = this.movedRefs[j];
    const size = this.cp.layerSize;
    let count = 0,
      bytes = 0;
    if (movers.length === 1) {
      // The usual unit, one container: its layers are distinct, no de-duplication needed.
      const m = movers[0];
      if (m.server === j) return 0;
      this.work.units += m.layers.length;
      for (const l of m.layers) if (!held[l] && refs[l] === (placed ? 1 : 0)) bytes += size[l];
      return bytes + this.net.movePenaltyBytes;
    }
    const touched: number[] = [];
    for (const m of movers) {
      if (m.server === j) continue;
      count++;
      this.work.units += m.layers.length;
      for (const l of m.layers) if (!held[l] && this.scratch[l]++ === 0) touched.push(l);
    }
    for (const l of touched) {
      if (refs[l] === (placed ? this.scratch[l] : 0)) bytes += size[l];
      this.scratch[l] = 0;
    }
    return bytes + this.net.movePenaltyBytes * count;
  }

  private shiftMoves(u: number, j: number, sign: 1 | -1): void {
    const held = this.net.held[j];
    const refs = this.movedRefs[j];
    const size = this.cp.layerSize;
    for (const m of this.net.movers[u]) {
      if (m.server === j) continue;
      this.moveCount += sign;
      this.work.units += m.layers.length;
      for (const l of m.layers) {
        if (held[l]) continue;
        if (sign > 0 && refs[l]++ === 0) this.moveBytes += size[l];
        if (sign < 0 && --refs[l] === 0) this.moveBytes -= size[l];
      }
    }
  }
}
