import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { main, type CliIo } from './main';

// `edgestack samples` through main(), on its own embedded database.

const dir = mkdtempSync(path.join(os.tmpdir(), 'edgestack-samples-cli-'));
const saved = process.env.EDGESTACK_DATA_DIR;
// Creating and migrating a new embedded database is the slow part; do it before the tests.
beforeAll(async () => {
  process.env.EDGESTACK_DATA_DIR = path.join(dir, 'pglite');
  expect((await run('scenarios')).code).toBe(0);
});
afterAll(() => {
  if (saved !== undefined) process.env.EDGESTACK_DATA_DIR = saved;
  else delete process.env.EDGESTACK_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: async function* () {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

test('samples list names every sample with its data sources, as text or JSON', async () => {
  const text = await run('samples', 'list');
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^social-network\t/m);
  expect(text.stdout).toContain('data: datasets/topologies/Geant2012.graphml');
  const json = JSON.parse((await run('samples', 'list', '--json')).stdout) as { name: string }[];
  expect(json.map((s) => s.name)).toEqual(['social-network', 'geant', 'metro-edge']);
});

test('samples create builds the scenario with progress on stderr; a second time the name is taken', async () => {
  const first = await run('samples', 'create', 'metro-edge', '--scenario', 'From the CLI');
  expect(first.code).toBe(0);
  expect(first.stdout).toBe('From the CLI\n');
  expect(first.stderr).toMatch(/^\[1\/4\] Building the metro edge$/m);
  expect(first.stderr).toMatch(/created scenario "From the CLI": 6 sites/);
  expect((await run('scenarios')).stdout).toMatch(/^From the CLI\t/m);

  const again = await run('samples', 'create', 'metro-edge', '--scenario', 'From the CLI');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('A scenario named "From the CLI" already exists.');
}, 180_000);

test('bad use: an unknown sample, a missing name, an unknown subcommand', async () => {
  const unknownSample = await run('samples', 'create', 'nope');
  expect(unknownSample.code).toBe(2);
  expect(unknownSample.stderr).toContain('There is no sample named "nope"');
  const unnamed = await run('samples', 'create');
  expect(unnamed.code).toBe(2);
  expect(unnamed.stderr).toContain('exactly one sample NAME');
  expect((await run('samples', 'frobnicate')).code).toBe(2);
});
