import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlacementProblem } from '../placement/types';

// The command line as a user meets it: a subprocess, run from wherever they are.
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'edgestack-cli-hard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function edgestack(argv: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string | Buffer } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'edgestack.js'), ...argv], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tiny: PlacementProblem = {
  version: 1,
  objective: 'storage',
  layers: [{ digest: 'sha256:base', size: 50_000_000 }],
  servers: [{ id: 'edge-1', storage: 70_000_000, cpu: 2, memory: 2048, bandwidth: 100 }],
  containers: [{ id: 'web-0', layers: ['sha256:base'], cpu: 1, memory: 512, bandwidth: 10 }],
  policies: [],
};

describe('edgestack outside the repository root', () => {
  it('solves, generates and opens its embedded database from another working directory', async () => {
    const file = path.join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify(tiny));
    const solved = await edgestack(['placement', 'solve', file, '--algorithm', 'greedy'], { cwd: tmpdir() });
    expect(solved.stderr).toBe('');
    expect(JSON.parse(solved.stdout)).toMatchObject({ status: 'feasible', assignment: { 'web-0': 'edge-1' } });
    const generated = await edgestack(['placement', 'generate', '--servers', '2', '--containers', '3', '--seed', '1'], { cwd: tmpdir() });
    expect(generated.code, generated.stderr).toBe(0);
    const listed = await edgestack(['scenarios'], { cwd: tmpdir(), env: { DATABASE_URL: '', EDGESTACK_DATA_DIR: path.join(dir, 'pglite') } });
    expect(listed.code, listed.stderr).toBe(0);
  }, 120_000);
});
