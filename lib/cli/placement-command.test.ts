import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { rmSync } from 'node:fs';
import { evaluate } from '../placement/evaluate';
import { generateProblem } from '../placement/generate-problem';
import type { PlacementProblem, PlacementResult } from '../placement/types';
import { main, type CliIo } from './main';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'edgestack-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeProblem(name: string, problem: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof problem === 'string' ? problem : JSON.stringify(problem));
  return file;
}

async function runInProcess(argv: string[], stdin = '') {
  let stdout = '',
    stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: () => [Buffer.from(stdin)] };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function runSubprocess(argv: string[], options: { env?: Record<string, string>; interruptAfterMs?: number; stdin?: string; cwd?: string } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'edgestack.js'), ...argv], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env } });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    if (options.interruptAfterMs) setTimeout(() => child.kill('SIGINT'), options.interruptAfterMs);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tiny = (): PlacementProblem => ({
  version: 1,
  objective: 'storage',
  layers: [
    { digest: 'sha256:base', size: 50_000_000 },
    { digest: 'sha256:a', size: 10_000_000 },
    { digest: 'sha256:b', size: 20_000_000 },
  ],
  servers: [
    { id: 'edge-1', storage: 70_000_000, cpu: 2, memory: 2048, bandwidth: 100 },
    { id: 'edge-2', storage: 90_000_000, cpu: 2, memory: 2048, bandwidth: 100 },
  ],
  containers: [
    { id: 'web-0', layers: ['sha256:base', 'sha256:a'], cpu: 1, memory: 512, bandwidth: 10 },
    { id: 'api-0', layers: ['sha256:base', 'sha256:b'], cpu: 1, memory: 512, bandwidth: 10 },
    { id: 'web-1', layers: ['sha256:base', 'sha256:a'], cpu: 1, memory: 512, bandwidth: 10 },
  ],
  policies: [],
});

const infeasible = (): PlacementProblem => ({
  ...tiny(),
  policies: [{ type: 'anti-affinity', containers: ['web-0', 'api-0', 'web-1'] }],
});

// Largest-bytes-first construction spreads the two 1-core containers over both servers (the
// second goes to the roomier one) and then cannot fit the 2-core one: only search finds it.
const greedyTrap = (): PlacementProblem => ({
  version: 1,
  objective: 'storage',
  layers: [
    { digest: 'sha256:big', size: 90_000_000 },
    { digest: 'sha256:mid', size: 50_000_000 },
    { digest: 'sha256:small', size: 1_000_000 },
  ],
  servers: [
    { id: 'edge-1', storage: 1e9, cpu: 2, memory: 4096, bandwidth: 100 },
    { id: 'edge-2', storage: 1e9, cpu: 2, memory: 4096, bandwidth: 100 },
  ],
  containers: [
    { id: 'big-layers', layers: ['sha256:big'], cpu: 1, memory: 10, bandwidth: 1 },
    { id: 'mid-layers', layers: ['sha256:mid'], cpu: 1, memory: 10, bandwidth: 1 },
    { id: 'big-cpu', layers: ['sha256:small'], cpu: 2, memory: 10, bandwidth: 1 },
  ],
  policies: [],
});

function parseResult(stdout: string): PlacementResult {
  return JSON.parse(stdout) as PlacementResult;
}

describe('edgestack placement solve (subprocess, as after npm ci)', () => {
  it('prints an optimal result as JSON and exits 0', async () => {
    const file = writeProblem('tiny.json', tiny());
    const { code, stdout, stderr } = await runSubprocess(['placement', 'solve', file, '--algorithm', 'exact', '--engine', 'highs']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = parseResult(stdout);
    expect(result.status).toBe('optimal');
    expect(result.engine).toBe('highs');
    // web-0 + web-1 share base+a on one server, api-0 alone: 60 + 70 MB.
    expect(result.cost).toBe(130_000_000);
    expect(result.lowerBound).toBe(130_000_000);
    expect(result.noSharingCost).toBe(190_000_000);
    expect(evaluate(tiny(), result.assignment!).cost).toBe(result.cost);
    expect(Object.keys(result.serverLayers!).length).toBe(2);
  });

  it('reads the problem from standard input with -', async () => {
    const { code, stdout } = await runSubprocess(['placement', 'solve', '-', '--algorithm', 'greedy'], { stdin: JSON.stringify(tiny()) });
    expect(code).toBe(0);
    // The exact finish proves this tiny placement optimal, so greedy's bound is its cost.
    expect(parseResult(stdout)).toMatchObject({ status: 'feasible', algorithm: 'greedy', cost: 130_000_000, lowerBound: 130_000_000 });
  });

  it('exit 2 with the path on stderr and nothing on stdout for invalid input', async () => {
    const bad = tiny();
    bad.servers[1].cpu = -3;
    bad.containers[2].layers.push('sha256:ghost');
    const { code, stdout, stderr } = await runSubprocess(['placement', 'solve', writeProblem('bad.json', bad)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('servers[1].cpu: must be ≥ 0');
    expect(stderr).toContain('containers[2].layers[2]: unknown digest');
  });

  it('turns SIGINT into a cancelled result', async () => {
    const hard = generateProblem({ servers: 20, containers: 100, seed: 7 });
    const file = writeProblem('hard.json', hard);
    const { code, stdout } = await runSubprocess(['placement', 'solve', file, '--algorithm', 'exact', '--time-limit', '60'], { interruptAfterMs: 4000 });
    expect(code).toBe(0);
    const result = parseResult(stdout);
    expect(result.status).toBe('cancelled');
    expect(result.elapsedMs).toBeLessThan(20_000);
  });

  // Sequential with the other subprocess tests: several at once on 2 cores delay start-up past the SIGINT test's 4 s.
  it('runs from another working directory: solves, generates and opens its embedded database', async () => {
    const file = writeProblem('tiny-elsewhere.json', tiny());
    const solved = await runSubprocess(['placement', 'solve', file, '--algorithm', 'greedy'], { cwd: tmpdir() });
    expect(solved.stderr).toBe('');
    expect(JSON.parse(solved.stdout)).toMatchObject({ status: 'feasible' });
    const generated = await runSubprocess(['placement', 'generate', '--servers', '2', '--containers', '3', '--seed', '1'], { cwd: tmpdir() });
    expect(generated.code, generated.stderr).toBe(0);
    const listed = await runSubprocess(['scenarios'], { cwd: tmpdir(), env: { DATABASE_URL: '', EDGESTACK_DATA_DIR: path.join(dir, 'pglite') } });
    expect(listed.code, listed.stderr).toBe(0);
  }, 120_000);
  it('container and server ids like __proto__ come back in the printed result', async () => {
    const hostile: PlacementProblem = {
      ...tiny(),
      servers: [
        { ...tiny().servers[0], id: '__proto__' },
        { ...tiny().servers[0], id: 'constructor' },
      ],
      containers: [
        { ...tiny().containers[0], id: '__proto__' },
        { ...tiny().containers[0], id: 'toString' },
      ],
      policies: [{ type: 'anti-affinity', containers: ['__proto__', 'toString'] }],
    };
    const file = writeProblem('hostile.json', hostile);
    const solved = await runSubprocess(['placement', 'solve', file, '--algorithm', 'exact']);
    expect(solved.stderr).toBe('');
    const result = JSON.parse(solved.stdout) as { status: string; assignment: Record<string, string> };
    expect(result.status).toBe('optimal');
    expect(Object.keys(result.assignment).sort()).toEqual(['__proto__', 'toString']);
    expect(new Set(Object.values(result.assignment))).toEqual(new Set(['__proto__', 'constructor']));
  }, 60_000);
  it('reports a crashing solver worker as an error result', async () => {
    const crash = writeProblem('crash-worker.mjs', "throw new Error('boom in worker');\n");
    const { code, stdout } = await runSubprocess(['placement', 'solve', writeProblem('t.json', tiny())], { env: { EDGESTACK_PLACEMENT_WORKER: crash } });
    expect(code).toBe(0);
    const result = parseResult(stdout);
    expect(result.status).toBe('error');
    expect(result.message).toContain('boom in worker');
  });
});

describe('edgestack placement (in process through main)', () => {
  it('exact says infeasible with a proof, greedy says no-solution', async () => {
    const file = writeProblem('infeasible.json', infeasible());
    const exact = await runInProcess(['placement', 'solve', file, '--algorithm', 'exact']);
    expect(exact.code).toBe(0);
    expect(parseResult(exact.stdout)).toMatchObject({ status: 'infeasible', cost: null, lowerBound: null, noSharingCost: 190_000_000 });
    expect(parseResult(exact.stdout).assignment).toBeUndefined();
    const greedy = await runInProcess(['placement', 'solve', file, '--algorithm', 'greedy']);
    expect(parseResult(greedy.stdout).status).toBe('no-solution');
  });

  it('no-sharing says whether private copies fit, with cost = noSharingCost', async () => {
    const fits = await runInProcess(['placement', 'solve', writeProblem('ns.json', greedyTrap()), '--algorithm', 'no-sharing']);
    expect(parseResult(fits.stdout)).toMatchObject({ status: 'feasible', cost: 141_000_000, noSharingCost: 141_000_000 });
    const tight = tiny();
    tight.servers.forEach((s) => (s.storage = 60_000_000));
    const none = await runInProcess(['placement', 'solve', writeProblem('ns2.json', tight), '--algorithm', 'no-sharing']);
    expect(parseResult(none.stdout)).toMatchObject({ status: 'infeasible', cost: 190_000_000 });
  });

  it('timeout when the limit passes before any valid placement is found', async () => {
    const file = writeProblem('trap.json', greedyTrap());
    const rushed = await runInProcess(['placement', 'solve', file, '--algorithm', 'exact', '--time-limit', '1e-9']);
    expect(rushed.code).toBe(0);
    expect(parseResult(rushed.stdout).status).toBe('timeout');
    // With time, greedy's exact fallback finds the placement its construction missed.
    const patient = await runInProcess(['placement', 'solve', file, '--algorithm', 'greedy']);
    const found = parseResult(patient.stdout);
    expect(found.status).toBe('feasible');
    expect(found.assignment!['big-layers']).toBe(found.assignment!['mid-layers']);
    expect(found.assignment!['big-cpu']).not.toBe(found.assignment!['big-layers']);
  });

  it('solves a version-2 problem on its weighted objective and prints each term', async () => {
    const base = tiny();
    const networked: PlacementProblem = {
      ...base,
      version: 2,
      containers: base.containers.map((c) => ({ ...c, service: c.id.split('-')[0] })),
      weights: { storage: 1, startup: 1e9, traffic: 0, moves: 0 },
      network: {
        registries: [{ id: 'hub' }],
        pulls: [
          { server: 'edge-1', registry: 'hub', bandwidthMbps: 10, latencyMs: 0 },
          { server: 'edge-2', registry: 'hub', bandwidthMbps: 1000, latencyMs: 0 },
        ],
        latencies: [{ a: 'edge-1', b: 'edge-2', latencyMs: 2 }],
      },
    };
    const { code, stdout } = await runInProcess(['placement', 'solve', writeProblem('v2.json', networked), '--algorithm', 'exact']);
    expect(code).toBe(0);
    const result = parseResult(stdout);
    // Two containers fit a server: the slow link gets the smaller pull (web: 60 MB, 48 s; api: 70 MB, 56 s).
    expect(result.status).toBe('optimal');
    expect(result.assignment!['api-0']).toBe('edge-2');
    expect(result.terms!.startupSeconds).toBeCloseTo(48, 6);
    expect(result.cost).toBeCloseTo(evaluate(networked, result.assignment!).cost, 0);
  });

  it('kube-default places pod by pod', async () => {
    const { stdout } = await runInProcess(['placement', 'solve', writeProblem('k.json', tiny()), '--algorithm', 'kube-default']);
    const result = parseResult(stdout);
    expect(result.status).toBe('feasible');
    expect(result.engine).toBeNull();
    expect(evaluate(tiny(), result.assignment!).feasible).toBe(true);
  });

  it('refuses bad options and files with exit 2 and nothing on stdout', async () => {
    for (const argv of [
      ['placement', 'solve', writeProblem('x.json', tiny()), '--algorithm', 'magic'],
      ['placement', 'solve', writeProblem('y.json', tiny()), '--engine', 'cplex'],
      ['placement', 'solve', writeProblem('z.json', tiny()), '--time-limit', '-1'],
      ['placement', 'solve', path.join(dir, 'missing.json')],
      ['placement', 'solve', writeProblem('v3.json', { ...tiny(), version: 3 })],
      ['placement', 'generate', '--servers', '0', '--containers', '5', '--seed', '1'],
      ['placement', 'frobnicate'],
    ]) {
      const { code, stdout, stderr } = await runInProcess(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).not.toBe('');
    }
    const v3 = await runInProcess(['placement', 'solve', path.join(dir, 'v3.json')]);
    expect(v3.stderr).toMatch(/^version: must be 1 or 2/);
  });

  it('refuses a file over 50 MiB without reading it', async () => {
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
    const { code, stdout, stderr } = await runInProcess(['placement', 'solve', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/huge\.json: input is 52428801 bytes; the limit is 52428800/);
  });

  it('generate writes a valid, reproducible problem; --from-images draws real layers', async () => {
    const a = await runInProcess(['placement', 'generate', '--servers', '4', '--containers', '12', '--seed', '3']);
    const b = await runInProcess(['placement', 'generate', '--servers', '4', '--containers', '12', '--seed', '3']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const problem = JSON.parse(a.stdout) as PlacementProblem;
    expect(problem.servers).toHaveLength(4);
    expect(problem.containers).toHaveLength(12);
    const solved = await runInProcess(['placement', 'solve', writeProblem('gen.json', problem), '--algorithm', 'greedy']);
    expect(parseResult(solved.stdout).status).toBe('feasible');

    const images = datasetPath('images', 'layers.json');
    const real = await runInProcess(['placement', 'generate', '--servers', '5', '--containers', '30', '--seed', '1', '--from-images', images]);
    expect(real.code).toBe(0);
    const realProblem = JSON.parse(real.stdout) as PlacementProblem;
    expect(realProblem.containers.every((c) => c.layers.every((d) => d.startsWith('sha256:')))).toBe(true);
    expect(realProblem.servers.every((s) => s.arch === 'amd64')).toBe(true);
  });
});
