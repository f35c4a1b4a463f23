import { getAuth } from '@/lib/auth/get-auth';
import { runAsActor } from '@/lib/db/audit-actor';

// Better Auth's own endpoints (sign-in, sign-out, session, admin). They check the session and,
// for admin endpoints, the admin role themselves; the writes they make are audited as the
// signed-in user.
async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: request.headers }).catch(() => null);
  return session ? runAsActor({ id: session.user.id, name: session.user.email }, () => auth.handler(request)) : auth.handler(request);
}

export const GET = handle;
export const POST = handle;
