import { redirect } from 'next/navigation';
import { runAsActor } from '@/lib/db/audit-actor';
import { ERROR_CODES, httpStatusOf } from '@/lib/error-codes';
import { DomainError, isDomainError } from '@/lib/errors';
import { auditActorOf, type Actor } from './actor';
import { getActor } from './get-actor';
import { ROLE_LABELS, roleAtLeast, type Role } from './roles';

/** The actor of this request if it has at least role `min`; else a DomainError the forms show
 * ('UNAUTHENTICATED' when nobody is signed in, 'FORBIDDEN' when the role is too low). */
async function requireRole(min: Role): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError('UNAUTHENTICATED', ERROR_CODES.UNAUTHENTICATED.message);
  if (!roleAtLeast(actor.role, min)) {
    throw new DomainError(
      'FORBIDDEN',
      actor.kind === 'demo'
        ? 'This is a read-only demo: sign in to make changes.'
        : `This needs the ${ROLE_LABELS[min]} role or higher; you are signed in as ${ROLE_LABELS[actor.role]}. Nothing was changed.`,
    );
  }
  return actor;
}

/** Checks the role, then runs `fn` with the actor recorded by the audit trail for every write
 * it makes (in the same transaction as each write). Every server action goes through this. */
export async function asRole<T>(min: Role, fn: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = await requireRole(min);
  return runAsActor(auditActorOf(actor), () => fn(actor));
}

/** For pages: the actor, or a redirect to the sign-in page (then back to `from`). */
export async function requirePageActor(from?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(from ? `/sign-in?next=${encodeURIComponent(from)}` : '/sign-in');
  return actor;
}

/** For pages only some roles may see (Users, Audit). */
export async function requirePageRole(min: Role, from?: string): Promise<Actor | null> {
  const actor = await requirePageActor(from);
  return roleAtLeast(actor.role, min) ? actor : null;
}

function isAuthError(error: unknown): error is DomainError {
  return isDomainError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN');
}

/** Route handlers: 401 signed out, 403 role too low (lib/error-codes.ts; JSON in the shape of a failed action);
 * else the handler runs as the actor. */
export function guardRoute<A extends unknown[]>(min: Role, handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    let actor: Actor;
    try {
      actor = await requireRole(min);
    } catch (error) {
      if (!isAuthError(error)) throw error;
      return Response.json({ ok: false, errors: { _form: [error.message] } }, { status: httpStatusOf(error.code), headers: { 'cache-control': 'no-store' } });
    }
    return runAsActor(auditActorOf(actor), () => handler(...args));
  };
}
