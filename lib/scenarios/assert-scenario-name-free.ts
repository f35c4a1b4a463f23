import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';

/** Names are compared without regard to case: "Metro" and "metro" side by side confuse people. */
export async function assertScenarioNameFree(db: Prisma.TransactionClient, name: string, exceptId?: string): Promise<void> {
  const clash = await db.scenario.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw new DomainError('NAME_TAKEN', `A scenario named "${clash.name}" already exists.`, 'name');
}
