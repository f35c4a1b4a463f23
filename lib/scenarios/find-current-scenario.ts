import type { Db } from '@/lib/db';

export type CurrentScenario = { id: string; name: string; description: string; version: number; updatedAt: string };

/** The selected scenario if it still exists, else the first by name; null when there is none. */
export async function findCurrentScenario(db: Db, selectedId: string | undefined): Promise<CurrentScenario | null> {
  const scenario = (selectedId ? await db.scenario.findUnique({ where: { id: selectedId } }) : null) ?? (await db.scenario.findFirst({ orderBy: { name: 'asc' } }));
  if (!scenario) return null;
  return { id: scenario.id, name: scenario.name, description: scenario.description, version: scenario.version, updatedAt: scenario.updatedAt.toISOString() };
}
