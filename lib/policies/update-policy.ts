import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { withUniqueNameGuard } from '@/lib/scenarios/with-unique-name-guard';
import { assertPolicyNameFree } from './assert-policy-name-free';
import { policyColumns } from './policy-columns';
import { policyInputSchema, type PolicyInput } from './policy-schema';
import { resolvePolicyMembers } from './resolve-policy-members';

/** Replaces a policy whole (type, members and cap), so a changed type never keeps stale members. */
export async function updatePolicy(db: Db, scenarioId: string, policyId: string, input: PolicyInput): Promise<{ id: string; name: string }> {
  const policy = policyInputSchema.parse(input);
  return withUniqueNameGuard(() =>
    db.$transaction(async (tx) => {
      const existing = await tx.policy.findFirst({ where: { id: policyId, scenarioId }, select: { id: true } });
      if (!existing) throw new DomainError('NOT_FOUND', 'This policy no longer exists; someone may have deleted it. Reload to see the current state.');
      await assertPolicyNameFree(tx, scenarioId, policy.name, policyId);
      const { serviceIds, edgeServerIds } = await resolvePolicyMembers(tx, scenarioId, policy);
      await tx.scenario.update({ where: { id: scenarioId }, data: { version: { increment: 1 } } });
      await tx.policyService.deleteMany({ where: { policyId } });
      await tx.policyEdgeServer.deleteMany({ where: { policyId } });
      return tx.policy.update({
        where: { id: policyId },
        data: {
          ...policyColumns(policy),
          services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
          edgeServers: { create: edgeServerIds.map((edgeServerId) => ({ edgeServerId })) },
        },
        select: { id: true, name: true },
      });
    }),
  );
}
