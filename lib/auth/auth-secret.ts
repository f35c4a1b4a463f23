import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';

const SECRET_NAME = 'better-auth';

/**
 * The key Better Auth signs session cookies with: BETTER_AUTH_SECRET when set, else one made
 * on first use and kept in the database, so every process (web, command line, a second web
 * process behind a load balancer) shares it and sessions survive a restart.
 */
export async function resolveAuthSecret(db: Db, env: Record<string, string | undefined> = process.env): Promise<string> {
  const configured = env.BETTER_AUTH_SECRET?.trim();
  if (configured) return configured;
  // Two processes starting at once: the first insert wins and both read it back.
  await db.serverSecret.createMany({ data: [{ name: SECRET_NAME, value: randomBytes(32).toString('base64url') }], skipDuplicates: true });
  return (await db.serverSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } })).value;
}
