import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit tests live beside the code (`*.test.ts`, `*.test.tsx` beside components too); tests that
// open a database are named `*.db.test.ts` so CI can run them a second time against the
// embedded database. Database tests use TEST_DATABASE_URL (lib/db/test-database-url.ts); the
// user's own DATABASE_URL is blanked for every test process and anything it spawns, so no test
// can reach that database even by accident.
delete process.env.DATABASE_URL;

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    include: ['lib/**/*.test.ts', 'bin/**/*.test.ts', 'tests/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'e2e', '.next'],
    environment: 'node',
    env: { DATABASE_URL: '' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
