import type { Db } from '@/lib/db';
import { experimentParamsSchema, type ExperimentParams, type ExperimentPoint } from './experiment-schema';

export type ExperimentView = {
  id: string;
  figure: 'containers' | 'capacity';
  source: 'synthetic' | 'scenario';
  params: ExperimentParams;
  status: string;
  cancelRequested: boolean;
  pointsDone: number;
  pointsTotal: number;
  points: ExperimentPoint[];
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** The scenario's experiments, newest first, as plain data for the page and its polling; with
 * `id`, just that one (still scoped to the scenario). */
export async function listExperiments(db: Db, scenarioId: string, options: { id?: string; limit?: number } = {}): Promise<ExperimentView[]> {
  const rows = await db.experimentRun.findMany({
    where: { scenarioId, ...(options.id ? { id: options.id } : {}) },
    orderBy: { createdAt: 'desc' },
    take: options.limit ?? 20,
  });
  return rows.map((row) => ({
    id: row.id,
    figure: row.figure === 'capacity' ? 'capacity' : 'containers',
    source: row.source === 'scenario' ? 'scenario' : 'synthetic',
    params: experimentParamsSchema.parse(row.params),
    status: row.status,
    cancelRequested: row.cancelRequested,
    pointsDone: row.pointsDone,
    pointsTotal: row.pointsTotal,
    points: Array.isArray(row.points) ? (row.points as unknown as ExperimentPoint[]) : [],
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}
