import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { Auth } from './create-auth';

const DEFAULT_ADMIN_EMAIL = 'admin@edgestack.local';

export type FirstAdmin = { email: string; password: string };

/** The line `npm start` prints, once, when it made the first account. */
export function firstAdminLine(admin: FirstAdmin): string {
  return `Admin account: ${admin.email} — one-time password: ${admin.password}`;
}

/**
 * On an empty users table, creates an admin account with a random password and returns it (the
 * caller prints it once; it is stored only as Better Auth's hash). Otherwise null. Two starts at
 * once: the email is unique, so only one account is made and the other start returns null.
 */
export async function ensureFirstAdmin(db: Db, auth: Auth, env: Record<string, string | undefined> = process.env): Promise<FirstAdmin | null> {
  if ((await db.user.count()) > 0) return null;
  const email = env.EDGESTACK_ADMIN_EMAIL?.trim().toLowerCase() || DEFAULT_ADMIN_EMAIL;
  const password = randomBytes(18).toString('base64url');
  try {
    await auth.api.createUser({ body: { email, password, name: 'Administrator', role: 'admin' } });
  } catch (error) {
    if ((await db.user.count({ where: { email } })) > 0) return null;
    throw error;
  }
  return { email, password };
}
