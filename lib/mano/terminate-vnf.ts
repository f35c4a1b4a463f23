import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { terminateVnfSchema } from './vnf-lifecycle-schemas';

/**
 * Stops a VNF and frees its host's cpu and memory. Chains that crossed it lose it (their traffic
 * then goes straight through), and a VNF that chained to it becomes the end of its chain; the
 * result names the dependencies affected so the page can say so.
 */
export async function terminateVnf(db: Db, request: { vnfId: string }): Promise<{ scenarioId: string; name: string; chainsChanged: string[] }> {
  const { vnfId } = terminateVnfSchema.parse(request);
  const result = await db.$transaction(async (tx) => {
    const vnf = await tx.vnf.findUnique({
      where: { id: vnfId },
      select: {
        scenarioId: true,
        name: true,
        inChains: {
          select: { dependency: { select: { fromServiceId: true, toServiceId: true, fromService: { select: { name: true } }, toService: { select: { name: true } } } } },
        },
      },
    });
    if (!vnf) throw new DomainError('NOT_FOUND', 'This VNF no longer exists; someone may have terminated it already.');
    await tx.scenario.update({ where: { id: vnf.scenarioId }, data: { version: { increment: 1 } } });
    await tx.vnf.updateMany({ where: { nextVnfId: vnfId }, data: { nextVnfId: null, version: { increment: 1 } } });
    await tx.vnf.delete({ where: { id: vnfId } });
    // A chain editor opened before this must see its chain as changed, not save it back blindly.
    for (const { dependency } of vnf.inChains) {
      await tx.serviceDependency.update({
        where: { fromServiceId_toServiceId: { fromServiceId: dependency.fromServiceId, toServiceId: dependency.toServiceId } },
        data: { version: { increment: 1 } },
      });
    }
    const chainsChanged = [...new Set(vnf.inChains.map((c) => `${c.dependency.fromService.name} → ${c.dependency.toService.name}`))].sort();
    return { scenarioId: vnf.scenarioId, name: vnf.name, chainsChanged };
  });
  await recomputeAfterChange(db, result.scenarioId);
  return result;
}
