import { DomainError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ValidPolicy } from './policy-schema';

const quoteList = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** Service and edge server names to ids in this scenario; a name that is not there is refused
 * by name, since a policy over a missing service would silently constrain nothing. */
export async function resolvePolicyMembers(tx: Prisma.TransactionClient, scenarioId: string, policy: ValidPolicy) {
  const [services, edgeServers] = await Promise.all([
    policy.services.length ? tx.service.findMany({ where: { scenarioId, name: { in: policy.services } }, select: { id: true, name: true } }) : Promise.resolve([]),
    policy.edgeServers.length ? tx.edgeServer.findMany({ where: { scenarioId, name: { in: policy.edgeServers } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const missingServices = policy.services.filter((name) => !services.some((s) => s.name === name));
  if (missingServices.length) {
    const noun = missingServices.length === 1 ? 'service' : 'services';
    throw new DomainError('INVALID_INPUT', `This scenario has no ${noun} ${quoteList(missingServices)}.`, 'services');
  }
  const missingServers = policy.edgeServers.filter((name) => !edgeServers.some((s) => s.name === name));
  if (missingServers.length) {
    const noun = missingServers.length === 1 ? 'edge server' : 'edge servers';
    throw new DomainError('INVALID_INPUT', `This scenario has no ${noun} ${quoteList(missingServers)}.`, 'edgeServers');
  }
  return { serviceIds: services.map((s) => s.id), edgeServerIds: edgeServers.map((s) => s.id) };
}
