import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { experimentToCsv } from '@/lib/experiments/experiment-csv';
import { listExperiments } from '@/lib/experiments/list-experiments';
import { tradeoffToCsv } from '@/lib/experiments/tradeoff-csv';
import { downloadResponse } from '@/lib/exporters/download-response';

const FILE_STEMS = { containers: 'fig4-cost-vs-containers', capacity: 'fig5-cost-vs-capacity', tradeoff: 'tradeoff-sweep' } as const;

/** One experiment's points as CSV (raw units), for spreadsheets and re-plotting. */
export const GET = guardRoute('viewer', async (_request: Request, context: { params: Promise<{ id: string; experimentId: string }> }) => {
  const { id, experimentId } = await context.params;
  return downloadResponse(async () => {
    const [experiment] = await listExperiments(await getDb(), id, { id: experimentId });
    if (!experiment) throw new DomainError('NOT_FOUND', 'This experiment does not exist in this scenario.');
    const body = experiment.figure === 'tradeoff' ? tradeoffToCsv(experiment.points) : experimentToCsv(experiment.figure, experiment.points);
    return { body, fileName: `${FILE_STEMS[experiment.figure]}-${experiment.id.slice(0, 8)}.csv`, contentType: 'text/csv; charset=utf-8' };
  });
});
