import { headers } from 'next/headers';
import { cache } from 'react';
import { demoViewerEnabled, type Actor } from './actor';
import { getAuth } from './get-auth';
import { isRole } from './roles';

/** The actor of this request, from its session cookie; the demo viewer when nobody is signed
 * in and the demo is on; else null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  const user = session?.user;
  if (user && !user.banned) {
    // A role this version does not know gives read access only.
    return { kind: 'user', id: user.id, email: user.email, name: user.name, role: isRole(user.role) ? user.role : 'viewer' };
  }
  return demoViewerEnabled() ? { kind: 'demo', role: 'viewer' } : null;
});
