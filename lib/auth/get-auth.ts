import { getDb } from '@/lib/db';
import { resolveAuthSecret } from './auth-secret';
import { createAuth, type Auth, type AuthOptions } from './create-auth';

/** What the environment decides: `npm start` serves with `next start`, which runs with
 * NODE_ENV=production, so sign-in is rate-limited there. */
export function authSettingsFromEnv(env: Record<string, string | undefined> = process.env): Omit<AuthOptions, 'secret'> {
  return { production: env.NODE_ENV === 'production', baseURL: env.BETTER_AUTH_URL?.trim() || undefined };
}

// One Better Auth instance per process, made on first use (it needs the database's secret).
const cache = globalThis as unknown as { __edgestackAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  cache.__edgestackAuth ??= (async () => {
    const db = await getDb();
    return createAuth(db, { secret: await resolveAuthSecret(db), ...authSettingsFromEnv() });
  })().catch((error) => {
    cache.__edgestackAuth = undefined;
    throw error;
  });
  return cache.__edgestackAuth;
}
