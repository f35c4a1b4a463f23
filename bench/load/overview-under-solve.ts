// `npm run bench:load`: page loads of the Overview from 20 concurrent clients while a 60 s
// exact placement run is solving in the same server (issue 6's target: p95 < 300 ms, no errors).
// It starts the production server itself (`npm start` path, its own embedded database unless
// DATABASE_URL is set), seeds a hard generated instance through the HTTP API, starts the run,
// measures with autocannon, and writes bench/results/load-overview.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { holdExclusiveLock, LOCK_HELD_ENV, PRODUCTION_BUILD_LOCK } from '../../lib/ops/hold-exclusive-lock';
import { generateProblem } from '../../lib/placement/generate-problem';
import { problemToScenarioDocument } from '../../lib/placement-runs/problem-to-scenario-document';

const PORT = Number(process.env.BENCH_PORT ?? 3931);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = 20;
const DURATION_SEC = Number(process.env.BENCH_DURATION ?? 30);
const dataDir = path.resolve('bench/tmp/load-pglite');

const log = (m: string) => process.stderr.write(`[bench:load] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label: string) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({ url: `${BASE}/`, connections: CONNECTIONS, duration: DURATION_SEC });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
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

async function main() {
  // The server builds into the shared .next when stale: take turns with browser-test runs.
  holdExclusiveLock(PRODUCTION_BUILD_LOCK, { onWait: (pid) => log(`waiting for pid ${pid} to finish with .next…`) });
  if (await fetch(`${BASE}/`).then(() => true, () => false)) throw new Error(`port ${PORT} is taken by another server; set BENCH_PORT`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env, [LOCK_HELD_ENV]: '1', PORT: String(PORT), ...(process.env.DATABASE_URL ? {} : { EDGESTACK_DATA_DIR: dataDir }) };
  const server = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
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
      if (i > 300) throw new Error('the server did not start within 5 minutes');
      const ok = await fetch(`${BASE}/`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await sleep(1000);
    }
    log('server up; seeding a 20 × 100 generated instance');
    const document = problemToScenarioDocument(generateProblem({ servers: 20, containers: 100, seed: 3 }), `Load bench ${Date.now()}`);
    const created = await fetch(`${BASE}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    const { id } = (await created.json()) as { id: string };
    if (!created.ok) throw new Error(`seeding failed: ${created.status}`);

    const idle = await measure('no solve running');

    const started = await fetch(`${BASE}/api/scenarios/${id}/placement-runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ algorithms: ['exact'], timeLimitSec: 60 }),
    });
    const { runIds } = (await started.json()) as { runIds: string[] };
    for (;;) {
      const { runs } = (await (await fetch(`${BASE}/api/scenarios/${id}/placement-runs`)).json()) as { runs: { id: string; status: string }[] };
      if (runs.find((r) => r.id === runIds[0])?.status === 'running') break;
      await sleep(200);
    }
    log('exact run solving; measuring');
    const busy = await measure('during a 60 s exact run');
    const { runs } = (await (await fetch(`${BASE}/api/scenarios/${id}/placement-runs`)).json()) as { runs: { id: string; status: string }[] };
    const stillRunning = runs.find((r) => r.id === runIds[0])?.status === 'running';

    const database = process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'embedded PGlite';
    const lines = [
      '# Overview page under load while the optimizer runs',
      '',
      `Measured ${new Date().toISOString()} on this machine (${os.cpus().length} cores), production build, ${database}, ` +
        `autocannon with ${CONNECTIONS} connections for ${DURATION_SEC} s against \`/\`. Reproduce: \`npm run bench:load\`.`,
      '',
      '| condition | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | requests/s |',
      '|---|---|---|---|---|---|---|---|',
      ...[idle, busy].map((r) => `| ${r.label} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.rps.toFixed(1)} |`),
      '',
      `The exact run (20 edge servers × 100 containers, 60 s limit) was ${stillRunning ? 'still solving' : 'no longer running'} when the measurement ended. Target: p95 < 300 ms with no errors — ${busy.p95 < 300 && busy.errors === 0 ? 'met' : 'missed'}.`,
      '',
    ];
    fs.mkdirSync('bench/results', { recursive: true });
    const out = process.env.DATABASE_URL ? 'bench/results/load-overview-postgres.md' : 'bench/results/load-overview.md';
    fs.writeFileSync(out, lines.join('\n'));
    log(`wrote ${out}`);
  } finally {
    stopServer();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error));
    process.exit(1);
  },
);
