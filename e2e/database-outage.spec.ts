import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createTestDatabase, type TestDatabase } from '../lib/db/test-database';
import { resolveTestDatabaseUrl } from '../lib/db/test-database-url';
import { TcpProxy } from './tcp-proxy';

// The database goes away while the dashboard runs: pages say so clearly instead of failing
// with a bare server error, and the dashboard recovers by itself when the database returns.
// It needs a database server to take away, so it runs against TEST_DATABASE_URL's Postgres
// (as CI does); the embedded database lives inside the server process and cannot go away.
const serverUrl = resolveTestDatabaseUrl();
test.skip(!serverUrl, 'needs TEST_DATABASE_URL (a Postgres server to take away)');

const root = path.resolve(import.meta.dirname, '..');
const appPort = Number(process.env.E2E_PORT || 3100) + 7;

let proxy: TcpProxy;
let app: ChildProcess | undefined;
let database: TestDatabase | undefined;
let appLog = '';

async function waitForApp(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app?.exitCode !== null && app?.exitCode !== undefined) throw new Error(`the app exited (${app.exitCode}):\n${appLog}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer on ${url}:\n${appLog}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // The spec's own database on the TEST_DATABASE_URL server, created and dropped as the db tests do.
  database = await createTestDatabase();
  const viaProxy = new URL(database.url!);
  proxy = new TcpProxy(viaProxy.hostname || '127.0.0.1', Number(viaProxy.port || 5432));
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(await proxy.start());
  // A second server on the build the suite's own server made, with its database behind the relay.
  app = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(appPort)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: viaProxy.toString(), EDGESTACK_QUEUE: 'off', EDGESTACK_DEMO_VIEWER: '1', PORT: String(appPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout?.on('data', (d) => (appLog += d));
  app.stderr?.on('data', (d) => (appLog += d));
  await waitForApp(`http://localhost:${appPort}/scenarios`);
});

test.afterAll(async () => {
  app?.kill('SIGTERM');
  await proxy?.stop();
  await database?.drop();
});

test('the read-only demo says so; a database outage shows a clear notice, and the dashboard recovers when it returns', async ({ page }) => {
  const url = `http://localhost:${appPort}/scenarios`;
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible();
  // This server lets visitors in as the read-only demo (EDGESTACK_DEMO_VIEWER=1), and says so.
  await expect(page.getByRole('status').filter({ hasText: 'read-only demo' })).toBeVisible();

  await proxy.stop();
  await page.goto(url);
  const notice = page.getByRole('alert').filter({ hasText: 'The database cannot be reached' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Nothing was changed');
  // The app shell is still there: the visitor is not left on a bare error page.
  await expect(page.getByRole('link', { name: 'Manage scenarios' })).toBeVisible();

  await proxy.start();
  // The notice retries by itself; "Try again now" does not wait for the timer.
  await notice.getByRole('button', { name: 'Try again now' }).click();
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(notice).toHaveCount(0);
});
