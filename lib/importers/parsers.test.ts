import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCsv } from './csv/parse-csv';
import { parseCsvOffThread } from './csv/parse-csv-off-thread';
import { parseImageReference } from './images/image-reference';
import { planImagesImport } from './images/plan-images-import';
import { decodeImportText, MAX_IMPORT_BYTES, uniqueNamer } from './import-input';
import { planImport } from './plan-import';
import { parseComposeBytes, parseCpuCores, parseMemoryMiB } from './quantities';
import { planServicesImport } from './services/plan-services-import';
import { greatCircleKm, propagationLatencyMs } from './topology/great-circle';
import { parseBandwidthMbps } from './topology/parse-bandwidth';
import { parseGml } from './topology/parse-gml';
import { parseGraphml } from './topology/parse-graphml';
import { planTopologyImport } from './topology/plan-topology-import';
import { parseYamlDocuments } from './yaml/parse-yaml-documents';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const e2eFixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', name), 'utf8');

describe('CSV (RFC 4180)', () => {
  test('quotes, doubled quotes, embedded commas and line breaks, CRLF', () => {
    const t = parseCsv('name,note\r\n"a, b","say ""hi"""\r\nc,"two\nlines"\r\n\r\n');
    expect(t.headers).toEqual(['name', 'note']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['a, b', 'say "hi"'],
      ['c', 'two\nlines'],
    ]);
    expect(t.rows[1].line).toBe(3);
  });
  test('errors name the line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/line 3: expected 2 fields/);
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b\n1,"2"x\n')).toThrow(/line 2: unexpected text after a closing quote/);
  });
});

describe('quantities', () => {
  test('Kubernetes CPU and memory', () => {
    expect(parseCpuCores('100m')).toBe(0.1);
    expect(parseCpuCores('2')).toBe(2);
    expect(parseCpuCores(0.5)).toBe(0.5);
    expect(parseCpuCores('abc')).toBeNull();
    expect(parseMemoryMiB('64Mi')).toBe(64);
    expect(parseMemoryMiB('1Gi')).toBe(1024);
    expect(parseMemoryMiB('7661736Ki')).toBe(7483);
    expect(parseMemoryMiB('128974848')).toBe(123);
    expect(parseMemoryMiB('129e6')).toBe(124);
    expect(parseMemoryMiB('1G')).toBe(954);
    expect(parseMemoryMiB('12 furlongs')).toBeNull();
  });
  test('compose sizes are binary', () => {
    expect(parseComposeBytes('512M')).toBe(512 * 2 ** 20);
    expect(parseComposeBytes('1g')).toBe(2 ** 30);
    expect(parseComposeBytes('50mb')).toBe(50 * 2 ** 20);
  });
});

describe('image references', () => {
  test('normalised to the catalog key', () => {
    expect(parseImageReference('redis')).toEqual({ registry: 'docker.io', repository: 'library/redis', tag: 'latest', digest: null });
    expect(parseImageReference('docker.io/library/nginx:1.27')).toMatchObject({ repository: 'library/nginx', tag: '1.27' });
    expect(parseImageReference('jaegertracing/all-in-one:latest')).toMatchObject({ repository: 'jaegertracing/all-in-one' });
    expect(parseImageReference('busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d')).toMatchObject({
      repository: 'library/busybox',
      tag: '1.38.0',
      digest: 'sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d',
    });
    expect(parseImageReference('localhost:5000/app:v1')).toMatchObject({ registry: 'localhost:5000', repository: 'localhost:5000/app', tag: 'v1' });
    expect(parseImageReference('us-central1-docker.pkg.dev/p/r/frontend:v0.10.6')).toMatchObject({ repository: 'us-central1-docker.pkg.dev/p/r/frontend' });
    expect(parseImageReference('Not An Image')).toBeNull();
  });
});

describe('topologies', () => {
  test('link bandwidth from labels', () => {
    expect(parseBandwidthMbps('10 Gbps')).toBe(10_000);
    expect(parseBandwidthMbps('&lt; 2.5 Gbps')).toBe(2500);
    expect(parseBandwidthMbps('< 155 Mbps')).toBe(155);
    expect(parseBandwidthMbps('Peering, 4Gbps')).toBe(4000);
    expect(parseBandwidthMbps('OC-192c')).toBe(9953);
    expect(parseBandwidthMbps('OC-48')).toBe(2488);
    expect(parseBandwidthMbps('STM-1')).toBe(156);
    expect(parseBandwidthMbps('1GE')).toBe(1000);
    expect(parseBandwidthMbps('10GbE')).toBe(10_000);
    expect(parseBandwidthMbps('T1')).toBe(2);
    expect(parseBandwidthMbps('Fibre ottica spenta (Dark Fibre), 20 Gbps')).toBe(20_000);
    expect(parseBandwidthMbps('Dark Blue')).toBeNull();
    expect(parseBandwidthMbps('Completion 2007-2008')).toBeNull();
    expect(parseBandwidthMbps(null)).toBeNull();
  });
  test('great-circle latency', () => {
    const km = greatCircleKm(40.71427, -74.00597, 41.85003, -87.65005);
    expect(km).toBeGreaterThan(1140);
    expect(km).toBeLessThan(1150);
    expect(propagationLatencyMs(km)).toBeCloseTo(km / 200, 3);
  });
  test('GraphML: labels, coordinates, link labels with entities', () => {
    const g = parseGraphml(e2eFixture('tiny-backbone.graphml'));
    expect(g.name).toBe('Tiny Backbone');
    expect(g.nodes.map((n) => n.label)).toEqual(['Melbourne PoP', 'Sydney PoP', 'Canberra PoP', 'Hobart PoP']);
    expect(g.nodes[3].latitude).toBeNull();
    expect(g.edges[1].label).toBe('< 2.5 Gbps');
    const plan = planTopologyImport(g);
    expect(plan.networkNodes).toHaveLength(4);
    expect(plan.links.map((l) => l.bandwidthMbps)).toEqual([10_000, 2500, 2488]);
    expect(plan.links[0].latencyMs).toBeCloseTo(greatCircleKm(-37.81, 144.96, -33.87, 151.21) / 200, 2);
    expect(plan.links[2].latencyMs).toBe(1); // Hobart has no coordinates: the default
  });
  test('GML: strings with entities, parallel edges kept, self-loops skipped and counted', () => {
    const g = parseGml(fixture('small-zoo.gml'));
    expect(g.name).toBe('Tiny "Zoo"');
    expect(g.nodes).toHaveLength(3);
    expect(g.edges).toHaveLength(4);
    const plan = planTopologyImport(g);
    expect(plan.links).toHaveLength(3);
    expect(plan.links.map((l) => l.name)).toEqual(['New York – Chicago', 'New York – Chicago (2)', 'Chicago – Nowhere']);
    expect(plan.links.map((l) => l.bandwidthMbps)).toEqual([9953, 10_000, 1000]);
    expect(plan.stats).toMatchObject({ selfLoopsSkipped: 1, parallelEdges: 1 });
  });
  test('GML errors name the line', () => {
    expect(() => parseGml('graph [\n  node [ id 0 ]\n  edge [ source 0 target 7 ]\n]')).toThrow(/line 3: edge refers to unknown node 7/);
    expect(() => parseGml('graph [\n  node [ id 0 label "x ]\n]')).toThrow(/line 2: a string is never closed/);
    expect(() => parseGml('graph [\n  node [ id 0 ]\n')).toThrow(/is never closed/);
    expect(() => parseGml('graph [\n  node [ id 0 ] ]\n]')).toThrow(/line 3: unexpected "\]"/);
  });
  test('nodes become sites with edge servers, or both', () => {
    const g = parseGraphml(e2eFixture('tiny-backbone.graphml'));
    const edge = planTopologyImport(g, { nodesBecome: 'edge', serverCpuCores: 32 });
    expect(edge.sites).toHaveLength(4);
    expect(edge.edgeServers.map((s) => s.cpuCores)).toEqual([32, 32, 32, 32]);
    expect(edge.networkNodes).toHaveLength(0);
    expect(edge.links.every((l) => l.a.kind === 'edgeServer' && l.b.kind === 'edgeServer')).toBe(true);
    const both = planTopologyImport(g, { nodesBecome: 'both', parseBandwidth: 'false', linkBandwidthMbps: '500' });
    expect(both.networkNodes).toHaveLength(4);
    expect(both.edgeServers).toHaveLength(4);
    expect(both.links).toHaveLength(4 + 3);
    expect(both.links.filter((l) => l.medium === 'fiber').every((l) => l.bandwidthMbps === 500)).toBe(true);
  });
});

describe('hostile and malformed files', () => {
  test('XML with a DOCTYPE is refused outright (entity expansion, external entities)', () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<graphml><graph><node id="a"><data key="d">&lol2;</data></node></graph></graphml>`;
    expect(() => parseGraphml(laughs)).toThrow(/line 2: .*DOCTYPE/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]><graphml><graph><node id="&xxe;"/></graph></graphml>`;
    expect(() => parseGraphml(xxe)).toThrow(/DOCTYPE/);
  });
  test('malformed XML names the line', () => {
    expect(() => parseGraphml('<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>')).toThrow(/line 4.*malformed XML/);
    expect(() => parseGraphml('<graphml><graph><edge source="a" target="b"/></graph></graphml>')).toThrow(/graph.edge\[0\]: unknown node "a"/);
    expect(() => parseGraphml('<svg></svg>')).toThrow(/not a GraphML file/);
  });
  test('YAML: alias bombs, custom tags and duplicate keys are refused', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++)
      bomb += `b${i}: &b${i} [${Array(9)
        .fill(i === 0 ? '*a' : `*b${i - 1}`)
        .join(',')}]\n`;
    expect(() => parseYamlDocuments(bomb)).toThrow(/resource exhaustion|alias/i);
    expect(() => parseYamlDocuments('kind: Pod\nmetadata: !!js/function "function(){}"\n')).toThrow(/unsupported YAML tag/);
    expect(() => parseYamlDocuments('kind: Pod\nspec: !Ref other\n')).toThrow(/line 2: unsupported YAML tag/);
    expect(() => parseYamlDocuments('kind: Pod\nkind: Deployment\n')).toThrow(/line 2: Map keys must be unique/);
  });
  test('uploads above 20 MiB are refused before parsing; empty files too', () => {
    expect(() => decodeImportText(new Uint8Array(MAX_IMPORT_BYTES + 1), 'big.graphml')).toThrow(/import limit is 20 MiB/);
    expect(() => decodeImportText('  \n', 'empty.csv')).toThrow(/empty/);
  });
  test('an upload that is not UTF-8 is refused with the offset of its first bad byte, never turned into U+FFFD', () => {
    const latin1 = new Uint8Array([...Buffer.from('name,site\nM'), 0xfc, ...Buffer.from('nchen,a\n')]); // "München" in Latin-1
    expect(() => decodeImportText(latin1, 'nodes.csv')).toThrow(/^nodes\.csv is not valid UTF-8 at byte 11 \(0xfc\)/);
    expect(() => planImport({ kind: 'sites', content: latin1, fileName: 'sites.csv' })).toThrow(/not valid UTF-8 at byte 11/);
    // A truncated multi-byte sequence at the very end, and an overlong encoding.
    expect(() => decodeImportText(new Uint8Array([0x61, 0x62, 0xe2, 0x82]), 'cut.csv')).toThrow(/at byte 2 \(0xe2\)/);
    expect(() => decodeImportText(new Uint8Array([0x61, 0xc0, 0xaf]), 'overlong.csv')).toThrow(/at byte 1 \(0xc0\)/);
    // UTF-8 with a byte-order mark is fine, and the mark is dropped.
    expect(decodeImportText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('a,b\nü,1\n')]), 'bom.csv')).toBe('a,b\nü,1\n');
  });
  test('broken JSON names the line', () => {
    expect(() => planImport({ kind: 'images', content: '[\n{"image": "x",\n"layers": [}\n]', fileName: 'l.json' })).toThrow(/^line 3, column 12: not valid JSON: Unexpected token/);
  });
  test('bad values name their path', () => {
    const yaml =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        resources: {requests: {cpu: lots}}\n';
    expect(() => planServicesImport(parseYamlDocuments(yaml))).toThrow('document.spec.template.spec.containers[0].resources.requests.cpu: "lots" is not a CPU quantity');
    expect(() => planImagesImport([{ image: 'x', layers: [{ digest: 'nope', size: 1 }] }])).toThrow('[0].layers[0].digest: must be a digest');
    expect(() => planImagesImport([{ image: 'x', layers: [{ digest: 'sha256:abc', size: -1 }] }])).toThrow('[0].layers[0].size: must be a whole number');
  });
});

describe('images', () => {
  test('an OCI manifest needs a name and keeps the layer order', () => {
    const m = JSON.parse(fixture('oci-manifest.json')) as { layers: { digest: string }[] };
    expect(() => planImagesImport(m)).toThrow(/name the image/);
    const plan = planImagesImport(m, { reference: 'ghcr.io/acme/web:1.2', arch: 'arm64' });
    expect(plan.images).toEqual([{ repository: 'ghcr.io/acme/web', tag: '1.2', arch: 'arm64', manifestDigest: null, layers: m.layers.map((l) => l.digest) }]);
    expect(plan.layers.map((l) => Number(l.sizeBytes))).toEqual([32654, 16724, 73109]);
  });
  test('an OCI index gives one image per platform without layers; attestations are skipped', () => {
    const plan = planImagesImport(JSON.parse(fixture('oci-index.json')), { reference: 'nginx:1.27' });
    expect(plan.images.map((i) => [i.repository, i.arch, i.layers.length])).toEqual([
      ['library/nginx', 'ppc64le', 0],
      ['library/nginx', 'amd64', 0],
    ]);
    expect(plan.notes.join()).toMatch(/attestation/);
  });
  test('docker manifest inspect -v: per-platform images keep their arch, layers deduplicated by digest', () => {
    const plan = planImagesImport(JSON.parse(fixture('docker-manifest-inspect-v.json')));
    expect(plan.images.map((i) => `${i.repository}:${i.tag} ${i.arch} ${i.layers.length}`)).toEqual(['library/redis:7.4 amd64 4', 'library/redis:7.4 arm64 3']);
    expect(plan.layers).toHaveLength(6);
    expect(plan.images[1].manifestDigest).toBe('sha256:2c0c8a2ba8ec3e1d5e6b5e8f6e1a0c1c9f2dbd6c7e4b3a2f1e0d9c8b7a6f5e4d');
  });
});

describe('services', () => {
  test('Kubernetes: Deployment, StatefulSet, DaemonSet, Pod; requests, limits, replicas, arch, GPU', () => {
    const plan = planServicesImport(parseYamlDocuments(fixture('boutique.yaml')));
    const byName = Object.fromEntries(plan.services.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(['frontend', 'redis-cart', 'cache', 'cache-exporter', 'node-agent', 'inference']);
    expect(byName.frontend).toMatchObject({
      cpuCores: 0.1,
      memoryMiB: 64,
      replicas: 1,
      imageRef: 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6',
    });
    expect(byName['redis-cart']).toMatchObject({ cpuCores: 0.07, memoryMiB: 200, replicas: 2 });
    expect(byName.cache).toMatchObject({ cpuCores: 0.5, memoryMiB: 1024, replicas: 3, arch: 'arm64' });
    expect(byName['cache-exporter']).toMatchObject({ cpuCores: 0.1, memoryMiB: 128 });
    expect(byName.inference).toMatchObject({ cpuCores: 4, memoryMiB: 8192, accelerator: 'gpu' });
    expect(plan.notes.join('\n')).toMatch(/ignored 1 Service/);
  });
  test('docker-compose: depends_on becomes a dependency, build-only services get a local image name', () => {
    const plan = planServicesImport(parseYamlDocuments(fixture('hotel-compose.yml')));
    const byName = Object.fromEntries(plan.services.map((s) => [s.name, s]));
    expect(byName.frontend).toMatchObject({ replicas: 2, cpuCores: 0.25, memoryMiB: 512, imageRef: 'deathstarbench/hotel-reservation:latest' });
    expect(byName.geo).toMatchObject({ imageRef: 'geo:latest', cpuCores: 0.5, memoryMiB: 1024 });
    expect(byName['memcached-rate'].arch).toBe('arm64');
    expect(plan.dependencies).toEqual([
      { from: 'frontend', to: 'consul' },
      { from: 'geo', to: 'mongodb-geo' },
      { from: 'geo', to: 'consul' },
    ]);
  });
  test('compose dependency on an unknown service names the path', () => {
    expect(() => planServicesImport(parseYamlDocuments('services:\n  a:\n    image: x\n    depends_on: [b]\n'))).toThrow('services.a.depends_on[0]: unknown service "b"');
  });
});

describe('edge sites and nodes', () => {
  test('unique names within a batch', () => {
    const name = uniqueNamer();
    expect(['None', 'None', 'none', 'Athens'].map(name)).toEqual(['None', 'None (2)', 'none (3)', 'Athens']);
  });
  test('Kubernetes NodeList YAML: allocatable, arch label, zone as site, GPUs as accelerators', () => {
    const { plan } = planImport({ kind: 'nodes', content: fixture('nodes.yaml'), fileName: 'nodes.yaml' });
    expect(plan.sites.map((s) => s.name)).toEqual(['melbourne-cbd']);
    const [gw, gpu] = plan.edgeServers;
    expect(gw).toMatchObject({ name: 'edge-gw-01', arch: 'arm64', cpuCores: 3.8, memoryMiB: 7483, storageBytes: 61255492333n, site: 'melbourne-cbd', accelerators: [] });
    expect(gw.cachedImageRefs).toContain('docker.io/library/redis:7.4');
    expect(gpu).toMatchObject({ arch: 'amd64', cpuCores: 31, memoryMiB: 126 * 1024, storageBytes: 450n * 2n ** 30n, accelerators: ['gpu'] });
  });
  test('Kubernetes NodeList JSON with an FPGA', () => {
    const { plan } = planImport({ kind: 'nodes', content: fixture('nodes.json'), fileName: 'nodes.json' });
    expect(plan.edgeServers.map((s) => [s.name, s.arch, s.accelerators])).toEqual([
      ['rpi-1', 'arm', []],
      ['fpga-1', 'amd64', ['fpga']],
    ]);
  });
  test('inventory CSV with units', () => {
    const { plan } = planImport({ kind: 'nodes', content: fixture('inventory.csv'), fileName: 'inventory.csv' });
    expect(plan.edgeServers.map((s) => [s.name, s.cpuCores, s.memoryMiB, Number(s.storageBytes / 2n ** 30n), s.arch, s.accelerators, s.site, s.tier])).toEqual([
      ['mec-01', 16, 65536, 1024, 'amd64', ['gpu'], 'Site A, north', 'edge'],
      ['mec-02', 8, 32768, 500, 'arm64', [], 'Site B', 'edge'],
      ['cloud-01', 64, 262144, 10240, 'amd64', ['fpga', 'gpu'], null, 'cloud'],
    ]);
  });
  test('column mapping: a wrong column is refused with the list of columns', () => {
    expect(() => planImport({ kind: 'sites', content: 'A,B\n1,2\n', fileName: 's.csv', options: { columns: { name: 'SITE' } } })).toThrow(
      'columns: name is mapped to "SITE", which is not a column (columns: A, B)',
    );
    const { plan } = planImport({ kind: 'sites', content: 'A,B,C\nx,-37.8,144.9\n', fileName: 's.csv', options: { columns: { name: 'A', latitude: 'B', longitude: 'C' } } });
    // No provider or region column: the plan leaves them to what the scenario holds.
    expect(plan.sites).toEqual([{ name: 'x', provider: undefined, region: undefined, latitude: -37.8, longitude: 144.9 }]);
    expect(() => planImport({ kind: 'sites', content: 'name,lat,lon\nx,97,1\n', fileName: 's.csv' })).toThrow('line 2: latitude "97" (column lat) is not a latitude');
  });
});

describe('CSV: hostile input', () => {
  test('a 200 KB field of quote characters is answered at once (parsing is linear), with a clear error or a parse', () => {
    for (const text of [`a,b\n${'"'.repeat(200_000)}`, `a,b\n${'"'.repeat(200_001)},1\n`, `a,b\nx${'"'.repeat(200_000)},1\n`]) {
      let outcome: string;
      try {
        const table = parseCsv(text);
        outcome = `parsed ${table.rows.length} rows`;
      } catch (error) {
        outcome = (error as Error).message;
      }
      expect(outcome).toMatch(/^(parsed \d+ rows|line \d+: .+)$/);
    }
  }, 20_000);

  test('uploads are parsed in a worker thread with a time budget: a parse that overruns it is stopped', async () => {
    const table = await parseCsvOffThread(`name,note\r\n"a, b",${'"'.repeat(20)}\r\n`.replace(/"{20}/, '""""'));
    expect(table.headers).toEqual(['name', 'note']);
    await expect(parseCsvOffThread(`a,b\n${'"'.repeat(200_000)}`)).rejects.toThrow(/^line \d+: /);
    // A worker that never answers stands in for a pathological parse.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-csv-'));
    const stuck = path.join(dir, 'stuck-worker.mjs');
    fs.writeFileSync(stuck, 'for (;;) {}\n');
    const started = Date.now();
    await expect(parseCsvOffThread('a,b\n1,2\n', { timeBudgetMs: 300, workerEntry: stuck })).rejects.toThrow(/took longer than 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
