import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAsActor } from '@/lib/db/audit-actor';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { resolveAuthSecret } from './auth-secret';
import { createAuth, SESSION_SECONDS, SIGN_IN_ATTEMPTS_PER_MINUTE, type Auth } from './create-auth';
import { ensureFirstAdmin, firstAdminLine } from './ensure-first-admin';
import { authSettingsFromEnv } from './get-auth';
import { roleAtLeast, ROLES } from './roles';

let db: TestDatabase;
let auth: Auth;

beforeAll(async () => {
  db = await createTestDatabase();
  auth = createAuth(db.prisma, { secret: await resolveAuthSecret(db.prisma, {}), production: false });
});
afterAll(async () => db?.drop());

/** Signs in through Better Auth's HTTP endpoint, as the browser does; returns the Cookie header. */
async function signIn(target: Auth, email: string, password: string): Promise<Response> {
  return target.handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('roles', () => {
  test('each role may do what the ones below it may, and nothing above', () => {
    expect(roleAtLeast('viewer', 'viewer')).toBe(true);
    expect(roleAtLeast('viewer', 'planner')).toBe(false);
    expect(roleAtLeast('planner', 'planner')).toBe(true);
    expect(roleAtLeast('planner', 'operator')).toBe(false);
    expect(roleAtLeast('operator', 'planner')).toBe(true);
    expect(roleAtLeast('operator', 'admin')).toBe(false);
    for (const role of ROLES) expect(roleAtLeast('admin', role)).toBe(true);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
    expect(roleAtLeast('user', 'viewer')).toBe(false);
  });
});

describe('auth secret', () => {
  test('made once and kept in the database; BETTER_AUTH_SECRET wins', async () => {
    const first = await resolveAuthSecret(db.prisma, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await resolveAuthSecret(db.prisma, {})).toBe(first);
    expect(await resolveAuthSecret(db.prisma, { BETTER_AUTH_SECRET: 'from-the-environment-0123456789' })).toBe('from-the-environment-0123456789');
  });
});

describe('first start and user management', () => {
  let adminCookie = '';

  test('an empty users table gets one admin, whose one-time password signs in; later starts make none', async () => {
    const admin = await ensureFirstAdmin(db.prisma, auth, { EDGESTACK_ADMIN_EMAIL: 'Root@Example.test' });
    expect(admin).not.toBeNull();
    expect(firstAdminLine(admin!)).toMatch(/^Admin account: root@example\.test — one-time password: [A-Za-z0-9_-]{20,}$/);
    expect(await ensureFirstAdmin(db.prisma, auth, {})).toBeNull();
    const users = await db.prisma.user.findMany();
    expect(users.map((u) => [u.email, u.role])).toEqual([['root@example.test', 'admin']]);
    // Stored only as Better Auth's hash.
    const account = await db.prisma.account.findFirstOrThrow({ where: { userId: users[0].id } });
    expect(account.password).not.toContain(admin!.password);

    expect((await signIn(auth, 'root@example.test', 'wrong password!')).status).toBe(401);
    const response = await signIn(auth, 'root@example.test', admin!.password);
    expect(response.status).toBe(200);
    adminCookie = cookieOf(response);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: adminCookie }) });
    expect(session?.user.role).toBe('admin');
    // Sessions expire.
    const lifetime = (session!.session.expiresAt.getTime() - Date.now()) / 1000;
    expect(lifetime).toBeGreaterThan(SESSION_SECONDS - 120);
    expect(lifetime).toBeLessThanOrEqual(SESSION_SECONDS + 5);
  });

  test('an admin creates a viewer and changes the role; a viewer may not manage users', async () => {
    const headers = new Headers({ cookie: adminCookie });
    const created = await auth.api.createUser({ headers, body: { email: 'vera@example.test', password: 'vera-password-1', name: 'Vera', role: 'viewer' } });
    expect(created.user.role).toBe('viewer');
    const viewerCookie = cookieOf(await signIn(auth, 'vera@example.test', 'vera-password-1'));
    await expect(
      auth.api.createUser({ headers: new Headers({ cookie: viewerCookie }), body: { email: 'eve@example.test', password: 'eve-password-1', name: 'Eve', role: 'admin' } }),
    ).rejects.toThrow();
    await expect(auth.api.setRole({ headers: new Headers({ cookie: viewerCookie }), body: { userId: created.user.id, role: 'admin' } })).rejects.toThrow();
    expect(await db.prisma.user.count({ where: { email: 'eve@example.test' } })).toBe(0);

    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'root@example.test' } });
    await runAsActor({ id: admin.id, name: admin.email }, () => auth.api.setRole({ headers, body: { userId: created.user.id, role: 'planner' } }));
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: created.user.id } })).role).toBe('planner');
    // The role change is in the audit trail, as the admin, with the role before and after.
    const change = await db.prisma.auditEntry.findFirstOrThrow({ where: { entity: 'User', entityId: created.user.id, action: 'update' }, orderBy: { id: 'desc' } });
    expect([change.actor, change.actorId]).toEqual([admin.email, admin.id]);
    expect([(change.before as { role: string }).role, (change.after as { role: string }).role]).toEqual(['viewer', 'planner']);
  });

  test('a banned user cannot sign in and loses their sessions', async () => {
    const headers = new Headers({ cookie: adminCookie });
    const created = await auth.api.createUser({ headers, body: { email: 'bob@example.test', password: 'bob-password-1', name: 'Bob', role: 'planner' } });
    const bobCookie = cookieOf(await signIn(auth, 'bob@example.test', 'bob-password-1'));
    expect(await auth.api.getSession({ headers: new Headers({ cookie: bobCookie }) })).not.toBeNull();
    await auth.api.banUser({ headers, body: { userId: created.user.id, banReason: 'left the team' } });
    expect(await auth.api.getSession({ headers: new Headers({ cookie: bobCookie }) })).toBeNull();
    expect((await signIn(auth, 'bob@example.test', 'bob-password-1')).status).toBe(403);
  });
});

describe('sign-in rate limit', () => {
  test('on in the production configuration (NODE_ENV=production, as `next start` under `npm start` runs): attempts past the limit get 429', async () => {
    expect(authSettingsFromEnv({ NODE_ENV: 'production' }).production).toBe(true);
    expect(authSettingsFromEnv({ NODE_ENV: 'development' }).production).toBe(false);
    const production = createAuth(db.prisma, { secret: await resolveAuthSecret(db.prisma, {}), ...authSettingsFromEnv({ NODE_ENV: 'production' }) });
    expect(production.options.rateLimit?.enabled).toBe(true);
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_PER_MINUTE; i++) statuses.push((await signIn(production, 'nobody@example.test', 'not the password')).status);
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  test('off outside production (tests, next dev)', async () => {
    const development = createAuth(db.prisma, { secret: await resolveAuthSecret(db.prisma, {}), production: false });
    expect(development.options.rateLimit?.enabled).toBe(false);
  });
});
