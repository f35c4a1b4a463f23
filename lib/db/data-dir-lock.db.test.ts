import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { applyMigrations } from './migrate';
import { openDatabase, type Database } from './open-database';

// The embedded database on disk: one owner process at a time, a clear message for the next.
let dir: string;
let owner: Database;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-lock-'));
  owner = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'nested', 'pglite') });
  await applyMigrations(owner.sql);
  await owner.prisma.scenario.create({ data: { name: 'kept' } });
});
afterAll(async () => {
  await owner?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a second process is refused with the fix, and the data survives', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/db-migrate.ts'], {
    env: { ...process.env, DATABASE_URL: '', EDGESTACK_DATA_DIR: path.join(dir, 'nested', 'pglite') },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/in use by another process \(pid \d+\)/);
  expect(result.stderr).toMatch(/EDGESTACK_DATA_DIR/);
  expect(result.stderr).toMatch(/DATABASE_URL/);
  expect(result.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
});

test('a second open in the same process is refused too', async () => {
  await expect(openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'nested', 'pglite') })).rejects.toThrow(/in use by this process already/);
  expect(await owner.prisma.scenario.count()).toBe(1);
});

test('after the owner closes, the next process opens it and sees the data; a stale lock is taken over', async () => {
  await owner.close();
  const lockFile = path.join(dir, 'nested', 'pglite', 'edgestack.lock');
  expect(fs.existsSync(lockFile)).toBe(false);
  fs.writeFileSync(lockFile, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() })); // no such process
  owner = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'nested', 'pglite') });
  expect(await owner.prisma.scenario.findMany({ select: { name: true } })).toEqual([{ name: 'kept' }]);
});
