import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';
import { describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { OBJECTIVE_PRESETS, type ObjectivePreset } from '@/lib/placement-runs/objective-weights';
import { resolveObjective } from '@/lib/placement-runs/resolve-objective';
import { readScenarioName } from '@/lib/scenarios/read-scenario-name';

/** The scenario as the exact PlacementProblem a run would solve, to reproduce it with
 * `npx edgestack placement solve`: `?preset=balanced` (a version-2 problem with the preset's
 * weights), `?replan=true` (against the applied placement); neither gives version 1. */
export const GET = guardRoute('viewer', async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const query = new URL(request.url).searchParams;
  const objective = query.get('objective') === 'download' ? 'download' : 'storage';
  const presetText = query.get('preset');
  return downloadResponse(async () => {
    if (presetText !== null && !(OBJECTIVE_PRESETS as readonly string[]).includes(presetText)) {
      throw new DomainError('INVALID_INPUT', `Unknown preset “${presetText}”: use ${OBJECTIVE_PRESETS.join(', ')}.`);
    }
    const db = await getDb();
    const scenarioName = await readScenarioName(db, id);
    if (scenarioName === null) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    const resolved = await resolveObjective(db, id, objective, { preset: (presetText as ObjectivePreset | null) ?? undefined, replan: query.get('replan') === 'true' });
    if (!resolved.ok) throw new DomainError('INVALID_INPUT', 'built' in resolved ? describeBuildFailure(resolved.built) : resolved.message);
    return {
      body: `${JSON.stringify(resolved.built.problem, null, 2)}\n`,
      fileName: `${fileStem(scenarioName)}.placement-problem.json`,
      contentType: 'application/json; charset=utf-8',
    };
  });
});
