/**
 * The items no other item beats on both measures, both minimised: `a` dominates `b` when it is
 * no worse on either and better on one. Items equal on both are all kept (neither dominates the
 * other). Returned by ascending `x`, then `y`, the order a front is drawn in; items with a
 * non-finite measure are left out.
 */
export function computeParetoFront<T>(items: readonly T[], x: (item: T) => number, y: (item: T) => number): T[] {
  const sorted = items
    .map((item) => ({ item, x: x(item), y: y(item) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const front: typeof sorted = [];
  for (const p of sorted) {
    const last = front.at(-1);
    // Sorted by x, a point is on the front when nothing before it is as low in y, or it repeats the last front point.
    if (!last || p.y < last.y || (p.x === last.x && p.y === last.y)) front.push(p);
  }
  return front.map((p) => p.item);
}
