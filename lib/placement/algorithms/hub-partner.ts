import { runTaskInWorker, type TaskRun } from '../run-task-in-worker';
import type { HubSplitAnswer, HubSplitTask } from './hub-split-task';
import type { HubPartnerLink } from './split-on-hub';

/*
 * The shared board of the hub split's second thread (hub-split-task.ts), one whole number a
 * slot: values in model units scaled by SCALE and rounded down (a bound rounded down stays a
 * bound; the cutoff the worker reads is the one its proofs then refer to), ±LIMIT for ±Infinity.
 */
const SCALE = 1e6;
const LIMIT = Number.MAX_SAFE_INTEGER;
/** 1 once the worker has its model and has written -Infinity into its bounds */
export const HUB_STARTED_SLOT = 0;
/** the calling thread's incumbent (model units): the worker's cutoff */
export const HUB_CUTOFF_SLOT = 1;
/** bumped to odd before the worker writes a placement, to even after (a reader retries on odd or a change) */
export const HUB_SOLUTION_VERSION_SLOT = 2;
/** the worker's LPs and sub-MIPs so far (for the run's message) */
export const HUB_LPS_SLOT = 3;
export const HUB_MIPS_SLOT = 4;
/** bumped as HUB_SOLUTION_VERSION_SLOT is, around the calling thread's incumbent (the worker's MIP start) */
export const HUB_INCUMBENT_VERSION_SLOT = 5;
/** the hub server each side works on now (-1: none) */
export const HUB_WORKER_CLAIM_SLOT = 6;
export const HUB_CALLER_CLAIM_SLOT = 7;
const FIXED_SLOTS = 8;
/** the worker's bound for the hub on server j */
export const workerBoundSlot = (j: number) => FIXED_SLOTS + j;
/** the calling thread's bound for the hub on server j */
export const callerBoundSlot = (S: number, j: number) => FIXED_SLOTS + S + j;
/** the server of unit u in the worker's latest placement */
export const solutionSlot = (S: number, u: number) => FIXED_SLOTS + 2 * S + u;
/** the server of unit u in the calling thread's incumbent */
export const incumbentSlot = (S: number, U: number, u: number) => FIXED_SLOTS + 2 * S + U + u;
export const hubSlots = (S: number, U: number) => FIXED_SLOTS + 2 * S + 2 * U;

/**
 * A placement (unit → server) out of the board, written between two bumps of `versionSlot`;
 * null while it is being written or unchanged since `seen`.
 */
export function readPlacement(
  read: (slot: number) => number,
  versionSlot: number,
  slotOf: (u: number) => number,
  U: number,
  seen: number,
): { version: number; unitServer: Int32Array } | null {
  const version = read(versionSlot);
  if (version === seen || version % 2 === 1) return null;
  const unitServer = new Int32Array(U);
  for (let u = 0; u < U; u++) unitServer[u] = read(slotOf(u));
  return read(versionSlot) === version ? { version, unitServer } : null;
}

/** writes a placement for readPlacement; `version` is the last one written (even), the new one is returned */
export function writePlacement(write: (slot: number, value: number) => void, versionSlot: number, slotOf: (u: number) => number, unitServer: Int32Array, version: number): number {
  write(versionSlot, version + 1);
  for (let u = 0; u < unitServer.length; u++) write(slotOf(u), unitServer[u]);
  write(versionSlot, version + 2);
  return version + 2;
}

export function encodeValue(value: number): number {
  if (Number.isNaN(value)) return -LIMIT;
  return Math.max(-LIMIT, Math.min(LIMIT, Math.floor(value * SCALE)));
}

export function decodeValue(slot: number): number {
  if (slot >= LIMIT) return Infinity;
  if (slot <= -LIMIT) return -Infinity;
  return slot / SCALE;
}

/** A running hub split in a second thread, as the calling thread's split sees it. */
export type HubPartner = {
  link: HubPartnerLink;
  /** the calling thread's incumbent changed: its cost (model units) and placement */
  setIncumbent: (cutoff: number, unitServer: Int32Array) => void;
  /** asks the worker to stop (it answers when its current HiGHS call reaches a checkpoint) */
  stop: () => void;
  /** whether the worker started: whatever it shared then depended on the threads' timing */
  started: () => boolean;
  /** its LPs, sub-MIPs and the placements taken from it, for the run's message */
  stats: () => { lps: number; mips: number; taken: number };
  answer: Promise<HubSplitAnswer | null>;
};

export type HubPartnerOptions = {
  S: number;
  U: number;
  /** the calling thread's incumbent now: its cost (model units) and placement */
  cutoff: number;
  incumbent: Int32Array | null;
  /** a placement (unit → server) the worker found: the caller weighs it and keeps it if better */
  onPlacement: (unitServer: Int32Array) => void;
  hardLimitSec: number;
};

/**
 * Starts the hub split's worker (hub-split-task.ts) and gives the calling thread's split its
 * side of the board. No worker (no entry, a crash): nothing is ever published, every bound read
 * is -Infinity, and the calling thread's split runs as it would alone.
 */
export function startHubPartner(task: HubSplitTask, o: HubPartnerOptions): HubPartner {
  const run: TaskRun<HubSplitAnswer> = runTaskInWorker('hub-split', task, { hardLimitSec: o.hardLimitSec, slots: hubSlots(o.S, o.U) });
  run.write(HUB_CUTOFF_SLOT, encodeValue(o.cutoff));
  run.write(HUB_WORKER_CLAIM_SLOT, -1);
  run.write(HUB_CALLER_CLAIM_SLOT, -1);
  // Before the worker can read them: no bound yet from this side.
  for (let j = 0; j < o.S; j++) run.write(callerBoundSlot(o.S, j), -LIMIT);
  let written = 0;
  const setIncumbent = (cutoff: number, unitServer: Int32Array) => {
    run.write(HUB_CUTOFF_SLOT, encodeValue(cutoff));
    written = writePlacement(run.write, HUB_INCUMBENT_VERSION_SLOT, (u) => incumbentSlot(o.S, o.U, u), unitServer, written);
  };
  if (o.incumbent) setIncumbent(o.cutoff, o.incumbent);
  let seen = 0;
  let taken = 0;
  const started = () => run.read(HUB_STARTED_SLOT) === 1;
  const poll = () => {
    // Being written: taken next time.
    const found = readPlacement(run.read, HUB_SOLUTION_VERSION_SLOT, (u) => solutionSlot(o.S, u), o.U, seen);
    if (!found) return;
    seen = found.version;
    taken++;
    o.onPlacement(found.unitServer);
  };
  return {
    link: {
      boundAt: (server) => (started() ? decodeValue(run.read(workerBoundSlot(server))) : -Infinity),
      publish: (server, bound) => run.write(callerBoundSlot(o.S, server), encodeValue(bound)),
      poll,
      claim: (server) => run.write(HUB_CALLER_CLAIM_SLOT, server),
      claimed: () => run.read(HUB_WORKER_CLAIM_SLOT),
    },
    setIncumbent,
    stop: () => run.stop(),
    started,
    stats: () => ({ lps: run.read(HUB_LPS_SLOT), mips: run.read(HUB_MIPS_SLOT), taken }),
    answer: run.answer,
  };
}
