import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { setServiceChainSchema, type SetServiceChain } from './vnf-lifecycle-schemas';

/**
 * Replaces the service function chain of one dependency (caller → callee) with `vnfIds`, in
 * that order; an empty list lets its traffic go straight through. Every VNF must be in the
 * dependency's scenario and appear once. The control plan is recomputed after the commit, since
 * routes go through the chain's hosts.
 */
export async function setServiceChain(db: Db, request: SetServiceChain): Promise<{ scenarioId: string; dependency: string; chain: string[] }> {
  const input = setServiceChainSchema.parse(request);
  const result = await db.$transaction(async (tx) => {
    // The scenario row's lock first, as every edit takes it: a VNF terminated or a dependency
    // deleted concurrently is either gone before the reads below or waits for this commit.
    const bumped = await tx.scenario.updateMany({ where: { id: input.scenarioId }, data: { version: { increment: 1 } } });
    if (bumped.count === 0) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
    const dependency = await tx.serviceDependency.findFirst({
      where: { fromServiceId: input.fromServiceId, toServiceId: input.toServiceId, fromService: { scenarioId: input.scenarioId } },
      select: { version: true, fromService: { select: { name: true } }, toService: { select: { name: true } } },
    });
    if (!dependency) throw new DomainError('NOT_FOUND', 'This dependency no longer exists in this scenario; someone may have deleted it or one of its services.');
    const label = `${dependency.fromService.name} → ${dependency.toService.name}`;
    if (input.version !== null && input.version !== dependency.version) {
      throw new DomainError('STALE_VERSION', `The chain of ${label} was changed by someone else since you loaded it; your change was not saved. Reload to see the current chain.`);
    }

    const vnfs = await tx.vnf.findMany({ where: { id: { in: input.vnfIds } }, select: { id: true, name: true, scenarioId: true } });
    const byId = new Map(vnfs.map((v) => [v.id, v]));
    const seen = new Set<string>();
    for (const id of input.vnfIds) {
      const vnf = byId.get(id);
      if (!vnf) throw new DomainError('NOT_FOUND', 'A VNF of this chain no longer exists; someone may have terminated it. Reload and choose again.', 'vnfIds');
      if (vnf.scenarioId !== input.scenarioId)
        throw new DomainError('INVALID_INPUT', `VNF “${vnf.name}” belongs to another scenario; a chain may only cross VNFs of its own.`, 'vnfIds');
      if (seen.has(id)) throw new DomainError('INVALID_INPUT', `VNF “${vnf.name}” appears twice; a chain crosses each VNF once.`, 'vnfIds');
      seen.add(id);
    }

    const key = { fromServiceId: input.fromServiceId, toServiceId: input.toServiceId };
    await tx.serviceDependencyVnf.deleteMany({ where: key });
    if (input.vnfIds.length) await tx.serviceDependencyVnf.createMany({ data: input.vnfIds.map((vnfId, position) => ({ ...key, position, vnfId })) });
    await tx.serviceDependency.update({ where: { fromServiceId_toServiceId: key }, data: { version: { increment: 1 } } });
    return { scenarioId: input.scenarioId, dependency: label, chain: input.vnfIds.map((id) => byId.get(id)!.name) };
  });
  await recomputeAfterChange(db, result.scenarioId);
  return result;
}
