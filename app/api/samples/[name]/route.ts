import { z } from 'zod';
import { errorResponse } from '@/lib/actions/error-response';
import { readJsonBody } from '@/lib/actions/read-json-body';
import { runAction } from '@/lib/actions/action-result';
import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { findSample } from '@/lib/samples/sample-registry';
import { streamSampleCreation } from '@/lib/samples/stream-sample-creation';

const bodySchema = z.strictObject({ scenarioName: z.string().max(200).optional() });

/**
 * Builds a sample as a new scenario. The answer is newline-delimited JSON: progress events,
 * then `{"type":"created"}` or `{"type":"failed","errors":…}` (the scenario is written in one
 * transaction, so a failure leaves nothing behind).
 */
export const POST = guardRoute('planner', async (request: Request, context: { params: Promise<{ name: string }> }) => {
  const { name } = await context.params;
  const checked = await runAction(async () => {
    findSample(name);
    return { body: bodySchema.parse(await readJsonBody(request, 4096)) };
  });
  if (!checked.ok) return errorResponse(checked);
  const db = await getDb();
  return new Response(streamSampleCreation(db, name, checked.body.scenarioName), {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
});
