import { getDb } from '@/lib/db';
import { startWorkQueue } from './work-queue';

/**
 * The dashboard's own queue worker. When the server stops, the runs it was solving go back to
 * the queue at once (a restart or another process takes them up) rather than being cancelled.
 */
export function startServerQueue(): void {
  const queue = startWorkQueue(getDb);
  const stop = () => void queue.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
