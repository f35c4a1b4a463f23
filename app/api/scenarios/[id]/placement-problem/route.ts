import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { readScenarioName } from '@/lib/scenarios/read-scenario-name';

/** The scenario as the exact PlacementProblem (spec v1) a run would solve, to reproduce it with
 * `npx edgestack placement solve`. */
export const GET = guardRoute('viewer', async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const objective = new URL(request.url).searchParams.get('objective') === 'download' ? 'download' : 'storage';
  return downloadResponse(async () => {
    const db = await getDb();
    const scenarioName = await readScenarioName(db, id);
    if (scenarioName === null) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    const built = await buildPlacementProblem(db, id, objective);
    if (!built.ok) throw new DomainError('INVALID_INPUT', describeBuildFailure(built));
    return { body: `${JSON.stringify(built.problem, null, 2)}\n`, fileName: `${fileStem(scenarioName)}.placement-problem.json`, contentType: 'application/json; charset=utf-8' };
  });
});
