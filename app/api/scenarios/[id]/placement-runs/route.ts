import { getDb } from '@/lib/db';
import { listPlacementRuns } from '@/lib/placement-runs/list-placement-runs';

/** The scenario's recent runs with their live progress; the placement page polls this. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const runs = await listPlacementRuns(await getDb(), id);
  return Response.json({ runs }, { headers: { 'cache-control': 'no-store' } });
}
