'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { applyPlacementRun } from '@/lib/placement-runs/apply-placement-run';
import { cancelPlacementRun } from '@/lib/placement-runs/cancel-placement-run';
import { enqueuePlacementRuns } from '@/lib/placement-runs/enqueue-placement-runs';
import { previewObjective, type ObjectivePreview } from '@/lib/placement-runs/preview-objective';
import { runAction, type ActionResult } from './action-result';
import { readFormText } from './read-form-text';

/**
 * Records the runs and returns at once; the page follows their progress by polling. The objective
 * editor sends a preset (its weights are computed for the scenario on the server) or, as
 * `custom`, the weights typed; the Re-plan button submits the form with `replan=true`.
 */
export async function startPlacementRunsAction(_prev: unknown, form: FormData): Promise<ActionResult<{ runIds: string[] }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const preset = readFormText(form, 'preset');
      const custom = preset === 'custom';
      const result = await enqueuePlacementRuns(await getDb(), {
        scenarioId: readFormText(form, 'scenarioId') ?? '',
        algorithms: form.getAll('algorithms').map(String) as never,
        engine: (readFormText(form, 'engine') ?? 'auto') as never,
        objective: (readFormText(form, 'objective') ?? 'storage') as never,
        timeLimitSec: form.get('timeLimitSec'),
        seed: form.get('seed') || undefined,
        preset: custom || !preset ? undefined : (preset as never),
        weights: custom
          ? { storage: form.get('weightStorage'), startup: form.get('weightStartup'), traffic: form.get('weightTraffic'), moves: form.get('weightMoves') }
          : undefined,
        replan: readFormText(form, 'replan') === 'true',
      });
      revalidatePath('/placement');
      return result;
    }),
  );
}

export async function cancelPlacementRunAction(runId: string): Promise<ActionResult<{ status: string }>> {
  return runAction(() => asRole('planner', async () => cancelPlacementRun(await getDb(), runId)));
}

export async function applyPlacementRunAction(runId: string): Promise<ActionResult> {
  return runAction(() =>
    asRole('operator', async () => {
      await applyPlacementRun(await getDb(), runId);
      revalidatePath('/', 'layout');
      return {};
    }),
  );
}

/** The weights a preset stands for in this scenario, for the objective editor to show before a run. */
export async function previewObjectiveAction(scenarioId: string, preset: string): Promise<ActionResult<ObjectivePreview>> {
  return runAction(() => asRole('viewer', async () => previewObjective(await getDb(), scenarioId, preset)));
}
