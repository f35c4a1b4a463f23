import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import { MAX_CONTAINERS } from '@/lib/limits/size-limits';

/** After a write that added or grew services: the scenario's containers (all replicas) must still
 * fit one placement problem; otherwise the write is refused (the caller's transaction rolls back). */
export async function assertContainersWithinLimit(tx: Prisma.TransactionClient, scenarioId: string, field?: string): Promise<void> {
  const [{ containers }] = await tx.$queryRaw<{ containers: number }[]>`
    SELECT coalesce(sum(replicas::bigint), 0)::float8 AS containers FROM "Service" WHERE "scenarioId" = ${scenarioId}`;
  if (containers > MAX_CONTAINERS) {
    throw new DomainError(
      'INVALID_INPUT',
      `This would make ${containers} containers (replicas of all services); a scenario holds at most ${MAX_CONTAINERS}. Nothing was saved.`,
      field,
    );
  }
}
