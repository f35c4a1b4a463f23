import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { generateProblem } from '@/lib/placement/generate-problem';
import { runFigureSeries } from '@/lib/placement/run-figure-series';
import { solveInWorker } from '@/lib/placement/solve-in-worker';
import { deriveScenarioProblem } from './derive-scenario-problem';
import { experimentParamsSchema, type ExperimentPoint } from './experiment-schema';

/** Runs every algorithm on every point, saving each point as it lands so the chart fills in. */
export async function executeExperiment(db: Db, experimentId: string, options: { stop?: AbortSignal } = {}): Promise<void> {
  const experiment = await db.experimentRun.findUniqueOrThrow({ where: { id: experimentId } });
  const params = experimentParamsSchema.parse(experiment.params);
  const controller = new AbortController();
  const onStop = () => controller.abort();
  options.stop?.addEventListener('abort', onStop, { once: true });
  const finish = (data: Prisma.ExperimentRunUpdateManyMutationInput) =>
    db.experimentRun.updateMany({ where: { id: experimentId }, data: { ...data, finishedAt: new Date() } });

  let makeProblem: Parameters<typeof runFigureSeries>[0]['makeProblem'] = (p) => generateProblem(p);
  if (params.source === 'scenario') {
    const built = await buildPlacementProblem(db, experiment.scenarioId);
    if (!built.ok) {
      await finish({ status: 'error', message: describeBuildFailure(built) });
      return;
    }
    makeProblem = (p) => deriveScenarioProblem(built.problem, p);
  }

  const points: ExperimentPoint[] = [];
  let saving = Promise.resolve();
  const beat = async () => {
    const current = await db.experimentRun.findUnique({ where: { id: experimentId }, select: { cancelRequested: true } }).catch(() => null);
    if (!current || current.cancelRequested) controller.abort();
    else await db.experimentRun.updateMany({ where: { id: experimentId }, data: { heartbeatAt: new Date() } });
  };
  // A beat that fails to write is not fatal: the next one tries again, and one that cannot read
  // the experiment stops it above. Left uncaught, the rejection would end the process.
  const heartbeat = setInterval(() => void beat().catch(() => undefined), 1000);
  try {
    await runFigureSeries({
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
      signal: controller.signal,
      onPoint: (point) => {
        if (point.result.status === 'cancelled') return;
        points.push({
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
        const snapshot = [...points];
        saving = saving.then(async () => {
          await db.experimentRun.updateMany({ where: { id: experimentId }, data: { points: snapshot, pointsDone: snapshot.length, heartbeatAt: new Date() } });
        });
      },
    });
    await saving;
    if (controller.signal.aborted) await finish({ status: 'cancelled', message: `Cancelled after ${points.length} of ${experiment.pointsTotal} points.` });
    else await finish({ status: 'done' });
  } catch (error) {
    await saving.catch(() => undefined);
    await finish({ status: 'error', message: `The experiment stopped: ${(error as Error).message}` });
  } finally {
    clearInterval(heartbeat);
    options.stop?.removeEventListener('abort', onStop);
  }
}
