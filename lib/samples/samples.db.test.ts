import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { evaluate } from '@/lib/placement/evaluate';
import { buildPlacementProblem } from '@/lib/placement-runs/build-placement-problem';
import { createSample } from './create-sample';
import { SAMPLES } from './sample-registry';
import type { SampleProgress } from './sample-types';
import { describeSocialNetworkImages } from './social-network-sample';

// Vitest types asymmetric matchers as any; `as string` says what each one stands for.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const count = async (scenarioId: string) => ({
  sites: await db.prisma.site.count({ where: { scenarioId } }),
  edgeServers: await db.prisma.edgeServer.count({ where: { scenarioId } }),
  networkNodes: await db.prisma.networkNode.count({ where: { scenarioId } }),
  links: await db.prisma.link.count({ where: { scenarioId } }),
  images: await db.prisma.image.count({ where: { scenarioId } }),
  services: await db.prisma.service.count({ where: { scenarioId } }),
});

describe('the gallery', () => {
  test('every sample names where its data came from, with a licence', () => {
    expect(SAMPLES.map((s) => s.name)).toEqual(['social-network', 'geant', 'metro-edge']);
    for (const s of SAMPLES) {
      expect(s.sources.length).toBeGreaterThan(0);
      for (const source of s.sources) expect(source.origin && source.licence && source.use).toBeTruthy();
    }
  });

  test('geant: the 40 GÉANT PoPs, each a site with its router and an edge server, and the 61 links plus 40 uplinks', async () => {
    const progress: SampleProgress[] = [];
    const created = await createSample(db.prisma, 'geant', { onProgress: (p) => progress.push(p) });
    expect(created.name).toBe('GÉANT edge');
    expect(await count(created.id)).toEqual({ sites: 40, edgeServers: 40, networkNodes: 40, links: 61 + 40, images: 0, services: 0 });
    expect(created.counts).toMatchObject({ sites: 40, edgeServers: 40, links: 101 });
    // Progress: one event per step, in order, ending at the total.
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, k) => k));
    expect(progress.at(-1)).toMatchObject({ done: progress[0].total - 1, label: 'Done' });
    // Real coordinates from the file: 37 of the 40 PoPs have them.
    expect(await db.prisma.site.count({ where: { scenarioId: created.id, latitude: { not: null } } })).toBe(37);
    const uplink = await db.prisma.link.count({ where: { scenarioId: created.id, medium: 'ethernet' } });
    expect(uplink).toBe(40);
  });

  test('social-network: 27 services, real layers for mongo, redis and memcached, a declared size for the rest, and a placement problem ready to solve', async () => {
    const created = await createSample(db.prisma, 'social-network', { scenarioName: 'Social sample' });
    expect(await count(created.id)).toMatchObject({ sites: 11, edgeServers: 11, networkNodes: 11, images: 7, services: 27 });

    const { images, declaredSizeBytes } = describeSocialNetworkImages();
    expect(
      images
        .filter((i) => i.entry)
        .map((i) => i.repository)
        .sort(),
    ).toEqual(['library/memcached', 'library/mongo', 'library/redis']);
    expect(declaredSizeBytes).toBeGreaterThan(0);
    const stored = await db.prisma.image.findMany({ where: { scenarioId: created.id }, include: { _count: { select: { layers: true } } } });
    for (const image of stored) {
      // Either real layers or a declared size, never both and never neither.
      expect(image._count.layers > 0).toBe(image.declaredSizeBytes === null);
    }
    expect(stored.filter((i) => i._count.layers > 0)).toHaveLength(3);
    expect(stored.filter((i) => i.declaredSizeBytes !== null).every((i) => Number(i.declaredSizeBytes) === declaredSizeBytes)).toBe(true);
    const mongoServices = await db.prisma.service.count({ where: { scenarioId: created.id, image: { repository: 'library/mongo' } } });
    expect(mongoServices).toBe(6);

    // The images' registry sits on the backbone's central PoP.
    const registries = await db.prisma.registry.findMany({ where: { scenarioId: created.id }, include: { networkNode: true, _count: { select: { images: true } } } });
    expect(registries.map((r) => [r.name, r.networkNode?.name, r._count.images])).toEqual([['dockerhub-mirror', 'Kansas City', 7]]);

    const built = await buildPlacementProblem(db.prisma, created.id);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.problem.containers).toHaveLength(27);
    // Eleven services run one image: all on one server store it once, so sharing must pay.
    const shared = built.problem.containers.filter((c) => c.image === 'deathstarbench/social-network-microservices:latest');
    expect(shared).toHaveLength(11);
    const together = Object.fromEntries(built.problem.containers.map((c) => [c.id, c.image === shared[0].image ? built.problem.servers[0].id : built.problem.servers[1].id]));
    const verdict = evaluate(built.problem, together, 'sharing');
    expect(verdict.cost).toBeLessThan(verdict.noSharingCost);
  });

  test('metro-edge: the demo document, entity for entity', async () => {
    const created = await createSample(db.prisma, 'metro-edge', { scenarioName: 'Demo sample' });
    const demo = buildDemoScenarioDocument();
    expect(await count(created.id)).toEqual({
      sites: demo.sites!.length,
      edgeServers: demo.edgeServers!.length,
      networkNodes: demo.networkNodes!.length,
      links: demo.links!.length,
      images: demo.images!.length,
      services: demo.services!.length,
    });
  });

  test('a taken name, an unknown sample or a bad name are refused and write nothing', async () => {
    const before = await db.prisma.scenario.count();
    await expect(createSample(db.prisma, 'geant', { scenarioName: 'géant EDGE' })).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    await expect(createSample(db.prisma, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('social-network, geant, metro-edge') as string });
    await expect(createSample(db.prisma, 'geant', { scenarioName: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await db.prisma.scenario.count()).toBe(before);
    expect(await db.prisma.networkNode.count()).toBe(40 + 11 + buildDemoScenarioDocument().networkNodes!.length);
  });
});
