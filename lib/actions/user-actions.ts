'use server';

import { asRole } from '@/lib/auth/require-role';
import { isAPIError } from 'better-auth/api';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { Actor } from '@/lib/auth/actor';
import { getAuth } from '@/lib/auth/get-auth';
import { createUserSchema, setRoleSchema } from '@/lib/auth/user-schema';
import { DomainError } from '@/lib/errors';
import { runAction, type ActionResult } from './action-result';

/** Better Auth refuses with its own errors; say them in the form. */
async function viaBetterAuth<T>(fn: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAPIError(error)) throw new DomainError(error.status === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_INPUT', error.message || 'The change was refused.', field);
    throw error;
  }
}

function notYourself(actor: Actor, userId: string, what: string) {
  // An admin cannot lock themselves (and possibly everyone) out.
  if (actor.kind === 'user' && actor.id === userId) throw new DomainError('FORBIDDEN', `You cannot ${what} your own account; ask another admin.`);
}

export async function createUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(() =>
    asRole('admin', async () => {
      const input = createUserSchema.parse({ email: form.get('email') ?? '', name: form.get('name') ?? '', role: form.get('role') ?? '', password: form.get('password') ?? '' });
      const auth = await getAuth();
      await viaBetterAuth(async () => auth.api.createUser({ headers: await headers(), body: input }), 'email');
      revalidatePath('/users');
      return { email: input.email };
    }),
  );
}

export async function setUserRoleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(() =>
    asRole('admin', async (actor) => {
      const input = setRoleSchema.parse({ userId: form.get('userId') ?? '', role: form.get('role') ?? '' });
      notYourself(actor, input.userId, 'change the role of');
      const auth = await getAuth();
      await viaBetterAuth(async () => auth.api.setRole({ headers: await headers(), body: input }));
      revalidatePath('/users');
      return {};
    }),
  );
}

export async function banUserAction(userId: string): Promise<ActionResult> {
  return runAction(() =>
    asRole('admin', async (actor) => {
      notYourself(actor, String(userId), 'ban');
      const auth = await getAuth();
      await viaBetterAuth(async () => auth.api.banUser({ headers: await headers(), body: { userId: String(userId), banReason: 'Banned by an admin' } }));
      revalidatePath('/users');
      return {};
    }),
  );
}

export async function unbanUserAction(userId: string): Promise<ActionResult> {
  return runAction(() =>
    asRole('admin', async () => {
      const auth = await getAuth();
      await viaBetterAuth(async () => auth.api.unbanUser({ headers: await headers(), body: { userId: String(userId) } }));
      revalidatePath('/users');
      return {};
    }),
  );
}

export async function removeUserAction(userId: string): Promise<ActionResult> {
  return runAction(() =>
    asRole('admin', async (actor) => {
      notYourself(actor, String(userId), 'remove');
      const auth = await getAuth();
      await viaBetterAuth(async () => auth.api.removeUser({ headers: await headers(), body: { userId: String(userId) } }));
      revalidatePath('/users');
      return {};
    }),
  );
}
