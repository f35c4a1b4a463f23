// `npm run bench:cli`: how long the command line takes, end to end, as a person types it.
// One line per command: the median wall time of 5 runs (node bin/edgestack.js …, a new process
// each time), then where opening the embedded database spends its time, measured in-process.
// Postgres lines run when BENCH_DATABASE_URL names a server (a database is created there and
// dropped). Writes bench/results/cli.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 5;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-bench-cli-'));
const kdl = path.join(root, 'datasets', 'topologies', 'Kdl.graphml');
let fresh = 0;
const newDataDir = () => path.join(tmp, `fresh-${fresh++}`);

function run(argv: string[], env: Record<string, string>): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['bin/edgestack.js', ...argv], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`edgestack ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const lines: string[] = [];
function measure(label: string, argv: () => string[], env: () => Record<string, string>) {
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) times.push(run(argv(), env()));
  const line = `${label.padEnd(58)} median ${(median(times) / 1000).toFixed(2)} s  (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`;
  console.log(line);
  lines.push(`| ${label} | ${(median(times) / 1000).toFixed(2)} s | ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} |`);
}

const warm = path.join(tmp, 'warm');
run(['scenarios'], { DATABASE_URL: '', EDGESTACK_DATA_DIR: warm });
run(['samples', 'create', 'metro-edge'], { DATABASE_URL: '', EDGESTACK_DATA_DIR: warm });

measure(
  'edgestack --help (start-up alone)',
  () => ['--help'],
  () => ({ DATABASE_URL: '' }),
);
measure(
  'placement generate 10×50 (no database)',
  () => ['placement', 'generate', '--servers', '10', '--containers', '50', '--seed', '1'],
  () => ({ DATABASE_URL: '' }),
);
measure(
  'scenarios, embedded database (warm folder)',
  () => ['scenarios'],
  () => ({ DATABASE_URL: '', EDGESTACK_DATA_DIR: warm }),
);
measure(
  'scenarios, first call on a new data folder',
  () => ['scenarios'],
  () => ({ DATABASE_URL: '', EDGESTACK_DATA_DIR: newDataDir() }),
);
measure(
  'import topology Kdl.graphml, new data folder',
  () => ['import', 'topology', kdl, '--scenario', 'Kdl'],
  () => ({ DATABASE_URL: '', EDGESTACK_DATA_DIR: newDataDir() }),
);

const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
if (serverUrl) {
  const name = `edgestack_bench_cli_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    run(['scenarios'], { DATABASE_URL: url.toString() });
    measure(
      'scenarios, Postgres',
      () => ['scenarios'],
      () => ({ DATABASE_URL: url.toString() }),
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

// Where opening PGlite goes, in this process (modules already loaded once before timing).
const { PGlite } = await import('@electric-sql/pglite');
const { applyMigrations } = await import('../lib/db/migrate');
const { openDatabase } = await import('../lib/db/open-database');
const { pgliteSqlRunner } = await import('../lib/db/pglite-sql-runner');
const phases: string[] = [];
const time = async <T>(label: string, fn: () => Promise<T>) => {
  const started = performance.now();
  const value = await fn();
  const line = `${label.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(2)} s`;
  console.log(line);
  phases.push(`| ${label} | ${((performance.now() - started) / 1000).toFixed(2)} s |`);
  return value;
};
const made = await time('PGlite: create a new data folder (initdb)', async () => {
  const c = new PGlite(newDataDir());
  await c.waitReady;
  return c;
});
await made.close();
await time('PGlite: open an existing, migrated folder', async () => {
  const c = new PGlite(warm);
  await c.waitReady;
  await c.close();
});
// A bare cluster, as initdb leaves it: what the template saves every new data folder.
const bare = new PGlite(newDataDir());
await bare.waitReady;
await time('migrations: apply all to a new database (the template holds them)', () => applyMigrations(pgliteSqlRunner(bare)));
await bare.close();
const db = await time('new data folder from the migrated template (copy and open)', () => openDatabase({ kind: 'pglite', dataDir: newDataDir() }));
await time('migrations: check that all are applied (one query)', () => applyMigrations(db.sql));
await time('Prisma: first query (client start)', () => db.prisma.scenario.count());
await db.close();

const md = [
  '# Command line: wall time per command',
  '',
  `Measured by \`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}; median of ${RUNS} runs, each a new process (\`node bin/edgestack.js …\`).`,
  '',
  '| command | median | runs |',
  '|---|---|---|',
  ...lines,
  '',
  '## Where opening the embedded database spends its time (one process)',
  '',
  '| phase | time |',
  '|---|---|',
  ...phases,
  '',
];
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench', 'results', 'cli.md'), md.join('\n'));
fs.rmSync(tmp, { recursive: true, force: true });
