import { DomainError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Case-insensitive, like scenario names: "Web apart" beside "web apart" is a mistake. */
export async function assertPolicyNameFree(tx: Prisma.TransactionClient, scenarioId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.policy.findFirst({
    where: { scenarioId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw new DomainError('NAME_TAKEN', `A policy named “${clash.name}” already exists in this scenario.`, 'name');
}
