import { defineConfig, devices } from '@playwright/test';
import { resolveTestDatabaseUrl } from './lib/db/test-database-url';
import { holdExclusiveLock, LOCK_HELD_ENV, PRODUCTION_BUILD_LOCK } from './lib/ops/hold-exclusive-lock';

// Playwright drives Debian's Chromium (`apt-get install chromium`), or the browser named by
// PLAYWRIGHT_CHROMIUM_EXECUTABLE; Playwright's own browser download cannot work offline.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT || 3100);
// The server under test writes to TEST_DATABASE_URL (a local server unless
// EDGESTACK_TEST_ALLOW_REMOTE=1), else to its own embedded database; never to DATABASE_URL.
const testDatabaseUrl = resolveTestDatabaseUrl();

// One browser-test run at a time on a machine: they share the production build in .next and
// the port. The main process takes the lock; its workers inherit the marker and skip it.
if (!process.env[LOCK_HELD_ENV]) {
  holdExclusiveLock(PRODUCTION_BUILD_LOCK, {
    onWait: (pid) => process.stderr.write(`[edgestack] another browser-test run (pid ${pid}) is using port ${port} and .next; waiting for it…\n`),
  });
  process.env[LOCK_HELD_ENV] = '1';
}

export default defineConfig({
  testDir: 'e2e',
  // Signs in one account per role (made by e2e/seed-accounts.ts before the server starts).
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // Specs act as an operator unless they pick another role (storageStateFor in e2e/accounts.ts).
    storageState: '.data/e2e-auth/operator.json',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // The real start path: migrate, seed if empty, build if stale, serve. Without
    // TEST_DATABASE_URL it uses its own embedded database so it never collides with a running
    // dashboard. DATABASE_URL is always replaced: Playwright passes the rest of the environment on.
    // First the accounts of this run in the test database (never any other), then the server.
    command: 'npx tsx e2e/seed-accounts.ts && npm start',
    url: `http://127.0.0.1:${port}/`,
    // A first build on a busy 2-core machine can take several minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      [LOCK_HELD_ENV]: '1',
      PORT: String(port),
      DATABASE_URL: testDatabaseUrl ?? '',
      ...(testDatabaseUrl ? {} : { EDGESTACK_DATA_DIR: '.data/e2e-pglite' }),
    },
  },
});
