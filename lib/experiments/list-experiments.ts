import type { Db } from '@/lib/db';
import { z } from 'zod';
import { experimentParamsSchema, tradeoffPointSchema, type ExperimentPoint, type FigureParams, type TradeoffParams, type TradeoffPoint } from './experiment-schema';

type ExperimentRecord = {
  id: string;
  source: 'synthetic' | 'scenario';
  status: string;
  cancelRequested: boolean;
  pointsDone: number;
  pointsTotal: number;
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** An experiment as pages show it: a figure of the paper, or a trade-off sweep, each with its own points. */
export type ExperimentView = ExperimentRecord &
  ({ figure: 'containers' | 'capacity'; params: FigureParams; points: ExperimentPoint[] } | { figure: 'tradeoff'; params: TradeoffParams; points: TradeoffPoint[] });

// Points are written by this code, but a scenario document may bring any; unreadable ones are left out.
const tradeoffPointsSchema = z.array(z.unknown()).transform((items) => items.flatMap((item) => tradeoffPointSchema.safeParse(item).data ?? []));

/** The scenario's experiments, newest first, as plain data for the page and its polling; with
 * `id`, just that one (still scoped to the scenario). */
export async function listExperiments(db: Db, scenarioId: string, options: { id?: string; limit?: number } = {}): Promise<ExperimentView[]> {
  const rows = await db.experimentRun.findMany({
    where: { scenarioId, ...(options.id ? { id: options.id } : {}) },
    orderBy: { createdAt: 'desc' },
    take: options.limit ?? 20,
  });
  return rows.map((row) => {
    const record: ExperimentRecord = {
      id: row.id,
      source: row.source === 'scenario' ? 'scenario' : 'synthetic',
      status: row.status,
      cancelRequested: row.cancelRequested,
      pointsDone: row.pointsDone,
      pointsTotal: row.pointsTotal,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
    const params = experimentParamsSchema.parse(row.params);
    if (params.figure === 'tradeoff') return { ...record, figure: 'tradeoff', params, points: tradeoffPointsSchema.safeParse(row.points).data ?? [] };
    return { ...record, figure: params.figure, params, points: Array.isArray(row.points) ? (row.points as unknown as ExperimentPoint[]) : [] };
  });
}
