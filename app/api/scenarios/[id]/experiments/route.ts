import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { listExperiments } from '@/lib/experiments/list-experiments';

/** The scenario's recent experiments with the points solved so far; the Experiments page polls this. */
export const GET = guardRoute('viewer', async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const experiments = await listExperiments(await getDb(), id);
  return Response.json({ experiments }, { headers: { 'cache-control': 'no-store' } });
});
