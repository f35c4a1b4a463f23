import type { Db } from '@/lib/db';

/** A scenario's name; null once it is deleted (its history outlives it). */
export async function readScenarioName(db: Db, scenarioId: string): Promise<string | null> {
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId }, select: { name: true } });
  return scenario?.name ?? null;
}
