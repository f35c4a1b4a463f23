import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { main, type CliIo } from './main';

// The import/export/scenarios commands against an embedded database of their own, in-process
// (fast) and once through bin/edgestack.js in a child process (the real entry point).

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'edgestack-import-cli-'));
const dataDir = path.join(dir, 'pglite');
const saved = { url: process.env.DATABASE_URL, dataDir: process.env.EDGESTACK_DATA_DIR };

beforeAll(() => {
  delete process.env.DATABASE_URL;
  process.env.EDGESTACK_DATA_DIR = dataDir;
});
afterAll(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.dataDir !== undefined) process.env.EDGESTACK_DATA_DIR = saved.dataDir;
  else delete process.env.EDGESTACK_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: async function* () {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function runSubprocess(argv: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, EDGESTACK_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['bin/edgestack.js', ...argv], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const topology = (name: string) => datasetPath('topologies', name);

describe('edgestack import / export / scenarios', () => {
  test('import topology creates the scenario; every node a network node, every edge a link; one summary line', async () => {
    const r = await run('import', 'topology', topology('Interoute.graphml'), '--scenario', 'Interoute');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const [summary] = r.stderr.split('\n');
    expect(summary).toMatch(/imported into "Interoute" \(new scenario\): 110 network nodes created; 156 links created; 2 self-loops skipped; 10 parallel edges kept/);
  });

  test('export topology gives back the same node and edge counts', async () => {
    const exported = await run('export', 'topology', 'Interoute');
    expect(exported.code).toBe(0);
    expect((exported.stdout.match(/<node /g) ?? []).length).toBe(110);
    expect((exported.stdout.match(/<edge /g) ?? []).length).toBe(156);
    expect(exported.stderr).toMatch(/110 nodes, 156 edges/);
    const file = path.join(dir, 'interoute-out.graphml');
    writeFileSync(file, exported.stdout);
    const back = await run('import', 'topology', file, '--scenario', 'Interoute copy');
    expect(back.stderr).toMatch(/110 network nodes created; 156 links created/);
  });

  test('Kdl keeps its 4 parallel edges', async () => {
    const r = await run('import', 'topology', topology('Kdl.graphml'), '--scenario', 'Kdl');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/754 network nodes created; 899 links created; 4 parallel edges kept/);
  });

  test('export scenario writes the lossless JSON; scenarios lists them', async () => {
    const r = await run('export', 'scenario', 'Interoute');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { networkNodes: unknown[] };
    expect(doc).toMatchObject({ format: 'edgestack.scenario', version: 1, scenario: { name: 'Interoute' } });
    expect(doc.networkNodes).toHaveLength(110);
    const list = await run('scenarios');
    expect(list.code).toBe(0);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['Interoute', 'Interoute copy', 'Kdl']);
    expect(list.stderr).toMatch(/^3 scenarios in /);
  });

  test('images: layers.json needs a snapshot; the same file twice adds nothing', async () => {
    const file = datasetPath('images', 'layers.json');
    const ambiguous = await run('import', 'images', file, '--scenario', 'Images');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^edgestack import images: \[\d+\]: .* choose one \(--snapshot NAME\)\n$/);
    const first = await run('import', 'images', file, '--scenario', 'Images', '--snapshot', 'repo-info-2026');
    expect(first.stderr).toMatch(/157 layers created; 28 images created/);
    const second = await run('import', 'images', file, '--scenario', 'Images', '--snapshot', 'repo-info-2026');
    expect(second.stderr).toMatch(/157 layers already there; 28 images already there/);
  });

  test('bad input exits 2 with the reason on one line', async () => {
    const bad = path.join(dir, 'evil.graphml');
    writeFileSync(bad, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<graphml/>');
    const cases: [string[], RegExp][] = [
      [['import', 'topology', bad, '--scenario', 'Evil'], /^edgestack import topology: line 2: .*DOCTYPE/],
      [['import', 'topology', path.join(dir, 'missing.graphml'), '--scenario', 'X'], /cannot read: ENOENT/],
      [['import', 'topology', topology('Abilene.graphml')], /--scenario NAME is required/],
      [['import', 'planets', topology('Abilene.graphml'), '--scenario', 'X'], /unknown import kind "planets"/],
      [['import', 'topology', topology('Abilene.graphml'), '--scenario', 'X', '--nodes-become', 'clouds'], /--nodes-become: /],
      [['import', 'topology', topology('Abilene.graphml'), '--scenario', 'X', '--colour', 'red'], /unknown option --colour/],
      [['export', 'scenario', 'Nope'], /There is no scenario named "Nope"/],
      [['export', 'placement', 'Interoute'], /no placement with assignments yet/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], argv.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const evil = await run('scenarios');
    expect(evil.stdout).not.toMatch(/Evil/);
  });

  test('through bin/edgestack.js: a database held by another process is one line, exit 2', async () => {
    // The parent of this test process is alive and is not us: its pid in the lock file holds the database.
    writeFileSync(path.join(dataDir, 'edgestack.lock'), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: new Date().toISOString() }));
    try {
      const r = await runSubprocess(['import', 'topology', topology('Abilene.graphml'), '--scenario', 'Locked']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^edgestack import topology: The embedded database in .* is in use by another process \(pid \d+\)\. Stop that process/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(path.join(dataDir, 'edgestack.lock'), { force: true });
    }
    const ok = await runSubprocess(['scenarios']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Images\t/m);
  });
});
