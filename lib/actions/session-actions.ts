'use server';

import { headers } from 'next/headers';
import { getAuth } from '@/lib/auth/get-auth';
import { runAction, type ActionResult } from './action-result';

/** Ends this browser's session. Needs no role: signing out is always allowed, and with no
 * session it changes nothing. */
export async function signOutAction(): Promise<ActionResult> {
  return runAction(async () => {
    const auth = await getAuth();
    await auth.api.signOut({ headers: await headers() });
    return {};
  });
}
