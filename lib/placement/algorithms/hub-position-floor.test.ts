import { describe, expect, it } from 'vitest';
import { buildPlacementModel } from '../build-placement-model';
import { compileProblem, toAssignment } from '../compile-problem';
import { deriveNetworkCoefficients } from '../derive-network-coefficients';
import { evaluate } from '../evaluate';
import { hubModel, randomSmallNetworkProblem } from '../small-network-problems.fixture';
import { hubPositionFloor } from './hub-position-floor';
import { chooseHub } from './split-on-hub';

const cases = Array.from({ length: 40 }, (_, k) => 7400 + k).flatMap((seed) => (['traffic', 'mixed'] as const).map((emphasis) => ({ seed, emphasis })));

describe('hubPositionFloor (every valid placement is the reference)', () => {
  let positions = 0;
  let lifted = 0;

  it.each(cases)('seed $seed, $emphasis: below the cost of every valid placement with the hub there', ({ seed, emphasis }) => {
    // Without a current placement: the move term's credit would make the floor null.
    const problem = { ...randomSmallNetworkProblem(seed, emphasis), current: undefined };
    const cp = compileProblem(problem);
    if (cp.infeasibleReason) return;
    const { net, model, hub } = hubModel(cp);
    if (hub === null) return;
    const floor = hubPositionFloor(cp, net, model, hub);
    expect(floor).not.toBeNull();
    const S = cp.servers.length;
    const U = cp.units.length;
    const best = new Array<number>(S).fill(Infinity);
    const where = new Int32Array(U);
    for (;;) {
      const result = evaluate(problem, toAssignment(cp, where));
      if (result.feasible) best[where[hub]] = Math.min(best[where[hub]], result.cost / model.objectiveUnit - model.offset);
      let k = 0;
      while (k < U && ++where[k] === S) where[k++] = 0;
      if (k === U) break;
    }
    const atZero = hubPositionFloor(cp, { ...net, trafficPairs: [] }, model, hub)!;
    for (let j = 0; j < S; j++) {
      const value = floor!(j);
      if (Number.isFinite(best[j])) expect(value).toBeLessThanOrEqual(best[j] + 1e-9 * Math.max(1, Math.abs(best[j])));
      positions++;
      // Beyond the storage part: the hub's traffic counted.
      if (value > atZero(j) + 1e-9) lifted++;
    }
  });

  it('priced the hub traffic on many positions', () => {
    expect(positions).toBeGreaterThanOrEqual(40);
    expect(lifted).toBeGreaterThanOrEqual(positions / 4);
  });

  it('is null when a column costs less than zero (the move credit)', () => {
    for (let seed = 7400; seed < 7440; seed++) {
      const problem = randomSmallNetworkProblem(seed, 'mixed');
      const cp = compileProblem(problem);
      const net = deriveNetworkCoefficients(cp);
      if (cp.infeasibleReason || !(net.weights.moves > 0) || !net.moves) continue;
      const model = buildPlacementModel(cp, { capacityLinking: true, network: { coefficients: net, traffic: 'pairs', startupUnitCuts: true, trafficCuts: [] } });
      const hub = chooseHub(cp, net, model.xCol);
      if (hub === null || !model.milp.colCost.some((c) => c < 0)) continue;
      expect(hubPositionFloor(cp, net, model, hub)).toBeNull();
      return;
    }
    throw new Error('no problem with a move credit and a hub among the seeds');
  });
});
