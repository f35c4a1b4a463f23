'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { recomputeControlPlan } from '@/lib/control-plans/recompute-control-plan';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { instantiateVnf } from '@/lib/mano/instantiate-vnf';
import { scaleVnf } from '@/lib/mano/scale-vnf';
import { setServiceChain } from '@/lib/mano/set-service-chain';
import { terminateVnf } from '@/lib/mano/terminate-vnf';
import { setServicePort } from '@/lib/services/set-service-port';
import { runAction, type ActionResult } from './action-result';

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** The Recompute button: compiles the plan now and says what changed. */
export async function recomputeControlPlanAction(scenarioId: string): Promise<ActionResult<{ message: string }>> {
  return runAction(() =>
    asRole('operator', async () => {
      const outcome = await recomputeControlPlan(await getDb(), String(scenarioId));
      revalidatePath('/controllers');
      if (outcome.status === 'skipped') throw new DomainError('INVALID_INPUT', outcome.message);
      if (outcome.status === 'superseded') return { message: 'The scenario changed while computing; the plan of the newer state is being stored.' };
      const n = outcome.written.length;
      return { message: n === 0 ? `Nothing changed (${outcome.elapsedMs} ms).` : `${n} new artifact version${n === 1 ? '' : 's'} stored (${outcome.elapsedMs} ms).` };
    }),
  );
}

export async function instantiateVnfAction(_prev: unknown, form: FormData): Promise<ActionResult<{ vnfId: string }>> {
  return runAction(() =>
    asRole('operator', async () => {
      const result = await instantiateVnf(await getDb(), {
        scenarioId: field(form, 'scenarioId') ?? '',
        name: field(form, 'name') ?? '',
        kind: (field(form, 'kind') ?? '') as never,
        hostServerId: field(form, 'hostServerId') ?? '',
        cpuCores: field(form, 'cpuCores') ?? '',
        memoryMiB: field(form, 'memoryMiB') ?? '',
        controllerId: field(form, 'controllerId') || null,
      });
      revalidatePath('/', 'layout');
      return result;
    }),
  );
}

export async function scaleVnfAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(() =>
    asRole('operator', async () => {
      await scaleVnf(await getDb(), { vnfId: field(form, 'vnfId') ?? '', cpuCores: field(form, 'cpuCores') ?? '', memoryMiB: field(form, 'memoryMiB') ?? '' });
      revalidatePath('/', 'layout');
      return {};
    }),
  );
}

export async function terminateVnfAction(vnfId: string): Promise<ActionResult<{ message: string }>> {
  return runAction(() =>
    asRole('operator', async () => {
      const { name, chainsChanged } = await terminateVnf(await getDb(), { vnfId: String(vnfId) });
      revalidatePath('/', 'layout');
      return { message: `Terminated ${name}.${chainsChanged.length ? ` It is no longer in the chain of ${chainsChanged.join(', ')}.` : ''}` };
    }),
  );
}

/** The chain editor on the Network page: `vnfIds` in the order the traffic crosses them. */
export async function setServiceChainAction(_prev: unknown, form: FormData): Promise<ActionResult<{ message: string }>> {
  return runAction(() =>
    asRole('operator', async () => {
      const { dependency, chain } = await setServiceChain(await getDb(), {
        scenarioId: field(form, 'scenarioId') ?? '',
        fromServiceId: field(form, 'fromServiceId') ?? '',
        toServiceId: field(form, 'toServiceId') ?? '',
        vnfIds: form.getAll('vnfIds').filter((v): v is string => typeof v === 'string'),
        version: field(form, 'version') || null,
      });
      revalidatePath('/', 'layout');
      return { message: chain.length ? `${dependency} now crosses ${chain.join(' → ')}.` : `${dependency} now goes straight through, crossing no VNF.` };
    }),
  );
}

export async function setServicePortAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(() =>
    asRole('planner', async () => {
      await setServicePort(await getDb(), { serviceId: field(form, 'serviceId') ?? '', port: field(form, 'port') ?? '' });
      revalidatePath('/services');
      revalidatePath('/controllers');
      return {};
    }),
  );
}
