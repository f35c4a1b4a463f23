import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { TrafficCut, TrafficModel } from '../add-traffic-model';
import { columnsToUnitServers, placementToColumns, type ModelOptions } from '../build-placement-model';
import { compileProblem } from '../compile-problem';
import { Deadline } from '../deadline';
import { deriveNetworkCoefficients } from '../derive-network-coefficients';
import { loadHighsEngine } from '../engines/highs-engine';
import { identicalUnits } from '../order-identical-units';
import { liftedLinkingSeparator } from '../separate-lifted-linking';
import type { PlacementProblem } from '../types';
import type { TaskContext } from '../worker-tasks';
import {
  callerBoundSlot,
  decodeValue,
  encodeValue,
  HUB_CALLER_CLAIM_SLOT,
  HUB_CUTOFF_SLOT,
  HUB_INCUMBENT_VERSION_SLOT,
  HUB_LPS_SLOT,
  HUB_MIPS_SLOT,
  HUB_SOLUTION_VERSION_SLOT,
  HUB_WORKER_CLAIM_SLOT,
  HUB_STARTED_SLOT,
  incumbentSlot,
  readPlacement,
  solutionSlot,
  workerBoundSlot,
  writePlacement,
} from './hub-partner';
import { hubPositionFloor } from './hub-position-floor';
import { modelForEngine } from './model-for-engine';
import { splitOnHub, weighUnits } from './split-on-hub';

export type HubSplitTask = {
  problem: PlacementProblem;
  /** the calling thread's model choices (the network coefficients follow from the problem) */
  model: Omit<ModelOptions, 'network'> & { network: { traffic: TrafficModel; startupUnitCuts: boolean; trafficCuts: TrafficCut[] } };
  /** the calling thread's model's size: a model built otherwise here would mean other columns */
  numCols: number;
  numRows: number;
  hub: number;
  timeLimitSec: number;
  /**
   * the nice value of this thread (Linux; 0: unchanged): it then takes only the CPU the rest of
   * the machine leaves, so on a loaded machine the calling thread keeps its share of the clock
   */
  nice: number;
  /** the split's switches in this thread */
  split: {
    integerLayers: boolean;
    cuts: boolean;
    floor: boolean;
    /** split nodes again (the calling thread's way) rather than only give them longer sub-MIPs */
    resplit: boolean;
    /** with resplit: the calling thread's split depth and layer-flag splits */
    splitDepth: number;
    layerBranching: boolean;
    /** the calling thread's layer-integral relaxation of a node's first sub-MIP */
    relaxUnits: boolean;
    /** the shortest sub-MIP slice, seconds */
    minSliceSec: number;
  };
};

/**
 * Lowers this thread's priority: Linux's nice is per thread, and setpriority on a thread's id
 * (this one's from /proc/thread-self) sets that thread's alone. Elsewhere it stays as it is.
 */
function niceThisThread(nice: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // No /proc (not Linux) or not allowed: the thread runs at the process's priority.
  }
}

export type HubSplitAnswer = {
  /** the model here did not match the calling thread's: nothing was shared */
  mismatch: boolean;
  /** the split's bound here (model units), its partner's bounds joined */
  bound: number;
  lps: number;
  mips: number;
};

/**
 * The hub split (split-on-hub.ts) as a task for a second thread: the same problem compiled and
 * modelled here (building is deterministic, so the columns are the calling thread's), searched
 * by default with fewer, longer sub-MIPs on the weakest position, where the calling thread
 * splits. Each side's bound per hub server and this side's placements go through the shared
 * board (hub-partner.ts), so either may close a position for the other.
 */
export async function runHubSplitTask(task: HubSplitTask, ctx: TaskContext): Promise<HubSplitAnswer> {
  if (task.nice) niceThisThread(task.nice);
  const deadline = new Deadline(task.timeLimitSec, ctx.shouldStop);
  const cp = compileProblem(task.problem);
  const net = deriveNetworkCoefficients(cp);
  const built = modelForEngine(cp, { ...task.model, network: { ...task.model.network, coefficients: net } }, deadline);
  const S = cp.servers.length;
  if (!built || built.model.milp.numCols !== task.numCols || built.model.milp.rowLower.length !== task.numRows) {
    return { mismatch: built !== null, bound: -Infinity, lps: 0, mips: 0 };
  }
  const { model } = built;
  for (let j = 0; j < S; j++) ctx.publish(workerBoundSlot(j), encodeValue(-Infinity));
  const engine = await loadHighsEngine();
  ctx.publish(HUB_STARTED_SLOT, 1);
  let version = 0;
  /** the calling thread's incumbent, a MIP start where the hub is on the node's server */
  let incumbent: { version: number; unitServer: Int32Array } | null = null;
  const U = cp.units.length;
  const o = task.split;
  const unitWeight = weighUnits(cp, net);
  const stats = { lps: 0, mips: 0, branched: 0, leaves: 0, cuts: 0, layerBranched: 0, relaxedOpen: 0 };
  const split = await splitOnHub(engine, deadline, {
    model: model.milp,
    xCol: model.xCol,
    S,
    hub: task.hub,
    cutoff: () => decodeValue(ctx.read(HUB_CUTOFF_SLOT)),
    startAt: (server) => {
      incumbent = readPlacement(ctx.read, HUB_INCUMBENT_VERSION_SLOT, (u) => incumbentSlot(S, U, u), U, incumbent?.version ?? 0) ?? incumbent;
      return incumbent && incumbent.unitServer[task.hub] === server ? placementToColumns(model, cp, incumbent.unitServer) : undefined;
    },
    onSolution: (values) => {
      version = writePlacement(ctx.publish, HUB_SOLUTION_VERSION_SLOT, (u) => solutionSlot(S, u), columnsToUnitServers(model, cp, values), version);
    },
    setupSec: 2 * built.buildSec,
    tolerance: cp.costTolerance / model.objectiveUnit,
    integerColumns: o.integerLayers ? model.yCol : undefined,
    ...(o.resplit ? { unitWeight, classes: identicalUnits(cp, net), splitDepth: o.splitDepth, ...(o.layerBranching ? { layerColumns: model.yCol } : {}) } : {}),
    minSliceSec: o.minSliceSec,
    stats,
    ...(o.cuts ? { separate: liftedLinkingSeparator(cp, model.xCol, model.yCol) } : {}),
    ...(o.floor ? { floor: hubPositionFloor(cp, net, model, task.hub) ?? undefined } : {}),
    ...(o.relaxUnits ? { relaxedColumns: model.xCol } : {}),
    partner: {
      boundAt: (server) => decodeValue(ctx.read(callerBoundSlot(S, server))),
      publish: (server, bound) => ctx.publish(workerBoundSlot(server), encodeValue(bound)),
      poll: () => {
        ctx.publish(HUB_LPS_SLOT, stats.lps);
        ctx.publish(HUB_MIPS_SLOT, stats.mips);
      },
      claim: (server) => ctx.publish(HUB_WORKER_CLAIM_SLOT, server),
      claimed: () => ctx.read(HUB_CALLER_CLAIM_SLOT),
    },
  });
  ctx.publish(HUB_LPS_SLOT, stats.lps);
  ctx.publish(HUB_MIPS_SLOT, stats.mips);
  return { mismatch: false, bound: split.bound, lps: stats.lps, mips: stats.mips };
}
