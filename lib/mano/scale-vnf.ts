import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { explainCapacityShortfall, loadHostCapacity } from './load-host-capacity';
import { scaleVnfSchema, type ScaleVnf } from './vnf-lifecycle-schemas';

/** Gives a VNF new cpu and memory, when its host can hold the new size beside everything else. */
export async function scaleVnf(db: Db, request: ScaleVnf): Promise<{ scenarioId: string }> {
  const input = scaleVnfSchema.parse(request);
  const scenarioId = await db.$transaction(async (tx) => {
    const vnf = await tx.vnf.findUnique({ where: { id: input.vnfId }, select: { scenarioId: true, hostServerId: true, name: true } });
    if (!vnf) throw new DomainError('NOT_FOUND', 'This VNF no longer exists; someone may have terminated it.');
    await tx.scenario.update({ where: { id: vnf.scenarioId }, data: { version: { increment: 1 } } });
    const host = await loadHostCapacity(tx, vnf.scenarioId, vnf.hostServerId, { excludeVnfId: input.vnfId });
    if (!host) throw new DomainError('NOT_FOUND', 'The edge server of this VNF no longer exists.');
    const shortfall = explainCapacityShortfall(host, input, `VNF “${vnf.name}” at its new size`);
    if (shortfall) throw new DomainError('INVALID_INPUT', shortfall, 'cpuCores');
    await tx.vnf.update({ where: { id: input.vnfId }, data: { cpuCores: input.cpuCores, memoryMiB: input.memoryMiB, version: { increment: 1 } } });
    return vnf.scenarioId;
  });
  await recomputeAfterChange(db, scenarioId);
  return { scenarioId };
}
