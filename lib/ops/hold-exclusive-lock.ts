import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from './is-process-alive';

/** Held while a process builds or serves from the shared `.next` for tests and benchmarks. */
export const PRODUCTION_BUILD_LOCK = path.join(os.tmpdir(), 'edgestack-production-build.lock');

/** Set by a lock holder for its children, which then act under their parent's lock. */
export const LOCK_HELD_ENV = 'EDGESTACK_E2E_LOCK_HELD';

/**
 * Blocks until this process holds `file` (a pid lock), then keeps it until `release()` or until
 * the process exits.
 * The browser tests share one production build (.next) and one port; two test runs at once
 * would rebuild the app under each other's server, so runs take turns.
 */
export function holdExclusiveLock(file: string, { timeoutMs = 30 * 60_000, onWait }: { timeoutMs?: number; onWait?: (holder: number) => void } = {}): { release(): void } {
  const deadline = Date.now() + timeoutMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(file, 'utf8')) || 0;
    if (!holder || !isProcessAlive(holder)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${file} (held by pid ${holder}).`);
    if (!announced) onWait?.(holder);
    announced = true;
    Atomics.wait(sleeper, 0, 0, 1000);
  }
}
