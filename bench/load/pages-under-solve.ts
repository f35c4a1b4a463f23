// `npm run bench:load`: the dashboard under 50 concurrent signed-in clients while the optimizer
// runs. It starts the production server itself (the `npm start` path) on a fresh database (the
// embedded one, or a new database on the Postgres server of BENCH_DATABASE_URL), signs in as the
// first admin that start-up creates, seeds a 20 × 100 generated instance through the HTTP API,
// starts a 180 s exact run, and loads the Overview and the Architecture page with autocannon for
// 30 s each while it solves. Writes bench/results/load-pages-<database>.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { SCENARIO_COOKIE } from '../../lib/actions/scenario-cookie';
import { holdExclusiveLock, LOCK_HELD_ENV, PRODUCTION_BUILD_LOCK } from '../../lib/ops/hold-exclusive-lock';
import { generateProblem } from '../../lib/placement/generate-problem';
import { problemToScenarioDocument } from '../../lib/placement-runs/problem-to-scenario-document';

const PORT = Number(process.env.BENCH_PORT ?? 3931);
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_SEC = Number(process.env.BENCH_DURATION ?? 30);
const SOLVE_SEC = 180;
const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
const dataDir = path.resolve('bench/tmp/load-pglite');

const log = (m: string) => process.stderr.write(`[bench:load] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Row = { label: string; requests: number; errors: number; p50: number; p95: number; p99: number; max: number; rps: number };

async function measure(label: string, pathname: string, cookie: string): Promise<Row> {
  const latencies: number[] = [];
  const instance = autocannon({ url: `${BASE}${pathname}`, connections: CONNECTIONS, duration: DURATION_SEC, headers: { cookie }, timeout: 30 });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const row = {
    label,
    requests: latencies.length,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    rps: latencies.length / DURATION_SEC,
  };
  log(`${label}: ${row.requests} requests, p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, errors ${row.errors}`);
  return row;
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function main() {
  holdExclusiveLock(PRODUCTION_BUILD_LOCK, { onWait: (pid) => log(`waiting for pid ${pid} to finish with .next…`) });
  if (
    await fetch(`${BASE}/`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${PORT} is taken by another server; set BENCH_PORT`);

  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `edgestack_bench_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else fs.rmSync(dataDir, { recursive: true, force: true });

  const env = { ...process.env, [LOCK_HELD_ENV]: '1', PORT: String(PORT), DATABASE_URL: databaseUrl, ...(databaseUrl ? {} : { EDGESTACK_DATA_DIR: dataDir }) };
  const server = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const stopServer = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);
  try {
    for (let i = 0; ; i += 1) {
      if (i > 600) throw new Error(`the server did not start within 10 minutes:\n${output}`);
      if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      const ok = await fetch(`${BASE}/sign-in`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      await sleep(1000);
    }
    const account = /Admin account: (\S+) — one-time password: (\S+)/.exec(output);
    if (!account) throw new Error(`no first-admin line in the server output:\n${output}`);
    const session = await signIn(account[1], account[2]);
    log('server up, signed in; seeding a 20 × 100 generated instance');
    const document = problemToScenarioDocument(generateProblem({ servers: 20, containers: 100, seed: 3 }), `Load bench ${Date.now()}`);
    const json = { 'content-type': 'application/json', origin: BASE, cookie: session };
    const created = await fetch(`${BASE}/api/scenarios`, { method: 'POST', headers: json, body: JSON.stringify(document) });
    if (!created.ok) throw new Error(`seeding failed: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const cookie = `${session}; ${SCENARIO_COOKIE}=${id}`;

    const started = await fetch(`${BASE}/api/scenarios/${id}/placement-runs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ algorithms: ['exact'], timeLimitSec: SOLVE_SEC }),
    });
    if (!started.ok) throw new Error(`starting the run failed: ${started.status} ${await started.text()}`);
    const { runIds } = (await started.json()) as { runIds: string[] };
    const runStatus = async () => {
      const { runs } = (await (await fetch(`${BASE}/api/scenarios/${id}/placement-runs`, { headers: { cookie } })).json()) as { runs: { id: string; status: string }[] };
      return runs.find((r) => r.id === runIds[0])?.status;
    };
    while ((await runStatus()) !== 'running') await sleep(200);
    log('exact run solving; measuring');
    const rows = [await measure('Overview (/) during the exact run', '/', cookie), await measure('Architecture (/architecture) during the exact run', '/architecture', cookie)];
    const stillRunning = (await runStatus()) === 'running';

    const database = databaseUrl ? 'Postgres' : 'embedded PGlite';
    const lines = [
      `# Pages under load while the optimizer runs (${database})`,
      '',
      `Measured ${new Date().toISOString()} on this machine (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end), production build, ${database}, ` +
        `signed in, autocannon with ${CONNECTIONS} connections for ${DURATION_SEC} s per page, while an exact run (20 edge servers × 100 containers, ${SOLVE_SEC} s limit) solves in the same server. ` +
        `Reproduce: \`npm run bench:load\`${databaseUrl ? ' with BENCH_DATABASE_URL set' : ''}.`,
      '',
      '| page | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | requests/s |',
      '|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) => `| ${r.label} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.rps.toFixed(1)} |`,
      ),
      '',
      `The exact run was ${stillRunning ? 'still solving' : 'no longer running'} when the measurements ended.`,
      '',
    ];
    fs.mkdirSync('bench/results', { recursive: true });
    const out = `bench/results/load-pages-${databaseUrl ? 'postgres' : 'pglite'}.md`;
    fs.writeFileSync(out, lines.join('\n'));
    log(`wrote ${out}`);
    for (const line of lines) console.log(line);
  } finally {
    stopServer();
    await sleep(1000);
    await dropDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error));
    process.exit(1);
  },
);
