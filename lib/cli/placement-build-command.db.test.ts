import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePlacementProblem } from '../placement/problem-schema';
import { solvePlacement } from '../placement/solve-placement';
import type { PlacementProblem } from '../placement/types';
import { main, type CliIo } from './main';
import { parseWeightsFlag } from './placement-build-command';

// `edgestack placement build` against an embedded database of its own, in-process.

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'edgestack-build-cli-'));
const saved = { url: process.env.DATABASE_URL, dataDir: process.env.EDGESTACK_DATA_DIR };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.EDGESTACK_DATA_DIR = path.join(dir, 'pglite');
  // The e2e scenario with a registry on its core router.
  const document = JSON.parse(readFileSync(path.join(root, 'e2e', 'fixtures', 'small-edge.json'), 'utf8')) as Record<string, unknown>;
  document.registries = [{ name: 'hub', url: 'https://hub.example', attachedTo: { kind: 'networkNode', name: 'core' } }];
  writeFileSync(path.join(dir, 'small-edge.json'), JSON.stringify(document));
  expect((await run('import', 'scenario', path.join(dir, 'small-edge.json'), '--name', 'Build me')).code).toBe(0);
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

/** The problem printed, checked by the engine's own schema. */
function printed(stdout: string): PlacementProblem {
  const parsed = parsePlacementProblem(stdout);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.problem;
}

describe('edgestack placement build', () => {
  test('without weights: the version-1 problem a run solves, with one summary line', async () => {
    const { code, stdout, stderr } = await run('placement', 'build', '--scenario', 'build me');
    expect(code, stderr).toBe(0);
    const problem = printed(stdout);
    expect(problem.version).toBe(1);
    expect(problem.containers.map((c) => c.id)).toEqual(['api-0', 'web-0', 'web-1']);
    expect(stderr).toBe('built the placement problem of "Build me": version 1, 3 containers on 3 edge servers\n');
  });

  test('with weights: version 2 with the network measured on the topology and the dependency', async () => {
    const { code, stdout, stderr } = await run('placement', 'build', '--scenario', 'Build me', '--weights', 'startup=2.5e8,traffic=1000');
    expect(code, stderr).toBe(0);
    const problem = printed(stdout);
    expect(problem.version).toBe(2);
    expect(problem.weights).toEqual({ storage: 1, startup: 2.5e8, traffic: 1000, moves: 0 });
    // north-2 has no link: it reaches no registry and no other server.
    expect(problem.network!.pulls).toEqual([
      { server: 'north-1', registry: 'hub', bandwidthMbps: 10_000, latencyMs: 0.4, path: ['north-1', 'core'] },
      { server: 'south-1', registry: 'hub', bandwidthMbps: 900, latencyMs: 6, path: ['south-1', 'core'] },
    ]);
    expect(problem.network!.latencies).toEqual([{ a: 'north-1', b: 'south-1', latencyMs: 6.4 }]);
    expect(problem.dependencies).toEqual([{ from: 'web', to: 'api', trafficMbps: 40 }]);
    expect(stderr).toMatch(/version 2, 3 containers on 3 edge servers; network: 1 registries, 2 pull paths, 1 server pairs; 1 dependencies\n$/);
  });

  test('a preset is measured on the scenario; --replan needs an applied placement', async () => {
    const balanced = await run('placement', 'build', '--scenario', 'Build me', '--preset', 'balanced');
    expect(balanced.code, balanced.stderr).toBe(0);
    // Each term of Kubernetes' default placement weighs its bytes stored.
    const problem = printed(balanced.stdout);
    const reference = (await solvePlacement(problem, { algorithm: 'kube-default' })).terms!;
    expect(problem.weights!.startup * reference.startupSeconds!).toBeCloseTo(reference.storageBytes, -1);
    expect(problem.weights!.traffic * reference.trafficCost!).toBeCloseTo(reference.storageBytes, -1);
    expect(problem.weights!.moves).toBe(0);
    const replan = await run('placement', 'build', '--scenario', 'Build me', '--replan');
    expect(replan.code).toBe(2);
    expect(replan.stderr).toBe(
      'edgestack placement build: Re-planning moves the applied placement as little as it can, and this scenario has none: run a placement and apply it first.\n',
    );
  });

  test('bad input exits 2 with the reason and the usage', async () => {
    for (const [args, reason] of [
      [['--scenario', 'Build me', '--weights', 'speed=3'], '--weights: "speed=3" is not NAME=NUMBER'],
      [['--scenario', 'Build me', '--weights', 'startup=-1'], '--weights: startup: The start-up weight cannot be negative'],
      [['--scenario', 'Build me', '--preset', 'fastest'], '--preset: must be one of storage, fast-start-up, low-latency, balanced'],
      [['--scenario', 'Build me', '--preset', 'balanced', '--weights', 'storage=1'], 'give --weights or --preset, not both'],
      [['--weights', 'storage=1'], 'build needs --scenario NAME'],
      [['--scenario', 'Nobody'], 'There is no scenario named "Nobody"'],
    ] as const) {
      const { code, stdout, stderr } = await run('placement', 'build', ...args);
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(reason);
    }
  });

  test('--weights: storage 1 and the rest 0 unless named; moves 1 in a re-plan', () => {
    expect(parseWeightsFlag('traffic=5', false)).toEqual({ storage: 1, startup: 0, traffic: 5, moves: 0 });
    expect(parseWeightsFlag('storage=0,startup=1e6', true)).toEqual({ storage: 0, startup: 1e6, traffic: 0, moves: 1 });
  });
});
