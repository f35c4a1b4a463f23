// `npm start`: everything a first start needs, then the production server.
//   1. generate the Prisma client if it is missing or stale;
//   2. apply migrations, seed the demo into an empty database and, when there are no users,
//      create the admin account and print its one-time password (then close it: the
//      embedded database must have one owner, and that will be the server);
//   3. build the production app when there is none or a source is newer;
//   4. serve it on HOST:PORT (default 127.0.0.1:3000: only this machine; HOST=0.0.0.0 for all).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { resolveAuthSecret } from '../lib/auth/auth-secret';
import { createAuth } from '../lib/auth/create-auth';
import { ensureFirstAdmin, firstAdminLine } from '../lib/auth/ensure-first-admin';
import { closeDatabase, getDatabase } from '../lib/db';
import { seedDemoScenario } from '../lib/demo/seed-demo-scenario';
import { clientIsStale, reasonToBuild } from '../lib/ops/build-freshness';
import { holdExclusiveLock, LOCK_HELD_ENV, PRODUCTION_BUILD_LOCK } from '../lib/ops/hold-exclusive-lock';
import { serverAddress } from '../lib/ops/server-address';

const root = process.cwd();
const log = (message: string) => process.stderr.write(`[edgestack] ${message}\n`);
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    log(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (clientIsStale(root)) {
  log('generating the Prisma client…');
  run(process.execPath, [path.join(root, 'bin', 'prisma-generate.js')]);
}

try {
  const database = await getDatabase();
  log(`database: ${database.kind} (${database.location}), migrations applied`);
  const seeded = await seedDemoScenario(database.prisma, { onlyIfEmpty: true });
  if (seeded) log(`empty database: seeded the demo scenario "${seeded.name}"`);
  // Only used here to create the first account, never to serve requests: any base URL will do.
  const auth = createAuth(database.prisma, { secret: await resolveAuthSecret(database.prisma), production: false, baseURL: 'http://localhost' });
  const admin = await ensureFirstAdmin(database.prisma, auth);
  // The one place the password is ever shown.
  if (admin) process.stdout.write(`${firstAdminLine(admin)}\n`);
  await closeDatabase();
} catch (error) {
  log((error as Error).message);
  process.exit(1);
}

// Two starts in one checkout must not build .next at the same time (the second would serve a
// half-written build); a parent that already holds the lock (the browser tests) lets us through.
const buildLock = process.env[LOCK_HELD_ENV]
  ? null
  : holdExclusiveLock(PRODUCTION_BUILD_LOCK, { onWait: (pid) => log(`waiting for pid ${pid}, which is building or testing the app…`) });
const reason = reasonToBuild(root);
if (reason) {
  log(`building the production app (${reason})…`);
  run(process.execPath, [nextBin, 'build']);
}
buildLock?.release();

const address = serverAddress(process.env);
log(`serving on http://${address.host}:${address.port}${address.host === '127.0.0.1' ? ' (this machine only; set HOST to listen elsewhere)' : ''}`);
const server = spawn(process.execPath, [nextBin, 'start', ...address.args], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
