import { cookies } from 'next/headers';
import { cache } from 'react';
import { SCENARIO_COOKIE } from '@/lib/actions/scenario-cookie';
import { requirePageActor } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';

export type CurrentScenario = { id: string; name: string; description: string; version: number; updatedAt: string };

/** The scenario this browser selected, else the first by name; null when there is none.
 * Cached per request: the layout and the page both ask. Every page asks, so this is where a
 * visitor who is not signed in (and not in the demo) is sent to the sign-in page. */
export const getCurrentScenario = cache(async (): Promise<CurrentScenario | null> => {
  await requirePageActor();
  const db = await getDb();
  const selected = (await cookies()).get(SCENARIO_COOKIE)?.value;
  const scenario = (selected ? await db.scenario.findUnique({ where: { id: selected } }) : null) ?? (await db.scenario.findFirst({ orderBy: { name: 'asc' } }));
  if (!scenario) return null;
  return { id: scenario.id, name: scenario.name, description: scenario.description, version: scenario.version, updatedAt: scenario.updatedAt.toISOString() };
});
