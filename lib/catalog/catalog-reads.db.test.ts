import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { findCurrentScenario } from '@/lib/scenarios/find-current-scenario';
import { listScenarioNames } from '@/lib/scenarios/list-scenario-names';
import { readScenarioName } from '@/lib/scenarios/read-scenario-name';
import { listImages } from './list-images';
import { listLayers } from './list-layers';
import { listServices } from './list-services';
import { readImage } from './read-image';
import { readLayer } from './read-layer';

const MiB = 2 ** 20;
let db: TestDatabase;
let scenarioId: string;
const ids = { base: '', app: '', web: '', api: '', unsized: '', server: '', frontend: '', backend: '' };

// Two images share a base layer (web repeats it); a third has no layers but a declared size; one
// server caches the base layer.
beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  scenarioId = (await p.scenario.create({ data: { name: 'Catalog' } })).id;
  await p.scenario.create({ data: { name: 'Another' } });
  ids.base = (await p.layer.create({ data: { scenarioId, digest: 'sha256:base', sizeBytes: 10n * BigInt(MiB) } })).id;
  ids.app = (await p.layer.create({ data: { scenarioId, digest: 'sha256:app', sizeBytes: 3n * BigInt(MiB) } })).id;
  ids.web = (await p.image.create({ data: { scenarioId, repository: 'library/nginx', tag: '1.27', arch: 'amd64' } })).id;
  ids.api = (await p.image.create({ data: { scenarioId, repository: 'acme/api', tag: '2', arch: 'arm64', manifestDigest: 'sha256:m' } })).id;
  ids.unsized = (await p.image.create({ data: { scenarioId, repository: 'acme/unsized', tag: '1', arch: 'amd64', declaredSizeBytes: 5n * BigInt(MiB) } })).id;
  await p.imageLayer.createMany({
    data: [
      { imageId: ids.web, position: 0, layerId: ids.base },
      { imageId: ids.web, position: 1, layerId: ids.app },
      { imageId: ids.web, position: 2, layerId: ids.base },
      { imageId: ids.api, position: 0, layerId: ids.base },
    ],
  });
  const site = await p.site.create({ data: { scenarioId, name: 'Melbourne' } });
  ids.server = (
    await p.edgeServer.create({ data: { scenarioId, siteId: site.id, name: 'edge-1', arch: 'arm64', cpuCores: 4, memoryMiB: 8192, storageBytes: 10n ** 11n, bandwidthMbps: 1000 } })
  ).id;
  await p.edgeServerCachedLayer.create({ data: { edgeServerId: ids.server, layerId: ids.base } });
  ids.frontend = (await p.service.create({ data: { scenarioId, name: 'frontend', imageRef: 'nginx:1.27', imageId: ids.web, replicas: 2, cpuCores: 0.5, memoryMiB: 256 } })).id;
  ids.backend = (
    await p.service.create({ data: { scenarioId, name: 'backend', imageRef: 'acme/unsized:1', imageId: ids.unsized, cpuCores: 1, memoryMiB: 512, arch: 'amd64' } })
  ).id;
  await p.service.create({ data: { scenarioId, name: 'orphan', imageRef: 'acme/none:1', cpuCores: 1, memoryMiB: 64 } });
  await p.serviceDependency.create({ data: { fromServiceId: ids.frontend, toServiceId: ids.backend, trafficMbps: 12 } });
});
afterAll(async () => db?.drop());

describe('catalog tables', () => {
  test('images: each distinct layer counted once, shared bytes those another image uses too', async () => {
    const rows = await listImages(db.prisma, scenarioId);
    const byRef = Object.fromEntries(rows.map((r) => [r.reference, r]));
    expect(byRef['nginx:1.27']).toMatchObject({ id: ids.web, layers: 3, sizeBytes: 13 * MiB, sharedBytes: 10 * MiB, declaredSizeBytes: null, services: 1 });
    expect(byRef['acme/api:2']).toMatchObject({ arch: 'arm64', manifestDigest: 'sha256:m', layers: 1, sizeBytes: 10 * MiB, sharedBytes: 10 * MiB, services: 0 });
    expect(byRef['acme/unsized:1']).toMatchObject({ layers: 0, sizeBytes: 0, declaredSizeBytes: 5 * MiB, services: 1 });
  });

  test('layers: how many image positions use each and how many servers cache it', async () => {
    const rows = await listLayers(db.prisma, scenarioId);
    expect(rows.find((r) => r.id === ids.base)).toEqual({ id: ids.base, digest: 'sha256:base', sizeBytes: 10 * MiB, images: 3, cachedOn: 1 });
    expect(rows.find((r) => r.id === ids.app)).toEqual({ id: ids.app, digest: 'sha256:app', sizeBytes: 3 * MiB, images: 1, cachedOn: 0 });
  });

  test('services: what their image can be sized by, and what they call', async () => {
    const rows = await listServices(db.prisma, scenarioId);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.frontend).toMatchObject({ imageId: ids.web, layerData: 'layers', replicas: 2, dependsOn: [{ name: 'backend', trafficMbps: 12 }] });
    expect(byName.backend).toMatchObject({ imageId: ids.unsized, layerData: 'declared', arch: 'amd64', dependsOn: [] });
    expect(byName.orphan).toMatchObject({ imageId: null, layerData: 'unknown' });
  });
});

describe('detail pages', () => {
  test('an image: layers in pull order with the size pulled so far, the services that run it', async () => {
    const image = await readImage(db.prisma, scenarioId, ids.web);
    expect(image).toMatchObject({ reference: 'nginx:1.27', repository: 'library/nginx', registry: null, totalBytes: 13 * MiB, sharedBytes: 10 * MiB });
    expect(image!.layers.map((l) => [l.position, l.digest, l.cumulativeBytes / MiB, l.sharedBy, l.cachedOn])).toEqual([
      [0, 'sha256:base', 10, 3, 1],
      [1, 'sha256:app', 13, 1, 0],
      [2, 'sha256:base', 23, 3, 1],
    ]);
    expect(image!.services).toEqual([{ id: ids.frontend, name: 'frontend', replicas: 2 }]);
    expect((await readImage(db.prisma, scenarioId, ids.unsized))?.declaredSizeBytes).toBe(5 * MiB);
  });

  test('a layer: each image once with its positions, the servers that cache it', async () => {
    const layer = await readLayer(db.prisma, scenarioId, ids.base);
    expect(layer).toMatchObject({ digest: 'sha256:base', sizeBytes: 10 * MiB });
    expect(layer!.images).toEqual([
      { id: ids.api, reference: 'acme/api:2', arch: 'arm64', positions: [0], layerCount: 1, services: 0 },
      { id: ids.web, reference: 'nginx:1.27', arch: 'amd64', positions: expect.arrayContaining([0, 2]) as number[], layerCount: 3, services: 1 },
    ]);
    expect(layer!.cachedOn).toEqual([{ edgeServerId: ids.server, name: 'edge-1', site: 'Melbourne', arch: 'arm64' }]);
  });

  test('another scenario’s image or layer is not found', async () => {
    const other = (await db.prisma.scenario.findUniqueOrThrow({ where: { name: 'Another' } })).id;
    expect(await readImage(db.prisma, other, ids.web)).toBeNull();
    expect(await readLayer(db.prisma, other, ids.base)).toBeNull();
  });
});

describe('scenario names', () => {
  test('listed by name; read one; the selected scenario, else the first by name', async () => {
    expect((await listScenarioNames(db.prisma)).map((s) => s.name)).toEqual(['Another', 'Catalog']);
    expect(await readScenarioName(db.prisma, scenarioId)).toBe('Catalog');
    expect(await readScenarioName(db.prisma, 'deleted')).toBeNull();
    expect(await findCurrentScenario(db.prisma, scenarioId)).toMatchObject({ id: scenarioId, name: 'Catalog', version: 1 });
    expect((await findCurrentScenario(db.prisma, 'gone'))?.name).toBe('Another');
    expect((await findCurrentScenario(db.prisma, undefined))?.name).toBe('Another');
  });
});
