import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toActionErrors } from '@/lib/actions/action-result';
import { applyEdit } from '@/lib/architecture/apply-edit';
import { reportFailure } from '@/lib/cli/cli-support';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { runImport } from '@/lib/importers/plan-import';
import { getScenarioOverview } from '@/lib/overview/get-scenario-overview';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { MAX_CONTAINERS, MAX_REPLICAS } from './size-limits';

let db: TestDatabase;
let scenarioId: string;
const fixture = path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'small-edge.json');
const fixtureText = readFileSync(fixture, 'utf8');

beforeAll(async () => {
  db = await createTestDatabase();
  const parsed = parseScenarioDocument(fixtureText);
  if (!parsed.ok) throw new Error('fixture');
  scenarioId = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Sizes' })).id;
});
afterAll(async () => db?.drop());

async function message(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('sizes are bounded where they enter', () => {
  test('the editor refuses 2,000,000,000 replicas and a memory beyond INTEGER, at the field', async () => {
    const s = await loadArchitecture(db.prisma, scenarioId);
    const service = s.entities.find((e) => e.kind === 'service')!;
    const server = s.entities.find((e) => e.kind === 'edgeServer')!;
    expect(
      await message(applyEdit(db.prisma, scenarioId, { type: 'update', kind: 'service', id: service.id, version: service.version, changes: { replicas: 2_000_000_000 } })),
    ).toMatch(new RegExp(`Replicas.*at most ${MAX_REPLICAS.toLocaleString('en')}|at most ${MAX_REPLICAS}`));
    expect(
      await message(applyEdit(db.prisma, scenarioId, { type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes: { memoryMiB: 2 ** 31 } })),
    ).toMatch(/Memory.*at most/);
    expect((await db.prisma.service.findUniqueOrThrow({ where: { id: service.id } })).replicas).toBe(service.kind === 'service' ? service.replicas : -1);
  });

  test('the editor refuses raising replicas past the container budget of the scenario', async () => {
    const scenario = await importScenarioDocument(
      db.prisma,
      (parseScenarioDocument(fixtureText) as { ok: true; document: Parameters<typeof importScenarioDocument>[1] }).document,
      { name: 'Budget' },
    );
    const s = await loadArchitecture(db.prisma, scenario.id);
    const services = s.entities.filter((e) => e.kind === 'service');
    const edits = [];
    for (const service of services)
      edits.push(
        await message(applyEdit(db.prisma, scenario.id, { type: 'update', kind: 'service', id: service.id, version: service.version, changes: { replicas: MAX_REPLICAS } })),
      );
    expect(edits.every((m) => m === 'accepted')).toBe(true);
    // Enough new services at the replica ceiling to pass the budget: the last one is refused.
    const image = await db.prisma.image.findFirstOrThrow({ where: { scenarioId: scenario.id } });
    let last = 'accepted';
    for (let k = 0; last === 'accepted' && k < MAX_CONTAINERS / MAX_REPLICAS + 1; k++) {
      last = await message(
        applyEdit(db.prisma, scenario.id, {
          type: 'create',
          entities: [
            {
              kind: 'service',
              id: crypto.randomUUID(),
              name: `more-${k}`,
              imageRef: 'nginx:1',
              imageId: image.id,
              replicas: MAX_REPLICAS,
              cpuCores: 0.1,
              memoryMiB: 64,
              bandwidthMbps: 0,
              port: 8080,
              arch: null,
              accelerator: null,
              posX: null,
              posY: null,
            },
          ],
          links: [],
          dependencies: [],
          manages: [],
        }),
      );
    }
    expect(last).toMatch(new RegExp(`at most ${MAX_CONTAINERS}`));
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT sum(replicas)::float8 AS n FROM "Service" WHERE "scenarioId" = ${scenario.id}`;
    expect(n).toBeLessThanOrEqual(MAX_CONTAINERS);
  }, 60_000);

  test('the database refuses what slips past the schemas (CHECK constraints)', async () => {
    const service = await db.prisma.service.findFirstOrThrow({ where: { scenarioId } });
    await expect(db.prisma.service.update({ where: { id: service.id }, data: { replicas: 2_000_000_000 } })).rejects.toThrow();
    const server = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId } });
    await expect(db.prisma.edgeServer.update({ where: { id: server.id }, data: { cpuCores: 1e12 } })).rejects.toThrow();
    await expect(db.prisma.layer.updateMany({ where: { scenarioId }, data: { sizeBytes: 2n ** 60n } })).rejects.toThrow();
    // What reaches the database anyway is a sentence for the form and exit 2 for the command line, never "Something went wrong".
    for (const data of [{ replicas: 2_000_000_000 }, { memoryMiB: 2 ** 31 }, { name: 'a\u0000b' }]) {
      const error = await db.prisma.service.update({ where: { id: service.id }, data }).catch((e: unknown) => e);
      const form = toActionErrors(error)._form?.[0] ?? '';
      expect(form, JSON.stringify(data)).toMatch(/nothing was saved/);
      let stderr = '';
      expect(reportFailure({ stdout: () => undefined, stderr: (t) => void (stderr += t), stdin: async function* () {} }, 'edgestack import', error)).toBe(2);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('documents and imports refuse out-of-range numbers with their path, nothing written', async () => {
    const doc = JSON.parse(fixtureText) as { services: { replicas: number }[]; edgeServers: { memoryMiB: number }[] };
    doc.services[0].replicas = 2_000_000_000;
    doc.edgeServers[0].memoryMiB = 2 ** 31;
    const parsed = parseScenarioDocument(doc);
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['services[0].replicas', 'edgeServers[0].memoryMiB']));
    const before = await db.prisma.service.count();
    const yaml =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: huge}\nspec:\n  replicas: 2000000000\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';
    expect(await message(runImport(db.prisma, { scenarioId }, { kind: 'services', content: yaml, fileName: 'huge.yaml' }))).toMatch(
      /replicas: must be a whole number between 0 and 10000/,
    );
    expect(await db.prisma.service.count()).toBe(before);
  });

  test('a scenario over the container budget: the placement problem is refused with a sentence, the overview still adds up', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'Too many containers' } });
    await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 4, memoryMiB: 4096, storageBytes: 10n ** 10n, bandwidthMbps: 1000 } });
    const image = await db.prisma.image.create({ data: { scenarioId: scenario.id, repository: 'nginx', tag: '1', arch: 'amd64', declaredSizeBytes: 1000n } });
    const services = Math.ceil((MAX_CONTAINERS + 1) / MAX_REPLICAS);
    for (let k = 0; k < services; k++) {
      await db.prisma.service.create({
        data: { scenarioId: scenario.id, name: `s${k}`, imageRef: 'nginx:1', imageId: image.id, replicas: MAX_REPLICAS, cpuCores: 0.1, memoryMiB: 64 },
      });
    }
    const built = await buildPlacementProblem(db.prisma, scenario.id);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(describeBuildFailure(built)).toMatch(new RegExp(`${services * MAX_REPLICAS} containers.*at most ${MAX_CONTAINERS}`));
    const overview = await getScenarioOverview(db.prisma, scenario.id);
    expect(overview.service.replicas).toBe(services * MAX_REPLICAS);
  }, 60_000);
});
