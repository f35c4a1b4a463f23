'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { applyPlacementRun } from '@/lib/placement-runs/apply-placement-run';
import { cancelPlacementRun } from '@/lib/placement-runs/cancel-placement-run';
import { enqueuePlacementRuns } from '@/lib/placement-runs/enqueue-placement-runs';
import { runAction, type ActionResult } from './action-result';
import { readFormText } from './read-form-text';

/** Records the runs and returns at once; the page follows their progress by polling. */
export async function startPlacementRunsAction(_prev: unknown, form: FormData): Promise<ActionResult<{ runIds: string[] }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const result = await enqueuePlacementRuns(await getDb(), {
        scenarioId: readFormText(form, 'scenarioId') ?? '',
        algorithms: form.getAll('algorithms').map(String) as never,
        engine: (readFormText(form, 'engine') ?? 'auto') as never,
        objective: (readFormText(form, 'objective') ?? 'storage') as never,
        timeLimitSec: form.get('timeLimitSec'),
        seed: form.get('seed') || undefined,
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
