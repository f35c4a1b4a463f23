import { cookies } from 'next/headers';
import { cache } from 'react';
import { SCENARIO_COOKIE } from '@/lib/actions/scenario-cookie';
import { getDb } from '@/lib/db';

export type CurrentScenario = { id: string; name: string; description: string; version: number; updatedAt: string };

/** The scenario this browser selected, else the first by name; null when there is none.
 * Cached per request: the layout and the page both ask. */
export const getCurrentScenario = cache(async (): Promise<CurrentScenario | null> => {
  const db = await getDb();
  const selected = (await cookies()).get(SCENARIO_COOKIE)?.value;
  const scenario =
    (selected ? await db.scenario.findUnique({ where: { id: selected } }) : null) ??
    (await db.scenario.findFirst({ orderBy: { name: 'asc' } }));
  if (!scenario) return null;
  return { id: scenario.id, name: scenario.name, description: scenario.description, version: scenario.version, updatedAt: scenario.updatedAt.toISOString() };
});
