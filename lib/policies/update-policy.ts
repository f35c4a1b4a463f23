import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { withUniqueNameGuard } from '@/lib/scenarios/with-unique-name-guard';
import { assertPolicyNameFree } from './assert-policy-name-free';
import { policyColumns } from './policy-columns';
import { policyInputSchema, type PolicyInput } from './policy-schema';
import { resolvePolicyMembers } from './resolve-policy-members';

/** Replaces a policy whole (type, members and cap), so a changed type never keeps stale members.
 * The input names the version it was based on; if someone saved since, nothing is written. */
export async function updatePolicy(db: Db, scenarioId: string, policyId: string, input: PolicyInput): Promise<{ id: string; name: string }> {
  const policy = policyInputSchema.parse(input);
  return withUniqueNameGuard(() =>
    db.$transaction(async (tx) => {
      const existing = await tx.policy.findFirst({ where: { id: policyId, scenarioId }, select: { id: true } });
      if (!existing) throw new DomainError('NOT_FOUND', 'This policy no longer exists; someone may have deleted it. Reload to see the current state.');
      if (policy.version === undefined) throw new DomainError('INVALID_INPUT', 'This save names no policy version; reload the page and edit again.');
      // Matching id AND version, and bumping it, also locks the row until this transaction ends.
      const claimed = await tx.policy.updateMany({ where: { id: policyId, scenarioId, version: policy.version }, data: { version: { increment: 1 } } });
      if (claimed.count === 0) {
        throw new DomainError('STALE_VERSION', 'Someone else changed this policy since you opened it; your change was not saved. Reload to see their version, then edit again.');
      }
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
