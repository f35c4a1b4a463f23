import { runAction } from '@/lib/actions/action-result';
import { errorResponse } from '@/lib/actions/error-response';
import { readJsonBody } from '@/lib/actions/read-json-body';
import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { importScenarioDocument, MAX_DOCUMENT_BYTES, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { listScenarios } from '@/lib/scenarios/list-scenarios';

export const GET = guardRoute('viewer', async () => {
  return Response.json({ scenarios: await listScenarios(await getDb()) }, { headers: { 'cache-control': 'no-store' } });
});

/** Restores a scenario document (the JSON that Export writes) as a new scenario. */
export const POST = guardRoute('planner', async (request: Request) => {
  const result = await runAction(async () => {
    const parsed = parseScenarioDocument(await readJsonBody(request, MAX_DOCUMENT_BYTES));
    if (!parsed.ok) throw new DomainError('INVALID_DOCUMENT', parsed.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'), 'document');
    return importScenarioDocument(await getDb(), parsed.document);
  });
  return result.ok ? Response.json(result, { status: 201 }) : errorResponse(result);
});
