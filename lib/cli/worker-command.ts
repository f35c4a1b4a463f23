import { closeDatabase, getDatabase, type Database } from '@/lib/db';
import { isDomainError } from '@/lib/errors';
import { solverWorkersFromEnv, startWorkQueue } from '@/lib/placement-runs/work-queue';
import { parseFlags, reportFailure, UsageError } from './cli-support';
import type { CliIo } from './main';

const USAGE = 'usage: edgestack worker [--threads N] [--grace SECONDS]';
const DEFAULT_GRACE_SEC = 30;

/** Signals a worker answers; `process` outside tests. */
export type SignalSource = Pick<NodeJS.Process, 'on' | 'off'>;

function positiveNumber(raw: string | undefined, name: string, fallback: number, { integer = false, max }: { integer?: boolean; max: number }): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max || (integer && (!Number.isInteger(value) || value < 1))) {
    throw new UsageError(`${name} must be ${integer ? 'a whole number from 1' : 'a number from 0'} to ${max} (got ${raw})`);
  }
  return value;
}

/**
 * `edgestack worker`: claims queued placement runs and experiments from the database and solves
 * them, EDGESTACK_SOLVER_WORKERS (or --threads) at a time, until SIGTERM or SIGINT. Then it
 * claims nothing more, lets the solves in flight finish for up to --grace seconds, puts the
 * rest back in the queue for another worker, and exits 0; a second signal puts them back at
 * once. Meant for Postgres, where web processes (EDGESTACK_QUEUE=off) and any number of
 * workers share one database; the embedded database has a single owner, so a worker there
 * runs only if no other process (the dashboard) has it open.
 */
export async function runWorkerCommand(argv: string[], io: CliIo, signals: SignalSource = process): Promise<number> {
  const prefix = 'edgestack worker';
  let threads: number;
  let graceSec: number;
  try {
    const flags = parseFlags(argv, ['threads', 'grace'], ['help']);
    if (flags.switches.has('help')) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (flags.positional.length) throw new UsageError(`unexpected argument ${flags.positional[0]} (${USAGE})`);
    threads = positiveNumber(flags.values.get('threads'), '--threads', solverWorkersFromEnv(), { integer: true, max: 64 });
    graceSec = positiveNumber(flags.values.get('grace') ?? process.env.EDGESTACK_WORKER_GRACE_SEC, '--grace', DEFAULT_GRACE_SEC, { max: 3600 });
  } catch (error) {
    return reportFailure(io, prefix, error);
  }

  let database: Database;
  try {
    database = await getDatabase();
  } catch (error) {
    if (isDomainError(error) && error.code === 'DATABASE_LOCKED') {
      io.stderr(
        `${prefix}: refusing to start: the embedded database has one owner, and another process has it open. ` +
          `${error.message.replace(/\n+/g, ' ')} Solver workers beside the dashboard need Postgres: ` +
          'set DATABASE_URL for the web processes (with EDGESTACK_QUEUE=off) and the workers.\n',
      );
      return 2;
    }
    await closeDatabase().catch(() => undefined);
    return reportFailure(io, prefix, error);
  }

  const log = (message: string) => io.stdout(`${new Date().toISOString()} ${message}\n`);
  const queue = startWorkQueue(() => Promise.resolve(database.prisma), { concurrency: threads, log: (m) => log(`worker ${queue.workerId}: ${m}`) });
  log(
    `worker ${queue.workerId}: waiting for work on ${database.kind === 'postgres' ? `Postgres ${database.location}` : `the embedded database in ${database.location} (no other process can open it while this worker runs)`}, ` +
      `${threads} solver thread${threads === 1 ? '' : 's'}, ${graceSec} s grace on stop`,
  );

  let stopListening = () => undefined as void;
  await new Promise<void>((resolve) => {
    let signalled = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signalled += 1;
      if (signalled === 1) {
        const inFlight = queue.active();
        log(
          `worker ${queue.workerId}: ${signal}: claiming nothing more` +
            (inFlight ? `; ${inFlight} in flight may finish within ${graceSec} s, then go back to the queue (signal again to put them back now)` : ''),
        );
        void queue.stop({ graceMs: graceSec * 1000 }).then(resolve);
      } else {
        log(`worker ${queue.workerId}: ${signal} again: putting what is in flight back in the queue now`);
        void queue.stop({ graceMs: 0 });
      }
    };
    signals.on('SIGTERM', onSignal);
    signals.on('SIGINT', onSignal);
    stopListening = () => {
      signals.off('SIGTERM', onSignal);
      signals.off('SIGINT', onSignal);
    };
  });
  stopListening();
  log(`worker ${queue.workerId}: stopped`);
  await closeDatabase().catch(() => undefined);
  return 0;
}
