import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlacementProblem } from '../placement/types';
import { main, type CliIo } from './main';

// The command line's limits on what it reads and how long it waits (in process, through main).
const dir = mkdtempSync(path.join(tmpdir(), 'edgestack-cli-hard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tiny: PlacementProblem = {
  version: 1,
  objective: 'storage',
  layers: [{ digest: 'sha256:base', size: 50_000_000 }],
  servers: [{ id: 'edge-1', storage: 70_000_000, cpu: 2, memory: 2048, bandwidth: 100 }],
  containers: [{ id: 'web-0', layers: ['sha256:base'], cpu: 1, memory: 512, bandwidth: 10 }],
  policies: [],
};

describe('edgestack placement: limits on what it reads and how long it waits', () => {
  it('a time limit above the documented maximum is refused, not overflowed into an instant timeout', async () => {
    const file = path.join(dir, 'tiny-limit.json');
    writeFileSync(file, JSON.stringify(tiny));
    const { code, stdout, stderr } = await inProcess(['placement', 'solve', file, '--algorithm', 'greedy', '--time-limit', '3000000']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--time-limit: must be .*at most 86400 seconds/);
    const fine = await inProcess(['placement', 'solve', file, '--algorithm', 'greedy', '--time-limit', '86400']);
    expect((JSON.parse(fine.stdout) as { status: string }).status).toBe('feasible');
  }, 60_000);

  it('standard input is read only up to the limit: an endless stream is refused, not buffered', async () => {
    let pulled = 0;
    function* endless() {
      const chunk = new Uint8Array(1024 * 1024).fill(0x20);
      for (;;) {
        pulled += chunk.byteLength;
        yield chunk;
      }
    }
    const { code, stdout, stderr } = await inProcess(['placement', 'solve', '-'], endless);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/standard input: larger than 52428800 bytes/);
    expect(pulled).toBeLessThanOrEqual(50 * 1024 * 1024 + 1024 * 1024);
  }, 60_000);

  it('--from-images and solve FILE stop reading at the limit (an endless device)', async () => {
    const images = await inProcess(['placement', 'generate', '--servers', '2', '--containers', '3', '--seed', '1', '--from-images', '/dev/zero']);
    expect(images.code).toBe(2);
    expect(images.stderr).toMatch(/\/dev\/zero: larger than \d+ bytes/);
    const solve = await inProcess(['placement', 'solve', '/dev/zero']);
    expect(solve.code).toBe(2);
    expect(solve.stderr).toMatch(/\/dev\/zero: larger than \d+ bytes/);
  }, 60_000);

  it('a file that is not UTF-8 is refused with the offset of its first invalid byte', async () => {
    const text = Buffer.from(JSON.stringify(tiny));
    const broken = Buffer.concat([text.subarray(0, 40), Buffer.from([0xff, 0xfe]), text.subarray(40)]);
    const file = path.join(dir, 'latin.json');
    writeFileSync(file, broken);
    const solved = await inProcess(['placement', 'solve', file]);
    expect(solved.code).toBe(2);
    expect(solved.stderr).toMatch(/not valid UTF-8 at byte 40 \(0xff\)/);
    const piped = await inProcess(['placement', 'solve', '-'], function* () {
      yield broken;
    });
    expect(piped.stderr).toMatch(/standard input.*not valid UTF-8 at byte 40/);
    const images = await inProcess(['placement', 'generate', '--servers', '2', '--containers', '3', '--seed', '1', '--from-images', file]);
    expect(images.stderr).toMatch(/not valid UTF-8 at byte 40/);
  }, 60_000);
});

async function inProcess(argv: string[], stdin: CliIo['stdin'] = () => []) {
  let stdout = '',
    stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
