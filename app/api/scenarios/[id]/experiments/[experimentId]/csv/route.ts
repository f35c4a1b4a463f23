import { getDb } from '@/lib/db';
import { experimentToCsv } from '@/lib/experiments/experiment-csv';
import { listExperiments } from '@/lib/experiments/list-experiments';

/** One experiment's points as CSV (bytes and milliseconds), for spreadsheets and re-plotting. */
export async function GET(_request: Request, context: { params: Promise<{ id: string; experimentId: string }> }) {
  const { id, experimentId } = await context.params;
  const [experiment] = await listExperiments(await getDb(), id, { id: experimentId });
  if (!experiment) return new Response('This experiment does not exist in this scenario.', { status: 404 });
  const fig = experiment.figure === 'containers' ? 'fig4-cost-vs-containers' : 'fig5-cost-vs-capacity';
  return new Response(experimentToCsv(experiment.figure, experiment.points), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fig}-${experiment.id.slice(0, 8)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
