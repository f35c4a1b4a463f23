import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ensureCliBundle } from '../../bin/cli-bundle.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-cli-cache-'));
process.env.EDGESTACK_CLI_CACHE = cache;
afterAll(() => {
  delete process.env.EDGESTACK_CLI_CACHE;
  fs.rmSync(cache, { recursive: true, force: true });
});

it('builds the command line once, reuses it, and rebuilds when a source changes', async () => {
  let builds = 0;
  const onBuild = () => builds++;
  const entry = await ensureCliBundle(root, { onBuild });
  expect(builds).toBe(1);
  expect(fs.existsSync(entry)).toBe(true);
  const cli = (await import(entry)) as Partial<typeof import('./entry')>;
  expect(typeof cli.main).toBe('function');

  await ensureCliBundle(root, { onBuild });
  expect(builds).toBe(1);

  // A source the build came from changes (its modification time is what is compared).
  const source = path.join(root, 'lib', 'cli', 'entry.ts');
  const stat = fs.statSync(source);
  try {
    fs.utimesSync(source, stat.atime, new Date(stat.mtimeMs + 5_000));
    await ensureCliBundle(root, { onBuild });
    expect(builds).toBe(2);
  } finally {
    fs.utimesSync(source, stat.atime, stat.mtime);
  }
}, 120_000);
