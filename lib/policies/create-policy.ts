import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { withUniqueNameGuard } from '@/lib/scenarios/with-unique-name-guard';
import { assertPolicyNameFree } from './assert-policy-name-free';
import { policyColumns } from './policy-columns';
import { policyInputSchema, type PolicyInput } from './policy-schema';
import { resolvePolicyMembers } from './resolve-policy-members';

export async function createPolicy(db: Db, scenarioId: string, input: PolicyInput): Promise<{ id: string; name: string }> {
  const policy = policyInputSchema.parse(input);
  return withUniqueNameGuard(() =>
    db.$transaction(async (tx) => {
      const bumped = await tx.scenario.updateMany({ where: { id: scenarioId }, data: { version: { increment: 1 } } });
      if (bumped.count === 0) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
      await assertPolicyNameFree(tx, scenarioId, policy.name);
      const { serviceIds, edgeServerIds } = await resolvePolicyMembers(tx, scenarioId, policy);
      return tx.policy.create({
        data: {
          scenarioId,
          ...policyColumns(policy),
          services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
          edgeServers: { create: edgeServerIds.map((edgeServerId) => ({ edgeServerId })) },
        },
        select: { id: true, name: true },
      });
    }),
  );
}
