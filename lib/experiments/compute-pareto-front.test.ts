import { describe, expect, test } from 'vitest';
import { computeParetoFront } from './compute-pareto-front';

type P = { id: string; x: number; y: number };
const front = (points: P[]) =>
  computeParetoFront(
    points,
    (p) => p.x,
    (p) => p.y,
  ).map((p) => p.id);

describe('computeParetoFront', () => {
  test('keeps the points nothing beats on both, in ascending x', () => {
    const points = [
      { id: 'slow-small', x: 1, y: 9 },
      { id: 'dominated', x: 3, y: 8 },
      { id: 'middle', x: 2, y: 5 },
      { id: 'fast-big', x: 6, y: 1 },
      { id: 'worst', x: 7, y: 9 },
    ];
    expect(front(points)).toEqual(['slow-small', 'middle', 'fast-big']);
  });

  test('a tie on one measure is beaten by the point better on the other; equal points are all kept', () => {
    expect(
      front([
        { id: 'a', x: 1, y: 5 },
        { id: 'same-x-slower', x: 1, y: 7 },
        { id: 'same-y-bigger', x: 2, y: 5 },
        { id: 'a-again', x: 1, y: 5 },
      ]),
    ).toEqual(['a', 'a-again']);
  });

  test('one point that is best on both is the whole front; nothing measurable, no front', () => {
    expect(
      front([
        { id: 'best', x: 1, y: 1 },
        { id: 'b', x: 2, y: 3 },
        { id: 'c', x: 3, y: 2 },
      ]),
    ).toEqual(['best']);
    expect(front([{ id: 'nan', x: Number.NaN, y: 1 }])).toEqual([]);
    expect(front([])).toEqual([]);
  });

  test('a point is on the front exactly when no other point dominates it (random sets)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 10;
    for (let round = 0; round < 50; round++) {
      const points = Array.from({ length: 12 }, (_, i) => ({ id: String(i), x: Math.round(random()), y: Math.round(random()) }));
      const on = new Set(front(points));
      const dominates = (a: P, b: P) => a.x <= b.x && a.y <= b.y && (a.x < b.x || a.y < b.y);
      for (const p of points) expect(on.has(p.id)).toBe(!points.some((q) => dominates(q, p)));
    }
  });
});
