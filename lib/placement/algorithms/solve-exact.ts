import { countTrafficColumns, type TrafficCut, type TrafficModel } from '../add-traffic-model';
import { BYTES_PER_UNIT, columnsToUnitServers, orderInterchangeableServers, placementToColumns, type NetworkModelOptions } from '../build-placement-model';
import { toAssignment } from '../compile-problem';
import { WORK_PER_SECOND, type Deadline } from '../deadline';
import { boundFromStorage, deriveNetworkCoefficients, weighsStorageOnly } from '../derive-network-coefficients';
import { evaluate } from '../evaluate';
import { stateFromUnitServers, type PlacementState } from '../placement-state';
import type { ExactTuning, TermName } from '../types';
import { statusWithoutAnswer, type AlgorithmContext, type AlgorithmOutcome } from './algorithm-context';
import { hasSpareCore, runTaskInWorker, type TaskRun } from '../run-task-in-worker';
import { boundByColumns } from './bound-by-columns';
import { COLUMN_BOUND_SLOT, COLUMN_SLOTS, COLUMN_STARTED_SLOT, type ColumnBoundAnswer } from './column-bound-task';
import { improveByServerGroups } from './improve-by-server-groups';
import { layerCopiesBound } from './layer-copies-bound';
import { engineFitsIn, modelForEngine } from './model-for-engine';
import { continueSearch, runGreedySearch } from './run-greedy-search';
import { greedyWorkUnits } from './solve-greedy';
import { solveRelax } from './solve-relax';
import { chooseHub, splitOnHub, weighUnits } from './split-on-hub';
import { startHubPartner, type HubPartner } from './hub-partner';
import { liftedLinkingSeparator } from '../separate-lifted-linking';
import { hubPositionFloor } from './hub-position-floor';
import { identicalUnits } from '../order-identical-units';
import { createPrng } from '../prng';

const LARGE_MODEL = 600;

export type ExactOptions = ExactTuning;

/**
 * Column generation (branch and price) is on by default with HiGHS: the compact MIP has the
 * first 30 % of the time, the branch and price the rest, its root at most a quarter of that
 * (ablation in the README).
 */
const COLUMN_GENERATION = true;
/**
 * Pricing handles every unit per round (its branch and bound keeps layer counts per unit), so
 * beyond a few hundred units a round takes seconds and the compact MIP keeps all the time.
 */
const COLUMN_MAX_UNITS = 300;
/** share of the time left after the warm start that goes to column generation */
const COLUMN_SHARE = 0.7;
/** after this many seconds, a relative gap above EARLY_MIP_GAP ends the first compact MIP */
const EARLY_MIP_SEC = 5;
const EARLY_MIP_GAP = 0.05;
/** share of column generation's time its root LP may take before handing back to the MIP */
const ROOT_SHARE = 0.25;
/** `exactTuning.boundRoot`: the root's settings that reached 1 % fastest on 20 × 100 (README) */
const BOUND_ROOT = { compactStart: true, heuristicFirst: false, smoothing: 0.9, pricingNodes: 200_000, runnersUp: 5 } as const;

/**
 * The bound root in a worker thread beside the compact MIP (README, "A second thread for the
 * bound"): on storage-only problems above LARGE_MODEL with at least PARALLEL_MIN_SEC left after
 * the warm start. Its first exact round gives the compact LP's value (8 CPU-s on 20 × 100) and
 * it passes the MIP's bound only after tens of seconds, so shorter runs keep the one thread.
 */
const PARALLEL_BOUND = true;
const PARALLEL_MIN_SEC = 20;
/** the worker's limit ends this long before the run's, so that its answer is in by then */
const PARALLEL_MARGIN_SEC = 1.5;
/** how long past the run's limit its end waits for the worker's answer */
const PARALLEL_SLACK_MS = 200;

/**
 * The most columns the traffic linearisation may add (README, "Network terms in exact"): pairs
 * up to it, else stars, else the term is dropped. On Kdl's social network, 12,800 pair columns
 * (10 × 100) took a 12 s root LP on the loaded 2-core machine, 51,200 (20 × 100) took 83 s,
 * more than a default run.
 */
export const TRAFFIC_COLUMN_LIMIT = 15_000;

/** branch on the server of the unit with the most traffic first (split-on-hub.ts; README) */
const HUB_SPLIT = true;
/** the layer flags integer in the split's MIPs (README, "Network terms in exact") */
const HUB_INTEGER_LAYERS = true;

/** split a hub node whose sub-MIP ran out of its slice again, on its heaviest fractional unit (split-on-hub.ts) */
const HUB_RESPLIT = true;
/**
 * Units beyond the hub a node of the split fixes before its first sub-MIP: a position's MIP
 * stalls where its LP is weak (README, "Network terms in exact"), its children's LPs do not.
 */
const HUB_SPLIT_DEPTH = 1;
/** lifted capacity-linking rows on the split's open nodes (separate-lifted-linking.ts; README) */
const HUB_CUTS = true;
/** close hub positions by a bound without an LP (hub-position-floor.ts; README) */
const HUB_FLOOR = true;
/**
 * The split's sub-MIPs on the layer-integral relaxation, x continuous, when the start-up makespan
 * weighs nothing (layer-integral-relaxation.ts): its optimum was the node's on every Kdl position
 * tried and it gets there 2-5 times faster; low latency seed 2 is proved in 15 CPU-s with it.
 * Balanced (makespan weighed) ended worse: its weakest positions took 6 s each (README).
 */
const HUB_RELAX_UNITS = true;
/**
 * Split the hub's nodes on their costliest fractional layer flag before their units, when the
 * start-up makespan weighs nothing: on Kdl low latency seed 2 the LP's gap is the services'
 * image copies; with the makespan weighed (balanced) the binary splits took the sub-MIPs' time
 * and two of three runs ended worse (README).
 */
const HUB_LAYER_BRANCHING = true;
/**
 * The split depth with layer-flag splits: two children a split instead of one per server, so a
 * level more before the sub-MIPs (Kdl low latency seed 2 2.55 against 3.14 %, seeds 1 and 3
 * proved in the same 8.9 / 7.4 CPU-s: their first sub-MIP closes every position; README).
 */
const HUB_LAYER_SPLIT_DEPTH = 2;

/**
 * The hub split in a second thread beside this one's (hub-split-task.ts, hub-partner.ts; README,
 * "The hub split on the second core"): started as soon as the model is built, so its position
 * LPs and its first sub-MIP run while this thread rounds the LP and prices the positions. It
 * gives the weakest open node one long sub-MIP at a time (at least PARALLEL_HUB_SLICE_SEC)
 * where this thread splits; the two share their bounds per hub server and its placements.
 * By default only on models of at least PARALLEL_HUB_MIN_SIZE units × servers (the small ones
 * close on one thread in well under a second and keep its reproducible path; `parallelHub: true`
 * starts it whatever the size), with PARALLEL_HUB_MIN_SEC left and a spare core.
 */
const PARALLEL_HUB = true;
const PARALLEL_HUB_MIN_SIZE = 400;
const PARALLEL_HUB_MIN_SEC = 5;
const PARALLEL_HUB_SLICE_SEC = 1;
const PARALLEL_HUB_RESPLIT = true;
/**
 * The second thread's nice value: it takes the core the machine leaves idle and yields to
 * everything else, this thread included, so on a loaded machine it cannot slow this one down
 * (at load 6-8 on 2 cores, at the same priority, balanced seed 1's calling thread got too little
 * of the 15 s to price its positions; README).
 */
const PARALLEL_HUB_NICE = 10;

/** the valid rows on the traffic columns that pay (README, "Network terms in exact") */
const TRAFFIC_CUTS: TrafficCut[] = ['colocation', 'neighbourhood', 'layers'];

/** A solver bound in model units to bytes, rounded down with room for the solver's tolerances. */
export function boundToBytes(bound: number | null): number | null {
  if (bound === null || !Number.isFinite(bound)) return null;
  return Math.max(0, Math.floor(bound * BYTES_PER_UNIT * (1 - 1e-9) - 1));
}

/** A placement with its cost as evaluate weighs it (the one judge of every term). */
type Incumbent = { unitServer: Int32Array; cost: number };

/**
 * The solver's proved optimum, or the placement in hand when that evaluates lower: the two
 * differ only by the solver's tolerances (a weighted cost is not a whole number of bytes).
 */
const cheaper = (solved: Incumbent, other: Incumbent | null) => (other && other.cost < solved.cost ? other : solved);

/**
 * The ILP with the disaggregated linking constraints, warm-started from the greedy answer and
 * tightened with capacity-linking cuts; for a version-2 problem, with the weighted network terms
 * (start-up makespan, traffic, moves: build-placement-model.ts). Proves optimality or
 * infeasibility, or at the time limit returns the best placement seen with a proved bound.
 * Storage-only bounds (layer copies, the LP of relax, the branch and price) count only as
 * weight × storage bound, and the branch and price runs only when storage alone is weighed.
 */
export async function solveExact(ctx: AlgorithmContext, options: ExactOptions = {}): Promise<AlgorithmOutcome> {
  const { cp, deadline } = ctx;
  if (cp.infeasibleReason) return { status: 'infeasible', message: cp.infeasibleReason };
  const net = deriveNetworkCoefficients(cp);
  if (net.infeasibleReason) return { status: 'infeasible', message: net.infeasibleReason };
  const storageOnly = weighsStorageOnly(net);
  const storageWeight = net.weights.storage;
  const networkInModel = net.pulls !== null || net.latency !== null || net.moves !== null;
  const warmStart = options.warmStart ?? true;
  const symmetryBreaking = (options.symmetryBreaking ?? false) && !networkInModel;

  // The tightest traffic linearisation within the limit: pairs, else stars (exact too, a
  // weaker LP, far fewer columns), else none: the term is dropped.
  const droppedTerms: TermName[] = [];
  const notes: string[] = [];
  let traffic: TrafficModel = options.trafficModel ?? 'pairs';
  if (net.weights.traffic > 0) {
    const limit = options.trafficColumnLimit ?? TRAFFIC_COLUMN_LIMIT;
    const wanted = countTrafficColumns(cp, net, traffic);
    if (wanted > limit && traffic === 'pairs' && countTrafficColumns(cp, net, 'stars') <= limit) {
      notes.push(`exact linearised the traffic by stars: pairs would take ${wanted} columns, above its limit of ${limit}`);
      traffic = 'stars';
    } else if (wanted > limit) {
      droppedTerms.push('traffic');
      notes.push(
        `exact left the traffic between directly dependent replicas out of its model (${wanted} columns, above its limit of ${limit}): the answer is exact for the other terms, and its traffic cost is evaluated, not optimised`,
      );
      traffic = 'off';
    }
  }
  const network: NetworkModelOptions | undefined =
    networkInModel || storageWeight !== 1
      ? { coefficients: net, traffic, startupUnitCuts: options.startupUnitCuts ?? true, trafficCuts: options.trafficCuts ?? TRAFFIC_CUTS }
      : undefined;

  const weigh = (unitServer: Int32Array | null | undefined): Incumbent | null => {
    if (!unitServer) return null;
    const checked = evaluate(cp.problem, toAssignment(cp, unitServer));
    return checked.feasible ? { unitServer, cost: checked.cost } : null;
  };
  // Assigned in closures (offer): typed by a cast so that the checks below are not narrowed away.
  let incumbent = null as Incumbent | null;
  /** the hub split's second thread, when one runs: told of each better placement (its cutoff) */
  let partner = null as HubPartner | null;
  let partnerCutoff: (best: Incumbent) => void = () => {};
  const offer = (unitServer: Int32Array | null | undefined): Incumbent | null => {
    const candidate = weigh(unitServer);
    if (candidate && (!incumbent || candidate.cost < incumbent.cost)) {
      incumbent = candidate;
      partnerCutoff(candidate);
      ctx.report({ incumbentCost: candidate.cost, phase: 'incumbent' });
    }
    return candidate;
  };

  // The bound root in a second thread from the first placement in hand (the greedy search's,
  // before the server-group search), while this one goes on as it would alone: server groups,
  // rounding, compact MIP, branch and price. That is also the path when no worker can start.
  const parallelWanted =
    (options.parallelBound ?? PARALLEL_BOUND) &&
    !options.boundRoot &&
    (options.columnGeneration ?? COLUMN_GENERATION) &&
    storageOnly &&
    storageWeight === 1 &&
    ctx.engineName === 'highs' &&
    cp.units.length <= COLUMN_MAX_UNITS &&
    cp.units.length * cp.servers.length > LARGE_MODEL &&
    hasSpareCore();
  let parallel: TaskRun<ColumnBoundAnswer> | null = null;
  let parallelStart: Incumbent | null = null;
  const startParallel = (state: PlacementState | null) => {
    if (!parallelWanted || !state || deadline.remainingSec() < PARALLEL_MIN_SEC) return;
    // A copy: the server-group search goes on improving the state in place.
    parallelStart = { unitServer: Int32Array.from(state.unitServer), cost: state.cost };
    const timeLimitSec = deadline.remainingSec() - PARALLEL_MARGIN_SEC;
    parallel = runTaskInWorker(
      'column-bound',
      { problem: cp.problem, unitServer: parallelStart.unitServer, timeLimitSec, options: { ...BOUND_ROOT } },
      { hardLimitSec: timeLimitSec + PARALLEL_MARGIN_SEC + 10, slots: COLUMN_SLOTS },
    );
  };

  if (warmStart) {
    // Work, not time: the warm start (and so the MIP's path) is the same on every run.
    const budget = deadline.subWork(WORK_PER_SECOND * Math.min(1, ctx.timeLimitSec * 0.1));
    // The heuristics weigh every term as evaluate does (PlacementState.cost).
    const warm = runGreedySearch(cp, budget, ctx.random, (s) => ctx.report({ incumbentCost: s.cost, phase: 'greedy incumbent' }));
    startParallel(warm.proved ? null : warm.state);
    // As much work again for the server-group search (storage-only objectives): the MIP then starts from a better placement.
    if (warm.state && !warm.proved) improveByServerGroups(warm.state, deadline.subWork(WORK_PER_SECOND * Math.min(1, ctx.timeLimitSec * 0.1)), ctx.random);
    offer(warm.state?.unitServer);
  }
  // Every layer is stored on at least as many servers as its users need: a bound on the storage
  // term that holds even before the LP is solved.
  const storageFloor = (bytes: number) => boundFromStorage(net, bytes);

  /** what the second thread has proved so far (0 before anything) */
  const parallelFloor = () => (parallel ? storageFloor(parallel.read(COLUMN_BOUND_SLOT)) : 0);
  let lowerBound: number = storageFloor(layerCopiesBound(cp));
  let engineUsed = false;
  const modelOptions = {
    capacityLinking: options.capacityLinking ?? true,
    layerCover: options.layerCover ?? true,
    integerLayers: options.integerLayers ?? false,
    symmetryBreaking,
    network,
    identicalUnitOrder: options.identicalUnitOrder ?? false,
  };
  // Built before the rounding, on the whole run's clock: with too little time for it there is
  // no MIP to warm-start.
  const built = deadline.expired() ? null : modelForEngine(cp, modelOptions, deadline);
  const hubWanted = (options.hubSplit ?? HUB_SPLIT) && ctx.engineName === 'highs' && !storageOnly && traffic !== 'off' && net.weights.traffic > 0;
  const layerBranching = options.hubLayerBranching ?? (HUB_LAYER_BRANCHING && !(net.weights.startup > 0));
  const relaxUnits = options.hubRelaxUnits ?? (HUB_RELAX_UNITS && !(net.weights.startup > 0));
  // The relaxed sub-MIPs branch on the layer flags themselves: no split before them.
  const splitDepth = options.hubSplitDepth ?? (relaxUnits ? 0 : layerBranching ? HUB_LAYER_SPLIT_DEPTH : HUB_SPLIT_DEPTH);
  if (
    built &&
    network &&
    hubWanted &&
    (options.parallelHub ?? (PARALLEL_HUB && cp.units.length * cp.servers.length >= PARALLEL_HUB_MIN_SIZE)) &&
    deadline.remainingSec() >= PARALLEL_HUB_MIN_SEC &&
    hasSpareCore()
  ) {
    const hub = chooseHub(cp, net, built.model.xCol);
    const { objectiveUnit, offset } = built.model;
    if (hub !== null) {
      partner = startHubPartner(
        {
          problem: cp.problem,
          model: { ...modelOptions, network: { traffic: network.traffic, startupUnitCuts: network.startupUnitCuts, trafficCuts: [...network.trafficCuts] } },
          numCols: built.model.milp.numCols,
          numRows: built.model.milp.rowLower.length,
          hub,
          timeLimitSec: deadline.remainingSec(),
          nice: options.parallelHubNice ?? PARALLEL_HUB_NICE,
          split: {
            integerLayers: options.hubIntegerLayers ?? HUB_INTEGER_LAYERS,
            cuts: options.hubCuts ?? HUB_CUTS,
            floor: options.hubFloor ?? HUB_FLOOR,
            resplit: options.parallelHubResplit ?? PARALLEL_HUB_RESPLIT,
            splitDepth,
            layerBranching,
            relaxUnits,
            minSliceSec: options.parallelHubSliceSec ?? PARALLEL_HUB_SLICE_SEC,
          },
        },
        {
          S: cp.servers.length,
          U: cp.units.length,
          cutoff: incumbent ? incumbent.cost / objectiveUnit - offset : Infinity,
          incumbent: incumbent?.unitServer ?? null,
          onPlacement: (unitServer) => void offer(unitServer),
          hardLimitSec: deadline.remainingSec() + 10,
        },
      );
      partnerCutoff = (best) => partner?.setIncumbent(best.cost / objectiveUnit - offset, best.unitServer);
    }
  }
  // Beyond what the MIP closes quickly, the LP rounding finds better incumbents than the
  // greedy alone (measured on Fig. 4's 150+ containers), so the search starts from the better.
  // With network terms the MIP rarely improves on its start within seconds, and the rounding
  // found better starts on Kdl's social network (README, "Network terms in exact"): it joins in
  // whatever the size.
  // A root tuned for its bound (`boundRoot`) solves the same LP at once for its start: the
  // rounding's 6 s on 20 × 100 go to pricing instead.
  if (warmStart && built && (cp.units.length * cp.servers.length > LARGE_MODEL || !storageOnly) && !options.boundRoot && !deadline.expired()) {
    // relax on a stream of its own from the run's seed rounds as relax alone does, so exact
    // starts from a placement at least as good as relax's answer (Kdl balanced seed 3: 2.734
    // against 2.748 GB-eq. on the stream the greedy had drawn from; README).
    const rounded = await solveRelax({ ...ctx, random: createPrng(ctx.seed), deadline: deadline.sub(Math.min(15, deadline.remainingSec() * 0.25)) });
    offer(rounded.unitServer);
    // relax's bound is its storage LP at the storage weight (weighted-floor.ts): objective units.
    if (rounded.lowerBound !== undefined && rounded.lowerBound !== null) lowerBound = Math.max(lowerBound, rounded.lowerBound);
    engineUsed = rounded.usedEngine ?? false;
  }
  const offset = built?.model.offset ?? 0;
  const unit = built?.model.objectiveUnit ?? BYTES_PER_UNIT;
  /**
   * A solver bound (model units, without the constant every placement pays) in the objective's
   * units: whole bytes rounded down for the v1 model, else less a billionth and the solver's
   * absolute gap (weighted costs are not whole bytes).
   */
  const toBytes = (bound: number | null) => {
    if (bound === null || !Number.isFinite(bound)) return null;
    if (unit === BYTES_PER_UNIT) return boundToBytes(bound + offset);
    return Math.max(0, (bound + offset) * unit * (1 - 1e-9) - 1e-7 * unit);
  };

  /** a bound this close to a cost proves it: half a byte for storage, else a billionth of the scale */
  const closes = (bound: number, cost: number) => bound >= cost - cp.costTolerance;
  /** optimal, unless a weighted term was left out: then the proof covers only the others */
  const proved = (best: Incumbent, bound: number): AlgorithmOutcome =>
    droppedTerms.length === 0
      ? { status: 'optimal', unitServer: best.unitServer, lowerBound: best.cost, usedEngine: true }
      : { status: 'feasible', unitServer: best.unitServer, lowerBound: Math.min(bound, best.cost), usedEngine: true };
  /**
   * The second thread's answer joined to this one's: the better placement and the higher
   * bound. A proof here needs none from there (it is stopped and not waited for); otherwise it
   * is stopped and answers with what it has, waited for until this run's limit at most.
   */
  const joinParallel = async (run: TaskRun<ColumnBoundAnswer>, outcome: AlgorithmOutcome): Promise<AlgorithmOutcome> => {
    run.stop();
    if (outcome.status !== 'feasible' && outcome.status !== 'timeout' && outcome.status !== 'no-solution') return outcome;
    // Waited for until the run's own limit (its limit ends before; a pricing search under way
    // may take it past): after that, what it published stands in for its answer.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deadline.remainingSec() * 1000 + PARALLEL_SLACK_MS)));
    const answer = await Promise.race([run.answer, late]);
    clearTimeout(timer);
    // No answer (late, crashed): what it published still holds. Nothing published: no worker ran.
    const published = run.read(COLUMN_BOUND_SLOT);
    if (!answer && run.read(COLUMN_STARTED_SLOT) === 0) return outcome;
    const bytes = answer ? answer.bound : published > 0 ? published : null;
    notes.push(
      bytes === null
        ? 'column generation in a second thread: no bound in its time'
        : `column generation in a second thread: lower bound ${(bytes / 1e9).toFixed(4)} GB ${answer ? `after ${answer.iterations} rounds` : '(published before it was stopped)'}`,
    );
    // A bound published when it was stopped depends on when that was, like a clock cut.
    if (answer ? answer.clockCut : bytes !== null) deadline.markClockCut();
    let bound = Math.max(outcome.lowerBound ?? 0, bytes === null ? 0 : storageFloor(bytes));
    if (!answer) {
      if (incumbent && closes(bound, incumbent.cost)) return proved(incumbent, bound);
      return { ...outcome, lowerBound: bound };
    }
    engineUsed = true;
    const found = offer(answer.unitServer);
    // A closed tree: the best placement it knew (its own, else the start) is a storage optimum.
    if (answer.proved && parallelStart) bound = Math.max(bound, storageFloor(Math.min(found?.cost ?? Infinity, parallelStart.cost)));
    if (!incumbent) return { ...outcome, lowerBound: bound, usedEngine: true };
    if (closes(bound, incumbent.cost)) return proved(incumbent, bound);
    return { ...outcome, status: 'feasible', unitServer: incumbent.unitServer, lowerBound: bound, usedEngine: true };
  };
  const finish = async (outcome: AlgorithmOutcome): Promise<AlgorithmOutcome> => {
    partner?.stop();
    const joined = parallel ? await joinParallel(parallel, outcome) : outcome;
    const message = [...notes, ...(joined.message ? [joined.message] : [])].join('; ');
    return { ...joined, ...(droppedTerms.length > 0 ? { droppedTerms } : {}), ...(message ? { message } : {}) };
  };

  // The best placement so far, with its gap, when the time is up or too short for the MIP;
  // time too short for the MIP still improves the placement by local search.
  const stopHere = (): Promise<AlgorithmOutcome> => {
    if (!incumbent) return finish({ status: deadline.stopped() ? 'cancelled' : 'timeout', lowerBound, usedEngine: engineUsed });
    const start = deadline.expired() ? null : stateFromUnitServers(cp, incumbent.unitServer);
    if (start) {
      const budget = deadline.subWork(greedyWorkUnits(cp.units.length, cp.servers.length));
      const search = continueSearch(start, budget, ctx.random, (s) => ctx.report({ phase: 'improvement', incumbentCost: s.cost, bound: lowerBound }), { lowerBound });
      offer(search.state?.unitServer);
    }
    return finish({ status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: engineUsed });
  };
  // On 5,000 containers the model takes seconds to build and HiGHS seconds more before it can
  // be stopped: start it only with the time to stop it, else keep the warm start.
  if (!engineFitsIn(deadline, built)) return stopHere();
  const { model } = built;
  const engine = await ctx.engine();

  /** The compact MIP until `limit`, or until `giveUp` says that it will not close its gap. */
  const runMip = (limit: Deadline, giveUp: (gap: number) => boolean = () => false) => {
    let gap = Infinity;
    const start = incumbent;
    return engine.solve(model.milp, {
      timeLimitSec: limit.remainingSec(),
      // The time left once HiGHS has taken the model in, less its tail past a time limit
      // (about one build time on 5,000 containers: model-for-engine.ts).
      remainingSec: () => limit.remainingSec() - built.buildSec,
      start: start ? placementToColumns(model, cp, start.unitServer) : undefined,
      // The second thread's bound may close the gap first (then the start is proved optimal).
      shouldStop: () => limit.stopped() || limit.expired() || giveUp(gap) || (start !== null && closes(parallelFloor(), start.cost)),
      onProgress: ({ primal, dual }) => {
        if (primal !== null && dual !== null && dual + offset > 0) gap = (primal - dual) / (dual + offset);
        const bound = toBytes(dual);
        ctx.report({
          phase: 'branch and bound',
          incumbentCost: primal === null ? null : unit === BYTES_PER_UNIT ? Math.round((primal + offset) * unit) : (primal + offset) * unit,
          bound: parallel ? Math.max(bound ?? 0, parallelFloor()) : bound,
        });
      },
    });
  };
  const fromColumns = (values: Float64Array | null) => (values ? offer(columnsToUnitServers(model, cp, values)) : null);

  // The branch and price prices storage bytes and prunes against its incumbent's cost, which
  // the placement state weighs: only with storage alone at weight 1 are the two the same.
  if ((options.columnGeneration ?? COLUMN_GENERATION) && storageOnly && storageWeight === 1 && engine.name === 'highs' && cp.units.length <= COLUMN_MAX_UNITS) {
    // The compact MIP first: it proves the easy instances in seconds, where column generation
    // (slow pricing on loose capacity) would only delay the proof.
    ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null });
    // A gap still wide after a few seconds marks tight capacity, where the MIP's bound creeps
    // and the branch and price's does not: it gets the time at once.
    const firstStart = performance.now();
    const first = runMip(deadline.sub(deadline.remainingSec() * (1 - (options.columnShare ?? COLUMN_SHARE))), (gap) => {
      const wide = performance.now() - firstStart > EARLY_MIP_SEC * 1000 && gap > EARLY_MIP_GAP;
      if (wide) deadline.markClockCut();
      return wide;
    });
    if (first.status === 'infeasible' && !incumbent) return finish({ status: 'infeasible', usedEngine: true });
    if (first.status !== 'error' && first.status !== 'infeasible') {
      const solved = fromColumns(first.values);
      const bound = toBytes(first.status === 'optimal' ? first.objective : first.bound) ?? 0;
      if (first.status === 'optimal' && solved) return finish(proved(cheaper(solved, incumbent), bound));
      lowerBound = Math.max(lowerBound, bound, parallelFloor());
      if (incumbent && closes(lowerBound, incumbent.cost)) return finish(proved(incumbent, lowerBound));
    }
    if (deadline.expired()) return stopHere();
    ctx.report({ phase: 'column generation', incumbentCost: incumbent?.cost ?? null, bound: lowerBound });
    const startState = incumbent ? stateFromUnitServers(cp, incumbent.unitServer) : null;
    // The branch and price bounds and proves the storage term over the units' own eligibility;
    // storage alone is weighed here, so weight × its bound bounds the objective.
    const boundRoot = options.boundRoot ?? false;
    const columns = await boundByColumns(cp, engine, deadline, startState, {
      rootSec: deadline.remainingSec() * (boundRoot ? 1 : ROOT_SHARE),
      ...(boundRoot ? BOUND_ROOT : {}),
      report: (bound) => ctx.report({ phase: 'column generation', bound: bound === null ? null : storageFloor(bound) }),
    });
    engineUsed = true;
    if (columns.infeasible && !incumbent) {
      return finish({ status: 'infeasible', usedEngine: true, message: 'column generation proved that no combination of servers can hold every container' });
    }
    if (columns.bound !== null) lowerBound = Math.max(lowerBound, storageFloor(columns.bound));
    const state = columns.unitServer ? stateFromUnitServers(cp, columns.unitServer) : null;
    offer(columns.unitServer);
    if (columns.proved) {
      // A closed tree: the best placement it knows is a storage optimum over the units' own
      // eligibility, a relaxation of the network's, so its storage bounds every placement.
      const relaxed = Math.min(state?.storageCost ?? Infinity, startState?.storageCost ?? Infinity);
      if (Number.isFinite(relaxed)) lowerBound = Math.max(lowerBound, storageFloor(relaxed));
    }
    if (incumbent && closes(lowerBound, incumbent.cost)) return finish(proved(incumbent, lowerBound));
    // A converged root means the branch and price had the rest of the time; otherwise the
    // compact MIP takes it back.
    if (columns.converged || !engineFitsIn(deadline, built)) return stopHere();
  }

  // glpk.js reports no bound at a time limit, so take the LP relaxation's first.
  if (engine.name === 'glpk') {
    const lp = engine.solve(model.milp, { relax: true, timeLimitSec: deadline.remainingSec() / 4, remainingSec: () => deadline.remainingSec() / 4 });
    if (lp.status === 'infeasible') return finish({ status: 'infeasible', usedEngine: true, message: 'LP relaxation is infeasible' });
    if (lp.status === 'optimal') lowerBound = Math.max(lowerBound, toBytes(lp.bound) ?? 0);
    ctx.report({ bound: lowerBound, incumbentCost: incumbent?.cost ?? null, phase: 'LP relaxation' });
  }

  if (incumbent && symmetryBreaking) {
    // The same placement relabelled to obey the symmetry rows, so the MIP accepts it as a start.
    const relabelled = weigh(orderInterchangeableServers(cp, incumbent.unitServer));
    if (relabelled && relabelled.cost <= incumbent.cost) incumbent = relabelled;
  }
  ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null });
  engineUsed ||= engine.name === 'glpk';
  if (!engineFitsIn(deadline, built)) return stopHere();

  const hub = hubWanted && engine.name === 'highs' ? chooseHub(cp, net, model.xCol) : null;
  if (hub !== null) {
    ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null, bound: lowerBound });
    const unitWeight = weighUnits(cp, net);
    const split = await splitOnHub(engine, deadline, {
      model: model.milp,
      xCol: model.xCol,
      S: cp.servers.length,
      hub,
      cutoff: () => (incumbent ? incumbent.cost / unit - offset : Infinity),
      startAt: (server) => (incumbent && incumbent.unitServer[hub] === server ? placementToColumns(model, cp, incumbent.unitServer) : undefined),
      onSolution: (values) => {
        fromColumns(values);
      },
      setupSec: 2 * built.buildSec,
      tolerance: cp.costTolerance / unit,
      integerColumns: (options.hubIntegerLayers ?? HUB_INTEGER_LAYERS) ? model.yCol : undefined,
      ...((options.hubResplit ?? HUB_RESPLIT) ? { unitWeight, classes: identicalUnits(cp, net) } : {}),
      onBound: (bound) => ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null, bound: Math.max(lowerBound, toBytes(bound) ?? 0) }),
      splitDepth,
      ...((options.hubCuts ?? HUB_CUTS) ? { separate: liftedLinkingSeparator(cp, model.xCol, model.yCol) } : {}),
      ...(layerBranching ? { layerColumns: model.yCol } : {}),
      ...((options.hubFloor ?? HUB_FLOOR) ? { floor: hubPositionFloor(cp, net, model, hub) ?? undefined } : {}),
      ...(relaxUnits ? { relaxedColumns: model.xCol } : {}),
      ...(partner ? { partner: partner.link } : {}),
    });
    if (partner) {
      // Its last placement, then it stops: its bounds are in the split's already.
      partner.link.poll();
      partner.stop();
      const shared = partner.stats();
      if (partner.started()) {
        notes.push(`hub split in a second thread: ${shared.lps} LPs, ${shared.mips} sub-MIPs, ${shared.taken} placements passed on`);
        // What the two threads passed each other depended on their timing.
        deadline.markClockCut();
      }
    }
    notes.push(
      `hub split: ${split.stats.lps} LPs, ${split.stats.mips} sub-MIPs, ${split.stats.branched} nodes split again, ${split.stats.leaves} leaves, ${split.stats.cuts} cuts`,
    );
    engineUsed = true;
    if (!split.error) {
      if (split.clockCut) deadline.markClockCut();
      lowerBound = Math.max(lowerBound, toBytes(split.bound) ?? 0);
      ctx.report({ phase: 'branch and bound', incumbentCost: incumbent?.cost ?? null, bound: lowerBound });
      if (incumbent && closes(lowerBound, incumbent.cost)) return finish(proved(incumbent, lowerBound));
      if (!incumbent) {
        // Every position closed without a placement: none exists.
        if (split.positions.length > 0 && split.positions.every((p) => p.bound === Infinity)) return finish({ status: 'infeasible', usedEngine: true });
        return finish({ status: statusWithoutAnswer(ctx), lowerBound, usedEngine: true });
      }
      return finish({ status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: true });
    }
  }
  const outcome = runMip(deadline);

  if (outcome.status === 'error') {
    if (incumbent) return finish({ status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: true, message: outcome.message });
    return finish({ status: 'error', usedEngine: true, message: outcome.message });
  }
  if (outcome.status === 'infeasible') {
    // A placement in hand contradicts the proof; trust the placement (evaluate checks it).
    if (incumbent) return finish({ status: 'feasible', unitServer: incumbent.unitServer, lowerBound, usedEngine: true });
    return finish({ status: 'infeasible', usedEngine: true });
  }

  const solved = fromColumns(outcome.values);
  const best = incumbent;
  let bound = Math.max(toBytes(outcome.bound) ?? 0, lowerBound);
  if (outcome.status === 'optimal') {
    // Optimal to within a fraction of a byte (mip_rel_gap 0), so the bound is the cost itself;
    // unless the solver's answer failed our own check, in which case only its value is a bound.
    const value = toBytes(outcome.objective) ?? bound;
    if (solved) return finish(proved(cheaper(solved, best), Math.max(bound, value)));
    bound = Math.max(bound, value);
  }
  if (!best) return finish({ status: statusWithoutAnswer(ctx), lowerBound: bound, usedEngine: true });
  if (closes(bound, best.cost)) return finish(proved(best, bound));
  return finish({ status: 'feasible', unitServer: best.unitServer, lowerBound: bound, usedEngine: true });
}
