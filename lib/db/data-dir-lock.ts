import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '@/lib/errors';
import { isProcessAlive } from '@/lib/ops/is-process-alive';

export type DataDirLock = { release(): void };

const LOCK_FILE = 'edgestack.lock';

type Holder = { pid?: number; host?: string; since?: string; nonce?: string };

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Creates `target` with `content` only if it does not exist, complete or not at all: the
 * content is written to a private file first and hard-linked into place (link fails on EEXIST). */
function createComplete(target: string, content: string): boolean {
  const temp = `${target}.${process.pid}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, content, { flag: 'wx' });
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The lock file as it is now: its content and an identity that changes whenever it is replaced. */
function readLock(file: string): { holder: Holder; identity: string } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    const text = fs.readFileSync(fd, 'utf8');
    let holder: Holder = {};
    try {
      holder = JSON.parse(text) as Holder;
    } catch {
      // Unreadable: older versions could leave a half-written lock after a crash; it holds nothing.
    }
    return { holder, identity: createHash('sha256').update(`${stat.dev}:${stat.ino}:${text}`).digest('hex').slice(0, 32) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * PGlite is a single-process database: two processes writing one directory corrupt it.
 * The owner's lock file names its pid, host and a nonce; a second opener is refused with the fix.
 * A lock left by a process of this machine that no longer exists is taken over; a lock from
 * another machine (a shared disk) is never judged stale, since its pid means nothing here.
 *
 * Takeover is atomic: removing the stale lock requires first creating a claim file named after
 * that exact lock (its inode and content), so of any number of takers only one can remove it,
 * and only while it is still the stale one; everyone then competes to create the lock afresh,
 * which only one wins.
 */
export function acquireDataDirLock(dataDir: string, options: { pauseBeforeTakeoverMs?: number } = {}): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), nonce: randomUUID() });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createComplete(file, mine)) return releaser(file, mine);
    const current = readLock(file);
    if (!current) continue; // released meanwhile: try again
    const { holder, identity } = current;
    if (holder.host && holder.host !== os.hostname()) {
      throw new DomainError(
        'DATABASE_LOCKED',
        `The embedded database in ${dataDir} is locked by process ${holder.pid ?? '?'} on another machine (${holder.host}). ` +
          `If that machine no longer uses it, delete ${file}; or set EDGESTACK_DATA_DIR to another directory, or DATABASE_URL to use Postgres.`,
      );
    }
    if (holder.pid && isProcessAlive(holder.pid)) {
      throw new DomainError(
        'DATABASE_LOCKED',
        `The embedded database in ${dataDir} is in use by ${holder.pid === process.pid ? 'this process already' : `another process (pid ${holder.pid})`}. ` +
          'Stop that process (for example the running dashboard), set EDGESTACK_DATA_DIR to another directory, ' +
          'or set DATABASE_URL to use Postgres, which many processes can share.',
      );
    }
    if (options.pauseBeforeTakeoverMs) pause(options.pauseBeforeTakeoverMs);
    const claim = `${file}.takeover-${identity}`;
    if (!createComplete(claim, mine)) {
      // Another process is taking this stale lock over; see who ends up with it.
      pause(50);
      continue;
    }
    try {
      // Only a claim holder removes a lock, so if the lock is still this stale one now, it stays
      // so until we remove it.
      if (readLock(file)?.identity === identity) fs.rmSync(file, { force: true });
    } finally {
      fs.rmSync(claim, { force: true });
    }
  }
  throw new DomainError(
    'DATABASE_LOCKED',
    `Could not lock the embedded database in ${dataDir}: other processes keep taking it over. Try again; if no other process is starting, a crashed takeover left ${file}.takeover-* behind: delete those files.`,
  );
}

function releaser(file: string, mine: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return { release };
}
