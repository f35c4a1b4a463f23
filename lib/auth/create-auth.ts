import { prismaAdapter } from '@better-auth/prisma-adapter';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { admin } from 'better-auth/plugins';
import type { Db } from '@/lib/db';
import { accessControl, accessRoles } from './roles';

/** How long a sign-in lasts; a session used within the last `SESSION_REFRESH_SECONDS` is extended. */
export const SESSION_SECONDS = 12 * 60 * 60;
const SESSION_REFRESH_SECONDS = 60 * 60;
/** Sign-in attempts per client per minute. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

export type AuthOptions = {
  secret: string;
  /** Rate limiting is on in production (`npm start` runs `next start`, NODE_ENV=production). */
  production: boolean;
  baseURL?: string;
};

/** Better Auth for edgestack: email and password (no self sign-up: admins create accounts),
 * the admin plugin with our roles, sessions that expire, and rate-limited sign-in. */
export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    appName: 'edgestack',
    secret: options.secret,
    baseURL: options.baseURL,
    // Same-origin posts only, judged by the Host the request came to, as readJsonBody judges
    // ours: the dashboard answers on 127.0.0.1, localhost or a proxy's name alike, and Next may
    // rebuild the request URL with another host name than the browser used.
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      if (!request || !host) return [];
      return [`${new URL(request.url).protocol}//${host}`];
    },
    database: prismaAdapter(db, { provider: 'postgresql', transaction: true }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, autoSignIn: false },
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    rateLimit: {
      enabled: options.production,
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    plugins: [admin({ ac: accessControl, roles: accessRoles, defaultRole: 'viewer', adminRoles: ['admin'] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
