import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Database } from '@/lib/db';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';

// The authorization sweep: every server action (every export of lib/actions/*-actions.ts) and
// every route handler (every GET/POST/PUT/PATCH/DELETE of app/api/**/route.ts) is found by
// globbing and importing, never by a hand list, and called signed out, as a viewer and as a
// visitor of the read-only demo. Anything that changes data must refuse all three with the
// auth error (not some later validation error: so an action that forgot its check fails here
// even when its arguments are nonsense) and write nothing.

// The test seam: Next's request headers and cookies, which the session is read from.
const request = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  headers: () => Promise.resolve(new Headers(request.cookie ? { cookie: request.cookie } : {})),
  cookies: () => Promise.resolve({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const root = process.cwd();
/** Reads that a viewer may call: they change nothing (selecting a scenario sets a cookie only; a preview of an objective computes its weights). */
const VIEWER_ACTIONS = new Set(['selectScenarioAction', 'loadArchitectureAction', 'previewObjectiveAction']);
/** Needs no role: ends the caller's own session and touches no scenario data. */
const PUBLIC_ACTIONS = new Set(['signOutAction']);
/** Better Auth's own endpoints: sign-in must be open; its admin endpoints are checked below. */
const BETTER_AUTH_ROUTE = path.join('app', 'api', 'auth');

const AUTH_MESSAGE = /not signed in|read-only demo|needs the \w+ role/;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const actionFiles = fs
  .readdirSync(path.join(root, 'lib', 'actions'))
  .filter((f) => f.endsWith('-actions.ts'))
  .map((f) => path.join(root, 'lib', 'actions', f));
const routeFiles = walk(path.join(root, 'app', 'api')).filter((f) => path.basename(f) === 'route.ts');

type Fn = (...args: unknown[]) => Promise<unknown>;

let db: TestDatabase;
let scenarioId = '';
let viewerCookie = '';
const cache = globalThis as unknown as { __edgestackDb?: Promise<Database>; __edgestackAuth?: unknown };

async function snapshot(): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'Session', 'Verification')`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) counts[table_name] = Number((await db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table_name}"`))[0].n);
  const scenario = await db.prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { version: true, name: true } });
  counts[`scenario version ${scenario.name}`] = scenario.version;
  return counts;
}

function sampleForm(): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries({
    id: scenarioId,
    scenarioId,
    name: 'Sweep',
    description: 'x',
    kind: 'sites',
    target: 'current',
    figure: 'containers',
    containers: '5',
    userId: 'x',
    role: 'admin',
    email: 'eve@example.test',
    password: 'eve-password-1',
  })) {
    form.set(key, value);
  }
  form.set('file', new File(['{}'], 'x.json', { type: 'application/json' }));
  return form;
}

/** Calls an action with arguments of the shapes actions take; the auth check must come first. */
async function callAction(name: string, fn: Fn): Promise<unknown> {
  if (VIEWER_ACTIONS.has(name)) return fn(scenarioId);
  return fn.length >= 2 ? fn(scenarioId, sampleForm()) : fn(fn.length === 1 ? sampleForm() : undefined);
}

const identities = [
  { who: 'signed out', cookie: () => '', demo: false },
  { who: 'a viewer', cookie: () => viewerCookie, demo: false },
  { who: 'a demo visitor', cookie: () => '', demo: true },
] as const;

beforeAll(async () => {
  db = await createTestDatabase();
  cache.__edgestackDb = Promise.resolve(db);
  cache.__edgestackAuth = undefined;
  const seeded = await seedDemoScenario(db.prisma, { withPlacement: true });
  scenarioId = seeded!.id;
  const { getAuth } = await import('@/lib/auth/get-auth');
  const auth = await getAuth();
  await auth.api.createUser({ body: { email: 'vic@example.test', password: 'viewer-password-1', name: 'Vic', role: 'viewer' } });
  const response = await auth.handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: 'vic@example.test', password: 'viewer-password-1' }),
    }),
  );
  expect(response.status).toBe(200);
  viewerCookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});
afterAll(async () => {
  cache.__edgestackDb = undefined;
  cache.__edgestackAuth = undefined;
  delete process.env.EDGESTACK_DEMO_VIEWER;
  await db?.drop();
});

describe('authorization sweep', () => {
  test('finds the actions and routes', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(7);
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
  });

  for (const identity of identities) {
    test(`every server action refuses ${identity.who} and writes nothing`, async () => {
      request.cookie = identity.cookie();
      if (identity.demo) process.env.EDGESTACK_DEMO_VIEWER = '1';
      else delete process.env.EDGESTACK_DEMO_VIEWER;
      const signedOut = identity.cookie() === '' && !identity.demo;
      let checked = 0;
      for (const file of actionFiles) {
        const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exported)) {
          if (typeof value !== 'function' || PUBLIC_ACTIONS.has(name)) continue;
          const label = `${path.basename(file)} ${name}`;
          const before = await snapshot();
          const result = (await callAction(name, value as Fn)) as { ok: boolean; errors?: Record<string, string[]> };
          if (VIEWER_ACTIONS.has(name) && !signedOut) {
            expect(await snapshot(), label).toEqual(before);
          } else {
            expect(result.ok, label).toBe(false);
            expect(result.errors?._form?.join(' '), label).toMatch(AUTH_MESSAGE);
            expect(await snapshot(), label).toEqual(before);
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(25);
    });

    test(`every route handler refuses ${identity.who} a change (401/403) and writes nothing`, async () => {
      request.cookie = identity.cookie();
      if (identity.demo) process.env.EDGESTACK_DEMO_VIEWER = '1';
      else delete process.env.EDGESTACK_DEMO_VIEWER;
      const signedOut = identity.cookie() === '' && !identity.demo;
      let mutating = 0;
      for (const file of routeFiles) {
        if (path.relative(root, file).startsWith(BETTER_AUTH_ROUTE)) continue;
        const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          const handler = exported[method] as Fn | undefined;
          if (!handler) continue;
          const label = `${method} ${path.relative(root, file)}`;
          const before = await snapshot();
          const req = new Request(`http://localhost:3000/api/x`, {
            method,
            headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
            body: method === 'GET' ? undefined : JSON.stringify({ algorithms: ['greedy'] }),
          });
          const context = { params: Promise.resolve({ id: scenarioId, name: 'demo', experimentId: 'x' }) };
          const response = (await handler(req, context)) as Response;
          if (method === 'GET') {
            if (signedOut) expect(response.status, label).toBe(401);
            else expect([401, 403], label).not.toContain(response.status);
          } else {
            mutating++;
            expect(response.status, label).toBe(signedOut ? 401 : 403);
          }
          expect(await snapshot(), label).toEqual(before);
        }
      }
      expect(mutating).toBeGreaterThanOrEqual(3);
    });
  }

  test("Better Auth's admin endpoints refuse a viewer and the signed out", async () => {
    delete process.env.EDGESTACK_DEMO_VIEWER;
    const { POST } = (await import(pathToFileURL(path.join(root, BETTER_AUTH_ROUTE, '[...all]', 'route.ts')).href)) as { POST: (r: Request) => Promise<Response> };
    for (const cookie of ['', viewerCookie]) {
      const before = await snapshot();
      const response = await POST(
        new Request('http://localhost:3000/api/auth/admin/create-user', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify({ email: 'mallory@example.test', password: 'mallory-password-1', name: 'Mallory', role: 'admin' }),
        }),
      );
      expect([401, 403]).toContain(response.status);
      expect(await snapshot()).toEqual(before);
    }
  });

  test('signing out needs no role and writes no data', async () => {
    request.cookie = '';
    const before = await snapshot();
    const { signOutAction } = await import('./session-actions');
    await signOutAction();
    expect(await snapshot()).toEqual(before);
  });
});
