/**
 * Work units per second of the 2-core benchmark machine, measured on greedy runs (10×50 and
 * 50×1000 synthetic); only used to size work budgets in roughly familiar seconds.
 */
export const WORK_PER_SECOND = 120_000_000;

/** Shared by a deadline and every budget carved out of it. */
type Shared = {
  /** did the wall clock ever cut the run? */
  clockCut: boolean;
  /** work done so far: the algorithms' charges plus PlacementState's operations (cp.work) */
  meter: { units: number };
};

/**
 * When a search stops. Heuristics stop on *work* (layers touched by placement-state operations
 * plus the candidates the algorithms look at), so the same problem, seed and limits give the
 * same answer on an idle or a loaded machine. The wall clock stays as a safety net: when it,
 * rather than a work budget, ends a search, `cutByClock()` says so and the result reports it.
 * An external stop flag (cancellation) ends everything at once.
 */
export class Deadline {
  readonly start = performance.now();
  private end: number;
  private readonly stop: () => boolean;
  private readonly shared: Shared;
  /** work units this budget may spend; Infinity = only the clock and the stop flag end it */
  readonly workLimit: number;
  private readonly startUnits: number;
  private readonly parent: Deadline | null;

  constructor(seconds: number, stop: () => boolean = () => false, workLimit = Infinity, shared?: Shared, parent: Deadline | null = null) {
    this.end = this.start + Math.max(0, seconds) * 1000;
    this.stop = stop;
    this.workLimit = workLimit;
    this.shared = shared ?? { clockCut: false, meter: { units: 0 } };
    this.startUnits = this.shared.meter.units;
    this.parent = parent;
  }

  /** the work meter a compiled problem's placement states charge (solve-placement links them) */
  get meter(): { units: number } {
    return this.shared.meter;
  }

  /** Work first (deterministic), then the stop flag, then the wall clock (recorded as a cut). */
  expired(): boolean {
    if (this.workExhausted()) return true;
    if (this.stop()) return true;
    if (performance.now() >= this.end) {
      this.shared.clockCut = true;
      return true;
    }
    return false;
  }

  /** charges `units` of work (shared by every budget of the run), then expired() */
  work(units: number): boolean {
    this.shared.meter.units += units;
    return this.expired();
  }

  private workExhausted(): boolean {
    return this.workSpent() >= this.workLimit || (this.parent?.workExhausted() ?? false);
  }

  /** fraction of the work budget still unspent (1 when the budget is unlimited) */
  workLeft(): number {
    return Number.isFinite(this.workLimit) ? Math.max(0, 1 - this.workSpent() / this.workLimit) : 1;
  }

  workSpent(): number {
    return this.shared.meter.units - this.startUnits;
  }

  stopped(): boolean {
    return this.stop();
  }

  /** whether the wall clock (not a work budget) ended some search under this deadline */
  cutByClock(): boolean {
    return this.shared.clockCut;
  }

  /** records that a solver this deadline handed its remaining time to stopped on the clock */
  markClockCut(): void {
    this.shared.clockCut = true;
  }

  remainingSec(): number {
    return Math.max(0, (this.end - performance.now()) / 1000);
  }

  elapsedMs(): number {
    return performance.now() - this.start;
  }

  /**
   * A budget of `units` work inside this one, with the same wall-clock safety net. Used by the
   * heuristics, so where they stop never depends on the machine's speed or load.
   */
  subWork(units: number): Deadline {
    const child = new Deadline(0, this.stop, units, this.shared, this);
    child.end = this.end;
    return child;
  }

  /**
   * A budget that ends at the earlier of this one and `seconds` from now. Only for phases that
   * hand a time limit to an engine (LP/MIP); a stop there is recorded as a clock cut.
   */
  sub(seconds: number): Deadline {
    return new Deadline(Math.min(seconds, this.remainingSec()), this.stop, Infinity, this.shared, this);
  }
}

/**
 * Batches small work charges (one per candidate looked at) so hot loops consult the deadline
 * only every `batch` units; deterministic like the charges themselves.
 */
export class WorkMeter {
  private pending = 0;

  constructor(
    private readonly deadline: Deadline,
    private readonly batch = 256,
  ) {}

  /** adds `units` and returns whether the deadline has expired (checked once per batch) */
  spend(units: number): boolean {
    this.pending += units;
    if (this.pending < this.batch) return false;
    const units_ = this.pending;
    this.pending = 0;
    return this.deadline.work(units_);
  }

  /** adds `units` to be charged with the next spend */
  add(units: number): void {
    this.pending += units;
  }
}
