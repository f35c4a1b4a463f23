import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { explainCapacityShortfall, loadHostCapacity } from './load-host-capacity';
import { instantiateVnfSchema, type InstantiateVnf } from './vnf-lifecycle-schemas';

/**
 * Starts a VNF on an edge server, managed by a MANO controller, when the host has the cpu and
 * memory free (after its VNFs, controllers and the applied placement's replicas); refused
 * with the figures otherwise. The control plan is recomputed after the commit.
 */
export async function instantiateVnf(db: Db, request: InstantiateVnf): Promise<{ vnfId: string }> {
  const input = instantiateVnfSchema.parse(request);
  const vnfId = await db.$transaction(async (tx) => {
    // Bumping the version takes the scenario row's lock: two MANO actions on one host cannot
    // both pass the capacity check on the same free cores.
    const bumped = await tx.scenario.updateMany({ where: { id: input.scenarioId }, data: { version: { increment: 1 } } });
    if (bumped.count === 0) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    if (input.controllerId) {
      const controller = await tx.controller.findFirst({ where: { id: input.controllerId, scenarioId: input.scenarioId }, select: { kind: true, name: true } });
      if (!controller) throw new DomainError('NOT_FOUND', 'That MANO controller no longer exists.', 'controllerId');
      if (controller.kind !== 'mano') throw new DomainError('INVALID_INPUT', `“${controller.name}” is not a MANO controller.`, 'controllerId');
    }
    const host = await loadHostCapacity(tx, input.scenarioId, input.hostServerId);
    if (!host) throw new DomainError('NOT_FOUND', 'That edge server no longer exists in this scenario.', 'hostServerId');
    const shortfall = explainCapacityShortfall(host, input, `a new VNF “${input.name}”`);
    if (shortfall) throw new DomainError('INVALID_INPUT', shortfall, 'hostServerId');
    if (await tx.vnf.count({ where: { scenarioId: input.scenarioId, name: input.name } })) {
      throw new DomainError('NAME_TAKEN', `A VNF named “${input.name}” already exists in this scenario.`, 'name');
    }
    const vnf = await tx.vnf.create({
      data: { scenarioId: input.scenarioId, name: input.name, kind: input.kind, hostServerId: input.hostServerId, cpuCores: input.cpuCores, memoryMiB: input.memoryMiB },
    });
    if (input.controllerId) await tx.controllerManagedVnf.create({ data: { controllerId: input.controllerId, vnfId: vnf.id } });
    return vnf.id;
  });
  await recomputeAfterChange(db, input.scenarioId);
  return { vnfId };
}
