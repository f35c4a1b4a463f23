import { getDb } from '@/lib/db';
import { startWorkQueue } from './work-queue';

/** The dashboard's own queue worker, stopped cleanly with the server. */
export function startServerQueue(): void {
  const queue = startWorkQueue(getDb);
  const stop = () => void queue.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
