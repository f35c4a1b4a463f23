import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

export async function deletePolicy(db: Db, scenarioId: string, policyId: string): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const policy = await tx.policy.findFirst({ where: { id: policyId, scenarioId }, select: { name: true } });
    if (!policy) throw new DomainError('NOT_FOUND', 'This policy no longer exists; someone may have deleted it. Reload to see the current state.');
    // Join rows go with it (ON DELETE CASCADE).
    await tx.policy.delete({ where: { id: policyId } });
    await tx.scenario.update({ where: { id: scenarioId }, data: { version: { increment: 1 } } });
    return policy;
  });
}
