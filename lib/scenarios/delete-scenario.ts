import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/** Deletes a scenario and everything in it (the foreign keys cascade). */
export async function deleteScenario(db: Db, id: string): Promise<{ name: string }> {
  const deleted = await db.$transaction(async (tx) => {
    const scenario = await tx.scenario.findUnique({ where: { id }, select: { name: true } });
    if (!scenario) return null;
    await tx.scenario.delete({ where: { id } });
    return scenario;
  });
  if (!deleted) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
  return deleted;
}
