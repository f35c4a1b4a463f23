import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-lock-race-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, 'edgestack.lock');
const DEAD_PID = 2 ** 22 + 12345; // above pid_max: no such process

/** A separate process that tries to take the lock, pausing inside the takeover, and reports. */
function taker(pauseMs: number): Promise<string> {
  const script = `
    import { acquireDataDirLock } from ${JSON.stringify(path.join(import.meta.dirname, 'data-dir-lock.ts'))};
    try {
      acquireDataDirLock(${JSON.stringify(dir)}, { pauseBeforeTakeoverMs: ${pauseMs} });
      console.log('acquired');
      setTimeout(() => {}, 1500);
    } catch (error) {
      console.log('refused: ' + error.message);
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.join(import.meta.dirname, '..', '..') });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    // The first line is the answer; the winner holds the lock a while longer, then exits.
    child.stdout.on('data', () => {
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.on('exit', () => resolve(out.split('\n')[0]));
  });
}

describe('the embedded database lock', () => {
  test('two processes taking over one stale lock at once: exactly one gets it', async () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: DEAD_PID, host: os.hostname() }));
    const answers = await Promise.all([taker(400), taker(400)]);
    expect(
      answers.filter((a) => a === 'acquired'),
      answers.join(' | '),
    ).toHaveLength(1);
    expect(answers.filter((a) => a.startsWith('refused'))).toHaveLength(1);
  }, 30_000);

  test('a lock written on another host is never stale', () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: DEAD_PID, host: `${os.hostname()}-elsewhere` }));
    expect(() => acquireDataDirLock(dir)).toThrow(/another machine/);
    expect((JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as { host: string }).host).toBe(`${os.hostname()}-elsewhere`);
  });

  test('a stale lock of this host is taken over, and released on release', () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: DEAD_PID, host: os.hostname() }));
    const lock = acquireDataDirLock(dir);
    expect((JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by this process already/);
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
