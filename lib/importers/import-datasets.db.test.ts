import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { exportTopologyGraphml } from '@/lib/exporters/export-topology-graphml';
import { emptyPlan } from './import-plan';
import { runImport, type ImportRequest } from './plan-import';
import { writeImportPlan } from './write-import-plan';

// Integration tests on the real public datasets (datasets/, see its SOURCES.md).

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const request = (kind: ImportRequest['kind'], file: string, options: Record<string, unknown> = {}): ImportRequest => ({
  kind,
  content: fs.readFileSync(file),
  fileName: path.basename(file),
  options,
});
const into = (scenarioName: string) => ({ scenarioName, createIfMissing: true });

type Summary = { file: string; nodes: number; edges: number; nodes_with_lat_lon: number };
const summary = JSON.parse(fs.readFileSync(datasetPath('topologies', 'summary.json'), 'utf8')) as Summary[];

describe('every Topology Zoo file imports with the counts of summary.json', () => {
  test('there are 12 files and summary.json lists each', () => {
    const files = fs.readdirSync(datasetPath('topologies')).filter((f) => f.endsWith('.graphml'));
    expect(files).toHaveLength(12);
    expect(summary.map((s) => s.file).sort()).toEqual(files.sort());
  });

  for (const s of summary) {
    test(`${s.file}: ${s.nodes} nodes, ${s.edges} edges; export gives them back`, async () => {
      const name = `topo ${s.file}`;
      const result = await runImport(db.prisma, into(name), request('topology', datasetPath('topologies', s.file)));
      expect(result.facts).toMatchObject({ nodes: s.nodes, edges: s.edges, nodesWithCoordinates: s.nodes_with_lat_lon });
      expect(result.counts.networkNodes.created).toBe(s.nodes);
      expect(result.counts.links.created + result.stats.selfLoopsSkipped).toBe(s.edges);
      if (s.file === 'Interoute.graphml') expect(result.stats.selfLoopsSkipped).toBe(2);
      if (s.file === 'Kdl.graphml') expect(result.stats.parallelEdges).toBe(4);
      const id = result.scenario.id;
      expect(await db.prisma.networkNode.count({ where: { scenarioId: id } })).toBe(s.nodes);
      expect(await db.prisma.link.count({ where: { scenarioId: id } })).toBe(s.edges - result.stats.selfLoopsSkipped);

      // Round trip: export → import elsewhere → the same nodes and links, attribute for attribute.
      const graphml = await exportTopologyGraphml(db.prisma, id);
      const again = await runImport(db.prisma, into(`${name} again`), { kind: 'topology', content: graphml, fileName: 'x.graphml' });
      expect(again.counts.networkNodes.created).toBe(s.nodes);
      expect(again.counts.links.created).toBe(s.edges - result.stats.selfLoopsSkipped);
      expect(await exportTopologyGraphml(db.prisma, again.scenario.id)).toBe(graphml.replace(`>${name}<`, `>${name} again<`));
    });
  }

  test('importing the same topology twice creates nothing the second time', async () => {
    const file = datasetPath('topologies', 'Abilene.graphml');
    await runImport(db.prisma, into('twice'), request('topology', file));
    const second = await runImport(db.prisma, into('twice'), request('topology', file));
    expect(second.counts.networkNodes).toEqual({ created: 0, updated: 0, unchanged: 11 });
    expect(second.counts.links).toEqual({ created: 0, updated: 0, unchanged: 14 });
  });

  test('nodes as sites with edge servers; latency from great-circle distance', async () => {
    const r = await runImport(db.prisma, into('abilene edge'), request('topology', datasetPath('topologies', 'Abilene.graphml'), { nodesBecome: 'edge', serverCpuCores: '24' }));
    expect(r.counts.sites.created).toBe(11);
    expect(r.counts.edgeServers.created).toBe(11);
    const servers = await db.prisma.edgeServer.findMany({ where: { scenarioId: r.scenario.id } });
    expect(servers.every((s) => s.cpuCores === 24 && s.siteId)).toBe(true);
    const links = await db.prisma.link.findMany({ where: { scenarioId: r.scenario.id } });
    expect(links.every((l) => l.aEdgeServerId && l.bEdgeServerId && l.latencyMs > 0)).toBe(true);
  });
});

describe('images/layers.json', () => {
  const layersFile = datasetPath('images', 'layers.json');
  const entries = JSON.parse(fs.readFileSync(layersFile, 'utf8')) as { snapshot: string; platform: string; layers: { digest: string; size: number }[] }[];

  async function sharing(scenarioId: string) {
    const images = await db.prisma.image.findMany({ where: { scenarioId }, include: { layers: { include: { layer: true } } } });
    let without = 0n;
    const distinct = new Map<string, bigint>();
    for (const i of images) {
      const own = new Map(i.layers.map((l) => [l.layer.digest, l.layer.sizeBytes]));
      for (const [d, size] of own) {
        without += size;
        distinct.set(d, size);
      }
    }
    const withSharing = [...distinct.values()].reduce((a, b) => a + b, 0n);
    return { images: images.length, layers: distinct.size, without, withSharing };
  }

  test('SOURCES.md: 1,015 distinct digests across all entries', () => {
    expect(new Set(entries.flatMap((e) => e.layers.map((l) => l.digest))).size).toBe(1015);
  });

  test('dockerhub-2023-07 / linux/amd64: 136 images, 797 distinct layers, 30,565,598,540 → 22,880,117,915 bytes', async () => {
    const r = await runImport(db.prisma, into('hub amd64'), request('images', layersFile, { snapshot: 'dockerhub-2023-07', platform: 'linux/amd64' }));
    expect(r.counts.images.created).toBe(136);
    expect(r.counts.layers.created).toBe(797);
    expect(await sharing(r.scenario.id)).toEqual({ images: 136, layers: 797, without: 30_565_598_540n, withSharing: 22_880_117_915n });
  });

  test('repo-info-2026: 15 amd64 images over 84 layers, 13 arm64 images over 74 layers, each keeping its arch', async () => {
    const r = await runImport(db.prisma, into('repo-info'), request('images', layersFile, { snapshot: 'repo-info-2026' }));
    expect(r.counts.images.created).toBe(28);
    const id = r.scenario.id;
    const byArch = async (arch: string) => {
      const images = await db.prisma.image.findMany({ where: { scenarioId: id, arch }, include: { layers: { include: { layer: true } } } });
      return { images: images.length, layers: new Set(images.flatMap((i) => i.layers.map((l) => l.layer.digest))).size };
    };
    expect(await byArch('amd64')).toEqual({ images: 15, layers: 84 });
    expect(await byArch('arm64')).toEqual({ images: 13, layers: 74 });
    expect(await db.prisma.image.findFirst({ where: { scenarioId: id, repository: 'library/nginx', tag: '1.30.5', arch: 'arm64' } })).not.toBeNull();
  });

  test('a whole snapshot: per-platform images keep their arch; Windows and unmodelled platforms are skipped and counted', async () => {
    const r = await runImport(db.prisma, into('hub all'), request('images', layersFile, { snapshot: 'dockerhub-2023-07' }));
    expect(r.counts.images.created).toBe(142);
    expect(r.stats.skipped).toBe(3);
    const archs = await db.prisma.image.groupBy({ by: ['arch'], where: { scenarioId: r.scenario.id }, _count: true, orderBy: { arch: 'asc' } });
    expect(Object.fromEntries(archs.map((a) => [a.arch, a._count]))).toEqual({ '386': 1, amd64: 136, arm64: 3, ppc64le: 1, s390x: 1 });
    const expected = new Set(
      entries
        .filter((e) => e.snapshot === 'dockerhub-2023-07' && !e.platform.startsWith('windows') && e.platform !== 'linux/mips64le')
        .flatMap((e) => e.layers.map((l) => l.digest)),
    );
    expect(await db.prisma.layer.count({ where: { scenarioId: r.scenario.id } })).toBe(expected.size);
  });

  test('overlapping snapshots need a choice; nothing is written', async () => {
    await expect(runImport(db.prisma, into('overlap'), request('images', layersFile))).rejects.toThrow(/in both snapshot .* choose one/);
    expect(await db.prisma.scenario.findFirst({ where: { name: 'overlap' } })).toBeNull();
  });

  test('importing the same file twice duplicates no layer and no image', async () => {
    const options = { snapshot: 'repo-info-2026' };
    await runImport(db.prisma, into('twice images'), request('images', layersFile, options));
    const second = await runImport(db.prisma, into('twice images'), request('images', layersFile, options));
    expect(second.counts.layers.created).toBe(0);
    expect(second.counts.images.created).toBe(0);
    expect(second.counts.images.unchanged).toBe(28);
    const id = second.scenario.id;
    expect(await db.prisma.image.count({ where: { scenarioId: id } })).toBe(28);
    expect(await db.prisma.imageLayer.count({ where: { image: { scenarioId: id } } })).toBe(
      entries.filter((e) => e.snapshot === 'repo-info-2026').reduce((n, e) => n + e.layers.length, 0),
    );
  });
});

describe('services, images without layer data, nodes, sites', () => {
  test('services match catalog images; the others are listed without layer data, never as zero bytes', async () => {
    const scenario = into('svc');
    await runImport(db.prisma, scenario, { kind: 'images', content: fixture('docker-manifest-inspect-v.json'), fileName: 'redis.json' });
    const yaml = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - {name: redis, image: "redis:7.4", resources: {requests: {cpu: 100m, memory: 64Mi}}}\n---\n${fixture('boutique.yaml').toString('utf8')}`;
    const r = await runImport(db.prisma, scenario, { kind: 'services', content: yaml, fileName: 'apps.yaml' });
    expect(r.counts.services.created).toBe(7);
    const cart = await db.prisma.service.findFirstOrThrow({
      where: { scenarioId: r.scenario.id, name: 'cart' },
      include: { image: { include: { _count: { select: { layers: true } } } } },
    });
    expect(cart.image).toMatchObject({ repository: 'library/redis', tag: '7.4', arch: 'amd64' });
    expect(cart.image!._count.layers).toBe(4);
    expect(r.imagesWithoutLayerData.map((i) => `${i.reference} ${i.arch}`)).toEqual([
      'busybox:1.38.0 amd64',
      'memcached:1.6 arm64',
      'nvcr.io/nvidia/tritonserver:24.08-py3 amd64',
      'prom/memcached-exporter:v0.14.2 arm64',
      'redis:alpine amd64',
      'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6 amd64',
    ]);
    const placeholder = await db.prisma.image.findFirstOrThrow({ where: { scenarioId: r.scenario.id, repository: 'library/redis', tag: 'alpine' }, include: { layers: true } });
    expect(placeholder.layers).toHaveLength(0);
    expect(placeholder.declaredSizeBytes).toBeNull();

    // Again: nothing new. Then the planner imports the manifest: the same image gains its layers.
    const again = await runImport(db.prisma, scenario, { kind: 'services', content: yaml, fileName: 'apps.yaml' });
    expect(again.counts.services).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(again.counts.images.created).toBe(0);
    const manifest = await runImport(db.prisma, scenario, { kind: 'images', content: fixture('oci-manifest.json'), fileName: 'm.json', options: { reference: 'redis:alpine' } });
    expect(manifest.counts.images).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await db.prisma.imageLayer.count({ where: { imageId: placeholder.id } })).toBe(3);
    const last = await runImport(db.prisma, scenario, { kind: 'services', content: yaml, fileName: 'apps.yaml' });
    expect(last.imagesWithoutLayerData.map((i) => i.reference)).not.toContain('redis:alpine');
  });

  test('docker-compose: depends_on becomes dependencies', async () => {
    const r = await runImport(db.prisma, into('hotel'), { kind: 'services', content: fixture('hotel-compose.yml'), fileName: 'docker-compose.yml' });
    expect(r.counts.services.created).toBe(5);
    expect(r.counts.dependencies.created).toBe(3);
    const again = await runImport(db.prisma, into('hotel'), { kind: 'services', content: fixture('hotel-compose.yml'), fileName: 'docker-compose.yml' });
    expect(again.counts.dependencies).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  test('NodeList: images already on a node become its cached layers', async () => {
    const scenario = into('nodes');
    await runImport(db.prisma, scenario, { kind: 'images', content: fixture('docker-manifest-inspect-v.json'), fileName: 'redis.json' });
    const r = await runImport(db.prisma, scenario, { kind: 'nodes', content: fixture('nodes.yaml'), fileName: 'nodes.yaml' });
    expect(r.counts.edgeServers.created).toBe(2);
    expect(r.counts.cachedLayers.created).toBe(3); // redis:7.4 arm64 on the arm64 gateway
    expect(r.notes.join()).toMatch(/1 image name on the nodes are not in the image catalog|not in the image catalog/);
  });

  test('EUA Melbourne sites (125) with an edge server each', async () => {
    const r = await runImport(
      db.prisma,
      into('melbourne'),
      request('sites', datasetPath('eua', 'site-optus-melbCBD.csv'), { columns: { name: 'SITE_ID' }, edgeServerPerSite: 'on' }),
    );
    expect(r.counts.sites.created).toBe(125);
    expect(r.counts.edgeServers.created).toBe(125);
    const site = await db.prisma.site.findFirstOrThrow({ where: { scenarioId: r.scenario.id, name: '10003026' } });
    expect(site).toMatchObject({ latitude: -37.81517, longitude: 144.97476, region: 'VIC' });
  });

  // The Alibaba trace has no licence, so the repository does not ship it (datasets/SOURCES.md);
  // this runs when EDGESTACK_DATASETS points at a copy that has it.
  const alibabaNodes = datasetPath('alibaba', 'openb_node_list_all_node.csv');
  test.runIf(fs.existsSync(alibabaNodes))('Alibaba node list as a CSV inventory (cpu_milli, memory_mib, gpu)', async () => {
    const r = await runImport(db.prisma, into('alibaba'), request('nodes', alibabaNodes));
    expect(r.counts.edgeServers.created).toBe(1523);
    const s = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId: r.scenario.id, name: 'openb-node-0000' } });
    expect(s).toMatchObject({ cpuCores: 32, memoryMiB: 262144 });
  });
});

describe('safety: one transaction, dry runs', () => {
  test('a failure half-way writes nothing, not even the new scenario', async () => {
    const plan = emptyPlan();
    plan.networkNodes.push({ name: 'a', site: null, kind: 'router', latitude: null, longitude: null });
    plan.links.push({ name: 'a-ghost', medium: 'fiber', bandwidthMbps: 1, latencyMs: 1, a: { kind: 'networkNode', name: 'a' }, b: { kind: 'networkNode', name: 'ghost' } });
    await expect(writeImportPlan(db.prisma, into('half'), plan)).rejects.toThrow(/unknown network node "ghost"/);
    expect(await db.prisma.scenario.findFirst({ where: { name: 'half' } })).toBeNull();
    expect(await db.prisma.networkNode.count({ where: { name: 'a', scenario: { name: 'half' } } })).toBe(0);
  });

  test('a dry run reports exactly what the import would do and writes nothing', async () => {
    const file = datasetPath('topologies', 'Nsfnet.graphml');
    const dry = await runImport(db.prisma, into('dry'), request('topology', file), { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.networkNodes.created).toBe(13);
    expect(await db.prisma.scenario.findFirst({ where: { name: 'dry' } })).toBeNull();
  });

  test('an unknown scenario is refused unless it may be created', async () => {
    await expect(writeImportPlan(db.prisma, { scenarioName: 'nope' }, emptyPlan())).rejects.toThrow('There is no scenario named "nope".');
  });
});

describe('merging into what is there', () => {
  test('a re-import that changes a row bumps its editor version; unchanged rows keep theirs', async () => {
    const csv = (cpu: number) => `name,cpu,memory\nalpha,${cpu},1024\nbeta,2,2048\n`;
    const first = await runImport(db.prisma, into('versions'), { kind: 'nodes', content: csv(4), fileName: 'inv.csv' });
    const second = await runImport(db.prisma, into('versions'), { kind: 'nodes', content: csv(8), fileName: 'inv.csv' });
    expect(second.counts.edgeServers).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const servers = await db.prisma.edgeServer.findMany({ where: { scenarioId: first.scenario.id }, orderBy: { name: 'asc' } });
    expect(servers.map((s) => [s.name, s.cpuCores, s.version])).toEqual([
      ['alpha', 8, 2],
      ['beta', 2, 1],
    ]);
  });
});
