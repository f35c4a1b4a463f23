import { runAction } from '@/lib/actions/action-result';
import { errorResponse } from '@/lib/actions/error-response';
import { readJsonBody } from '@/lib/actions/read-json-body';
import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { enqueuePlacementRuns } from '@/lib/placement-runs/enqueue-placement-runs';
import { startPlacementRunsSchema } from '@/lib/placement-runs/placement-run-schema';
import { listPlacementRuns } from '@/lib/placement-runs/list-placement-runs';

/** The scenario's recent runs with their live progress; the placement page polls this. */
export const GET = guardRoute('viewer', async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const runs = await listPlacementRuns(await getDb(), id);
  return Response.json({ runs }, { headers: { 'cache-control': 'no-store' } });
});

/** Starts runs from scripts: `{ "algorithms": ["exact"], "timeLimitSec": 60 }` → `{ ok, runIds }`. */
export const POST = guardRoute('planner', async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const result = await runAction(async () => {
    const body = await readJsonBody(request, 64 * 1024);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new DomainError('INVALID_INPUT', 'Send a JSON object: {"algorithms": ["exact"], "timeLimitSec": 60}.');
    return enqueuePlacementRuns(await getDb(), startPlacementRunsSchema.parse({ ...body, scenarioId: id }));
  });
  return result.ok ? Response.json(result, { status: 202 }) : errorResponse(result);
});
