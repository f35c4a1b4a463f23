'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db';
import { cancelExperiment } from '@/lib/experiments/cancel-experiment';
import { enqueueExperiment } from '@/lib/experiments/enqueue-experiment';
import { runAction, type ActionResult } from './action-result';
import { readFormText } from './read-form-text';

/** Records the experiment and returns at once; the work queue solves its points and the page
 * follows them by polling. Fig. 4 takes a list of container counts and one multiplier, Fig. 5
 * one container count and a list of multipliers, a trade-off sweep a list of weights per term. */
export async function startExperimentAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const scenarioId = readFormText(form, 'scenarioId') ?? '';
      const figure = readFormText(form, 'figure') ?? '';
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === 'string' && value.trim() !== '' ? value : undefined;
      };
      const common = { figure, seed: text('seed'), algorithms: form.getAll('algorithms').map(String), engine: text('engine'), timeLimitSec: text('timeLimitSec') };
      const input =
        figure === 'tradeoff'
          ? { ...common, startupWeights: text('startupWeights') ?? '', trafficWeights: text('trafficWeights') ?? '' }
          : {
              ...common,
              source: text('source'),
              servers: text('servers'),
              containers: figure === 'capacity' ? (text('containerCount') ?? '') : (text('containers') ?? ''),
              capacityScales: figure === 'capacity' ? (text('capacityScales') ?? '') : (text('capacityScale') ?? '1'),
            };
      const experiment = await enqueueExperiment(await getDb(), scenarioId, input);
      revalidatePath('/experiments');
      return experiment;
    }),
  );
}

export async function cancelExperimentAction(scenarioId: string, experimentId: string): Promise<ActionResult<{ status: string }>> {
  return runAction(() => asRole('planner', async () => cancelExperiment(await getDb(), scenarioId, experimentId)));
}
