import { describe, expect, it } from 'vitest';
import { createPrng, randomInt } from '../prng';
import { addEdge, createFlowNetwork, findMinimumCut } from './find-minimum-cut';

describe('findMinimumCut', () => {
  it('equals the cheapest s–t cut found by enumerating every cut of random small graphs', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = createPrng(seed);
      const n = randomInt(random, 2, 8);
      const edges: [number, number, number][] = [];
      const m = randomInt(random, 0, 3 * n);
      for (let k = 0; k < m; k++) {
        const a = randomInt(random, 0, n - 1),
          b = randomInt(random, 0, n - 1);
        if (a === b) continue;
        // Some unbounded edges, as the closure networks have, but never on every s–t path.
        const capacity = random() < 0.15 && a !== 0 ? Infinity : randomInt(random, 0, 20) + (random() < 0.3 ? random() : 0);
        edges.push([a, b, capacity]);
      }
      const s = 0,
        t = n - 1;
      let brute = Infinity;
      for (let mask = 0; mask < 1 << n; mask++) {
        if (!(mask & (1 << s)) || mask & (1 << t)) continue;
        let cut = 0;
        for (const [a, b, c] of edges) if (mask & (1 << a) && !(mask & (1 << b))) cut += c;
        brute = Math.min(brute, cut);
      }
      if (!Number.isFinite(brute)) continue;
      const net = createFlowNetwork(n);
      for (const [a, b, c] of edges) addEdge(net, a, b, c);
      const { value, sourceSide } = findMinimumCut(net, s, t);
      expect(value, `seed ${seed}`).toBeCloseTo(brute, 9);
      // The source side it reports is a cut of that value.
      expect(sourceSide[s]).toBe(1);
      expect(sourceSide[t]).toBe(0);
      let sideCut = 0;
      for (const [a, b, c] of edges) if (sourceSide[a] && !sourceSide[b]) sideCut += c;
      expect(sideCut, `seed ${seed}`).toBeCloseTo(brute, 9);
    }
  });
});
