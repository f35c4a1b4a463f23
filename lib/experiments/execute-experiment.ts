import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { heldBy, requeueExperiment, requeueToOutcome } from '@/lib/placement-runs/claim-queued-work';
import { HEARTBEAT_MS, type ExecuteOptions, type ExecutionOutcome } from '@/lib/placement-runs/execute-placement-run';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { generateProblem } from '@/lib/placement/generate-problem';
import { runFigureSeries } from '@/lib/placement/run-figure-series';
import { solveInWorker } from '@/lib/placement/solve-in-worker';
import { buildTradeoffProblem } from './build-tradeoff-problem';
import { deriveScenarioProblem } from './derive-scenario-problem';
import { experimentParamsSchema, type ExperimentParams, type ExperimentPoint, type TradeoffPoint } from './experiment-schema';
import { runTradeoffSweep } from './run-tradeoff-sweep';

/** Runs an experiment's solves in order, handing each finished point to `record`. */
type Series = (signal: AbortSignal, record: (point: ExperimentPoint | TradeoffPoint) => void) => Promise<unknown>;

/**
 * What an experiment solves, read from the scenario when it starts: a figure's instances, or
 * the scenario's problem for a sweep. A scenario that no longer makes one ends the experiment
 * with the reason.
 */
async function prepareSeries(db: Db, scenarioId: string, params: ExperimentParams): Promise<{ ok: true; series: Series } | { ok: false; message: string }> {
  if (params.figure === 'tradeoff') {
    const built = await buildTradeoffProblem(db, scenarioId, params);
    if (!built.ok) return { ok: false, message: built.message };
    return { ok: true, series: (signal, record) => runTradeoffSweep({ problem: built.problem, params, solve: solveInWorker, signal, onPoint: record }) };
  }
  let makeProblem: Parameters<typeof runFigureSeries>[0]['makeProblem'] = (p) => generateProblem(p);
  if (params.source === 'scenario') {
    const built = await buildPlacementProblem(db, scenarioId);
    if (!built.ok) return { ok: false, message: describeBuildFailure(built) };
    makeProblem = (p) => deriveScenarioProblem(built.problem, p);
  }
  const series: Series = (signal, record) =>
    runFigureSeries({
      kind: params.figure,
      servers: params.servers,
      containers: params.containers,
      capacityScales: params.capacityScales,
      seed: params.seed,
      algorithms: params.algorithms,
      engine: params.engine,
      timeLimitSec: params.timeLimitSec,
      solve: (problem, solveOptions) => solveInWorker(problem, solveOptions),
      makeProblem,
      signal,
      onPoint: (point) => {
        if (point.result.status === 'cancelled') return;
        record({
          x: point.x,
          containers: point.containers,
          capacityScale: point.capacityScale,
          algorithm: point.algorithm,
          status: point.result.status,
          cost: point.result.cost,
          lowerBound: point.result.lowerBound,
          noSharingCost: point.result.noSharingCost,
          elapsedMs: point.result.elapsedMs,
        });
      },
    });
  return { ok: true, series };
}

/**
 * Runs every algorithm on every point, saving each point as it lands so the chart fills in.
 * Like a placement run, every write is conditional on this worker's claim; a worker shutting
 * down (`stop`) puts the experiment back in the queue.
 */
export async function executeExperiment(db: Db, experimentId: string, options: ExecuteOptions): Promise<ExecutionOutcome> {
  const { workerId } = options;
  const log = options.log ?? (() => undefined);
  const experiment = await db.experimentRun.findUniqueOrThrow({ where: { id: experimentId } });
  const params = experimentParamsSchema.parse(experiment.params);
  const controller = new AbortController();
  let lost: string | null = null;
  const onStop = () => controller.abort();
  options.stop?.addEventListener('abort', onStop, { once: true });
  const finish = async (data: Prisma.ExperimentRunUpdateManyMutationInput & { status: string }): Promise<ExecutionOutcome> => {
    const { count } = await db.experimentRun.updateMany({ where: heldBy(experimentId, workerId), data: { ...data, finishedAt: new Date() } });
    return count === 1 ? { kind: 'recorded', status: data.status } : { kind: 'lost', why: 'the experiment was no longer running under this worker when it ended' };
  };

  const prepared = await prepareSeries(db, experiment.scenarioId, params);
  if (!prepared.ok) {
    options.stop?.removeEventListener('abort', onStop);
    return finish({ status: 'error', message: prepared.message });
  }

  const points: (ExperimentPoint | TradeoffPoint)[] = [];
  let saving = Promise.resolve();
  let beating = false;
  const beat = async () => {
    if (beating || lost) return;
    beating = true;
    try {
      const { count } = await db.experimentRun.updateMany({ where: heldBy(experimentId, workerId), data: { heartbeatAt: new Date() } });
      if (count === 0) {
        lost = 'the experiment is no longer running under this worker';
        controller.abort();
        return;
      }
      const current = await db.experimentRun.findUnique({ where: { id: experimentId }, select: { cancelRequested: true } });
      if (current?.cancelRequested) controller.abort();
    } catch (error) {
      log(`experiment ${experimentId}: heartbeat failed: ${(error as Error).message}`);
    } finally {
      beating = false;
    }
  };
  // A beat catches its own failures (logged; the next beat tries again).
  const heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
  try {
    await prepared.series(controller.signal, (point) => {
      points.push(point);
      const snapshot = [...points];
      saving = saving.then(async () => {
        await db.experimentRun.updateMany({ where: heldBy(experimentId, workerId), data: { points: snapshot, pointsDone: snapshot.length, heartbeatAt: new Date() } });
      });
    });
    await saving;
    if (lost) return { kind: 'lost', why: lost };
    if (options.stop?.aborted) {
      return requeueToOutcome(await requeueExperiment(db, experimentId, workerId));
    }
    if (controller.signal.aborted) return await finish({ status: 'cancelled', message: `Cancelled after ${points.length} of ${experiment.pointsTotal} points.` });
    return await finish({ status: 'done' });
  } catch (error) {
    await saving.catch(() => undefined);
    if (lost) return { kind: 'lost', why: lost };
    return await finish({ status: 'error', message: `The experiment stopped: ${(error as Error).message}` });
  } finally {
    clearInterval(heartbeat);
    options.stop?.removeEventListener('abort', onStop);
  }
}
