import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compile-problem';
import { Deadline } from '../deadline';
import { loadHighsEngine } from '../engines/highs-engine';
import { bruteForceOptimum } from '../small-problems.fixture';
import { hubModel, randomSmallNetworkProblem, withReplica } from '../small-network-problems.fixture';
import { solvePlacement } from '../solve-placement';
import { identicalUnits } from '../order-identical-units';
import { liftedLinkingSeparator } from '../separate-lifted-linking';
import { hubPositionFloor } from './hub-position-floor';
import { chooseHub, splitOnHub, weighUnits, type SplitOptions } from './split-on-hub';

/** layer-flag splits of the 80 cases below: 4 when written (2026-12-03), room for fixture changes */
const LAYER_BRANCHED_AT_LEAST = 2;

const SEEDS = Array.from({ length: 40 }, (_, k) => 7000 + k);
const cases = SEEDS.flatMap((seed) => (['traffic', 'mixed'] as const).map((emphasis) => ({ seed, emphasis })));

function setUp(seed: number, emphasis: 'traffic' | 'mixed', replica = false) {
  const problem = replica ? withReplica(randomSmallNetworkProblem(seed, emphasis)) : randomSmallNetworkProblem(seed, emphasis);
  const cp = compileProblem(problem);
  return { problem, cp, ...hubModel(cp) };
}

type Engine = Awaited<ReturnType<typeof loadHighsEngine>>;

/** The split on a set-up problem with `cutoff` (no start, no setup time); `more` adds options. */
function runSplit(engine: Engine, { cp, model, hub }: ReturnType<typeof setUp>, cutoff: number, more: Partial<SplitOptions> = {}) {
  return splitOnHub(engine, new Deadline(30), {
    model: model.milp,
    xCol: model.xCol,
    S: cp.servers.length,
    hub: hub!,
    cutoff: () => cutoff,
    startAt: () => undefined,
    onSolution: () => {},
    setupSec: 0,
    tolerance: cp.costTolerance / model.objectiveUnit,
    ...more,
  });
}

describe('chooseHub', () => {
  it('picks the unit whose pairs weigh most, and none when no unit stands out', () => {
    const { cp, net, model } = setUp(7003, 'traffic');
    const weight = new Float64Array(cp.units.length);
    for (const p of net.trafficPairs) {
      weight[p.u] += p.weight;
      weight[p.v] += p.weight;
    }
    const hub = chooseHub(cp, net, model.xCol);
    const top = Math.max(...weight);
    if (hub === null) expect(weight.filter((w) => w === top).length > 1 || top === 0).toBe(true);
    else expect(weight[hub]).toBe(top);
    expect(chooseHub(cp, { ...net, trafficPairs: [] }, model.xCol)).toBeNull();
    const [first] = net.trafficPairs;
    if (first) expect(chooseHub(cp, { ...net, trafficPairs: [first] }, model.xCol)).toBeNull(); // both ends tie
  });
});

describe('splitOnHub (brute force over every assignment is the reference)', () => {
  let split = 0;

  it.each(cases)(
    'seed $seed, $emphasis: the positions cover the hub, their minimum is the optimum, a cutoff at it closes them all (layer flags integer)',
    async ({ seed, emphasis }) => {
      const setup = setUp(seed, emphasis);
      const { problem, cp, model, hub } = setup;
      const optimum = bruteForceOptimum(problem);
      if (hub === null || optimum === null) return;
      split++;
      const engine = await loadHighsEngine();
      const S = cp.servers.length;
      const value = optimum / model.objectiveUnit - model.offset;
      // The cutoff run declares the layer flags integer in its MIPs, as exact does.
      const run = (cutoff: number) => runSplit(engine, setup, cutoff, { integerColumns: Number.isFinite(cutoff) ? model.yCol : undefined });
      const eligible = Array.from({ length: S }, (_, j) => j).filter((j) => model.xCol[hub * S + j] >= 0);

      const free = await run(Infinity);
      expect(free.error).toBeUndefined();
      expect(free.positions.map((p) => p.server).sort()).toEqual(eligible);
      expect(free.positions.every((p) => p.closed)).toBe(true);
      expect(Math.abs(free.bound - value)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(value)));

      const cut = await run(value);
      expect(cut.positions.every((p) => p.closed)).toBe(true);
      expect(cut.bound).toBeGreaterThanOrEqual(value - 1e-6 * Math.max(1, Math.abs(value)));
      // Never above the optimum: the positions' bounds are proved, not guessed.
      expect(cut.bound).toBeLessThanOrEqual(value + 1e-6 * Math.max(1, Math.abs(value)));
    },
  );

  it('had a hub on most of the feasible problems', () => expect(split).toBeGreaterThanOrEqual(20));
});

describe('splitOnHub split again on the heaviest fractional units, best first', () => {
  let branched = 0;
  let ordered = 0;
  let cuts = 0;
  let floored = 0;

  it.each(cases)('seed $seed, $emphasis, one more replica: its leaves close to the brute-force optimum, and a cutoff at it closes them all', async ({ seed, emphasis }) => {
    // With one more replica of a container: identical units, which the split orders.
    const setup = setUp(seed, emphasis, true);
    const { problem, cp, net, model, hub } = setup;
    const optimum = bruteForceOptimum(problem);
    if (hub === null || optimum === null) return;
    const engine = await loadHighsEngine();
    const value = optimum / model.objectiveUnit - model.offset;
    const unitWeight = weighUnits(cp, net);
    const classes = identicalUnits(cp, net);
    // Every node after the first sub-MIP splits on up to three units before its own, so the
    // tree, the class order and the bounds children inherit are all exercised on these small
    // problems.
    // With the lifted rows on every open node and the floor on every position, as exact runs it.
    const separate = liftedLinkingSeparator(cp, model.xCol, model.yCol);
    const floor = hubPositionFloor(cp, net, model, hub) ?? undefined;
    const run = (cutoff: number) => runSplit(engine, setup, cutoff, { integerColumns: model.yCol, unitWeight, classes, splitDepth: 3, separate, floor });
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

    const free = await run(Infinity);
    expect(free.error).toBeUndefined();
    expect(free.positions.every((p) => p.closed)).toBe(true);
    expect(near(free.bound, value), `${free.bound} against the optimum ${value}`).toBe(true);
    if (free.stats.branched > 0) branched++;
    if (free.stats.branched > 0 && classes.some((members) => members.length > 1 && unitWeight[members[0]] > 0)) ordered++;

    const cut = await run(value);
    expect(cut.positions.every((p) => p.closed)).toBe(true);
    expect(cut.bound).toBeGreaterThanOrEqual(value - 1e-6 * Math.max(1, Math.abs(value)));
    expect(cut.bound).toBeLessThanOrEqual(value + 1e-6 * Math.max(1, Math.abs(value)));
    cuts += free.stats.cuts + cut.stats.cuts;
    // Positions the floor closed without an LP: one LP each fewer than positions.
    if (cut.stats.lps < cut.positions.length) floored++;
  });

  it('tightened nodes by lifted rows, and closed positions by the floor, on some of them', () => {
    // 18 rows and 2 floored cutoff runs of the 80 when written.
    expect(cuts).toBeGreaterThanOrEqual(5);
    expect(floored).toBeGreaterThanOrEqual(1);
  });

  it('split nodes again on some of them, with identical replicas ordered', () => {
    // 11 and 7 of the 80 when written: a replica ties the hub's weight on many of them.
    expect(branched).toBeGreaterThanOrEqual(8);
    expect(ordered).toBeGreaterThanOrEqual(4);
  });
});

describe('splitOnHub split on layer flags', () => {
  let layerBranched = 0;

  it.each(cases)('seed $seed, $emphasis, one more replica: a flag at 0 or 1 in each child, the leaves still close to the brute-force optimum', async ({ seed, emphasis }) => {
    const setup = setUp(seed, emphasis, true);
    const { problem, cp, net, model, hub } = setup;
    const optimum = bruteForceOptimum(problem);
    if (hub === null || optimum === null) return;
    const engine = await loadHighsEngine();
    const value = optimum / model.objectiveUnit - model.offset;
    const unitWeight = weighUnits(cp, net);
    const run = (cutoff: number) =>
      runSplit(engine, setup, cutoff, {
        integerColumns: model.yCol,
        unitWeight,
        classes: identicalUnits(cp, net),
        splitDepth: 3,
        separate: liftedLinkingSeparator(cp, model.xCol, model.yCol),
        layerColumns: model.yCol,
      });
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    const free = await run(Infinity);
    expect(free.error).toBeUndefined();
    expect(free.positions.every((p) => p.closed)).toBe(true);
    expect(near(free.bound, value), `${free.bound} against the optimum ${value}`).toBe(true);
    const cut = await run(value);
    expect(cut.positions.every((p) => p.closed)).toBe(true);
    expect(cut.bound).toBeGreaterThanOrEqual(value - 1e-6 * Math.max(1, Math.abs(value)));
    expect(cut.bound).toBeLessThanOrEqual(value + 1e-6 * Math.max(1, Math.abs(value)));
    layerBranched += free.stats.layerBranched + cut.stats.layerBranched;
  });

  it('branched on a layer flag on some of them', () => expect(layerBranched).toBeGreaterThanOrEqual(LAYER_BRANCHED_AT_LEAST));
});

describe('exact with and without the split', () => {
  it.each(cases.slice(0, 30))('seed $seed, $emphasis: proves the same brute-force optimum', async ({ seed, emphasis }) => {
    const problem = randomSmallNetworkProblem(seed, emphasis);
    const optimum = bruteForceOptimum(problem);
    for (const hubSplit of [true, false]) {
      const result = await solvePlacement(problem, { algorithm: 'exact', engine: 'highs', timeLimitSec: 30, exactTuning: { warmStart: false, hubSplit } });
      if (optimum === null) expect(result.status).toBe('infeasible');
      else {
        expect(result.status, `hubSplit ${hubSplit}: ${result.message}`).toBe('optimal');
        expect(Math.abs(result.cost! - optimum)).toBeLessThanOrEqual(1e-9 * optimum + 1e-6);
      }
    }
  });
});
