// Demands such as 0.1 + 0.2 cores must fit a 0.3-core budget despite binary rounding, so every
// capacity comparison in the engine (evaluate and the algorithms alike) allows the same tiny slack.
const RELATIVE_SLACK = 1e-9;

export function fitsWithin(used: number, limit: number): boolean {
  return used <= limit + RELATIVE_SLACK * Math.max(1, Math.abs(limit));
}
