import { cookies } from 'next/headers';
import { cache } from 'react';
import { SCENARIO_COOKIE } from '@/lib/actions/scenario-cookie';
import { requirePageActor } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { findCurrentScenario, type CurrentScenario } from '@/lib/scenarios/find-current-scenario';

export type { CurrentScenario };

/** The scenario this browser selected, else the first by name; null when there is none.
 * Cached per request: the layout and the page both ask. Every page asks, so this is where a
 * visitor who is not signed in (and not in the demo) is sent to the sign-in page. */
export const getCurrentScenario = cache(async (): Promise<CurrentScenario | null> => {
  await requirePageActor();
  return findCurrentScenario(await getDb(), (await cookies()).get(SCENARIO_COOKIE)?.value);
});
