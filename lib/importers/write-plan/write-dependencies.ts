import type { Prisma } from '@/lib/generated/prisma/client';
import type { PlannedDependency } from '../import-plan';
import type { EntityCounts } from './merge-by-name';

/** Adds the planned dependencies between the written services that the scenario lacks. */
export async function writeDependencies(tx: Prisma.TransactionClient, planned: readonly PlannedDependency[], serviceIds: ReadonlyMap<string, string>): Promise<EntityCounts> {
  const counts: EntityCounts = { created: 0, updated: 0, unchanged: 0 };
  if (planned.length === 0) return counts;
  const data = planned.map((d) => ({ fromServiceId: serviceIds.get(d.from)!, toServiceId: serviceIds.get(d.to)! }));
  const existing = await tx.serviceDependency.findMany({
    where: { fromServiceId: { in: data.map((d) => d.fromServiceId) } },
    select: { fromServiceId: true, toServiceId: true },
  });
  const have = new Set(existing.map((d) => `${d.fromServiceId}>${d.toServiceId}`));
  const fresh = data.filter((d) => !have.has(`${d.fromServiceId}>${d.toServiceId}`));
  counts.unchanged = data.length - fresh.length;
  counts.created = (await tx.serviceDependency.createMany({ data: fresh, skipDuplicates: true })).count;
  return counts;
}
