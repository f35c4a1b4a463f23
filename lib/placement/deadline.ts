/** A wall-clock budget plus an external stop flag (cancellation), checked cooperatively. */
export class Deadline {
  readonly start = performance.now();
  private readonly end: number;
  private readonly stop: () => boolean;

  constructor(seconds: number, stop: () => boolean = () => false) {
    this.end = this.start + Math.max(0, seconds) * 1000;
    this.stop = stop;
  }

  expired(): boolean {
    return performance.now() >= this.end || this.stop();
  }

  stopped(): boolean {
    return this.stop();
  }

  remainingSec(): number {
    return Math.max(0, (this.end - performance.now()) / 1000);
  }

  elapsedMs(): number {
    return performance.now() - this.start;
  }

  /** a budget that ends at the earlier of this one and `seconds` from now */
  sub(seconds: number): Deadline {
    return new Deadline(Math.min(seconds, this.remainingSec()), this.stop);
  }
}
