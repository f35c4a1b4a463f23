import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '@/lib/errors';
import { isProcessAlive } from '@/lib/ops/is-process-alive';

export type DataDirLock = { release(): void };

const LOCK_FILE = 'edgestack.lock';

/**
 * PGlite is a single-process database: two processes writing one directory corrupt it.
 * The owner writes its pid into a lock file; a second opener is refused with the fix, and a
 * lock left by a process that no longer exists is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (holder.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        // A half-written lock from a crash: treat as stale.
      }
      const sameHost = !holder.host || holder.host === os.hostname();
      if (holder.pid && sameHost && isProcessAlive(holder.pid)) {
        throw new DomainError(
          'DATABASE_LOCKED',
          `The embedded database in ${dataDir} is in use by ${holder.pid === process.pid ? 'this process already' : `another process (pid ${holder.pid})`}. ` +
            'Stop that process (for example the running dashboard), set EDGESTACK_DATA_DIR to another directory, ' +
            'or set DATABASE_URL to use Postgres, which many processes can share.',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DomainError('DATABASE_LOCKED', `Could not lock the embedded database in ${dataDir}.`);
}
