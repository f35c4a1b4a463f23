import { defineConfig, devices } from '@playwright/test';
import { holdExclusiveLock, LOCK_HELD_ENV, PRODUCTION_BUILD_LOCK } from './lib/ops/hold-exclusive-lock';

// Playwright drives Debian's Chromium (`apt-get install chromium`), or the browser named by
// PLAYWRIGHT_CHROMIUM_EXECUTABLE; Playwright's own browser download cannot work offline.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT || 3100);

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
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
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
    // The real start path: migrate, seed if empty, build if stale, serve. Without DATABASE_URL
    // it uses its own embedded database so it never collides with a running dashboard.
    command: 'npm start',
    url: `http://localhost:${port}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      [LOCK_HELD_ENV]: '1',
      PORT: String(port),
      ...(process.env.DATABASE_URL ? {} : { EDGESTACK_DATA_DIR: '.data/e2e-pglite' }),
    },
  },
});
