import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { canonicalizeScenarioDocument } from './canonicalize-scenario-document';
import { exportScenarioDocument } from './export-scenario-document';
import { importScenarioDocument, importScenarioDocumentText, parseScenarioDocument } from './import-scenario-document';
import { scenarioDocumentSchema, type ScenarioDocument } from './scenario-document-schema';

// Vitest types asymmetric matchers as any; `as string` says what each one stands for.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

// Columns the scenario document leaves out on purpose, with why. Every other column must
// survive export and import (the column test below), so a new column fails it until it is
// carried by the document or listed here.
const NOT_IN_DOCUMENT: Record<string, string> = {
  'Scenario.createdAt': 'an imported scenario is a new scenario, created now',
  'Scenario.updatedAt': 'set by every change',
  // Optimistic-concurrency tokens of the live scenario: an import starts a new history.
  ...Object.fromEntries(
    ['Scenario', 'Site', 'EdgeServer', 'NetworkNode', 'Link', 'Vnf', 'Registry', 'Service', 'ServiceDependency', 'Controller', 'Policy'].map((t) => [
      `${t}.version`,
      'edit counter of the live scenario',
    ]),
  ),
  // Only finished runs are exported; these describe a run while a worker holds it.
  ...Object.fromEntries(
    ['PlacementRun', 'ExperimentRun'].flatMap((t) => ['cancelRequested', 'claimedBy', 'heartbeatAt', 'attempts'].map((c) => [`${t}.${c}`, 'state of a queued or running run'])),
  ),
  'PlacementRun.progress': 'live progress of a running run',
};

// Tables that hold no scenario's data, with why: the document never carries them.
const NOT_SCENARIO_TABLES: Record<string, string> = {
  User: 'accounts belong to the installation, not to a scenario',
  Session: 'sign-in sessions',
  Account: 'password hashes',
  Verification: 'Better Auth bookkeeping',
  ServerSecret: 'the installation’s own keys',
  AuditEntry: 'the history of changes; an imported scenario starts its own',
};
const notScenarioTables = `(${Object.keys(NOT_SCENARIO_TABLES)
  .map((t) => `'${t}'`)
  .join(', ')})`;

/** Rows per table, over the whole database. */
async function countAllRows(database: TestDatabase): Promise<Record<string, number>> {
  const tables = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ n }] = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
    counts[table_name] = n;
  }
  return counts;
}

const withoutName = (doc: ScenarioDocument) => ({ ...doc, scenario: { ...doc.scenario, name: '(any)' } });

/** The demo plus one finished placement run applied to it, so every table gets rows. */
function demoWithRun(): ScenarioDocument {
  const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
  doc.placementRuns.push({
    algorithm: 'greedy',
    engine: 'auto',
    objective: 'storage',
    timeLimitSec: 30,
    seed: 7,
    status: 'feasible',
    costBytes: 123_456_789_012,
    lowerBoundBytes: 120_000_000_000,
    noSharingBytes: 400_000_000_000,
    elapsedMs: 42,
    message: null,
    weights: null,
    replan: false,
    // Kept verbatim: no defaults filled in (objective, policies).
    problem: {
      version: 1,
      layers: [{ digest: 'sha256:aa', size: 1000 }],
      servers: [{ id: 'co-compute-1', storage: 1e9, cpu: 8, memory: 16384, bandwidth: 1000, cachedLayers: [] }],
      containers: [{ id: 'auth#0', image: 'auth', layers: ['sha256:aa'], cpu: 1, memory: 512, bandwidth: 10 }],
    },
    result: {
      status: 'feasible',
      algorithm: 'greedy',
      engine: null,
      objective: 'storage',
      cost: 1000,
      lowerBound: null,
      noSharingCost: 1000,
      assignment: { 'auth#0': 'co-compute-1' },
      elapsedMs: 4,
    },
    createdAt: '2026-11-01T10:00:00.000Z',
    startedAt: '2026-11-01T10:00:01.000Z',
    finishedAt: '2026-11-01T10:00:02.500Z',
    assignments: [
      { service: 'auth', replica: 0, edgeServer: 'co-compute-1' },
      { service: 'auth', replica: 1, edgeServer: 'harbour-mec-1' },
    ],
  });
  doc.appliedRun = 0;
  doc.controlArtifacts.push(
    {
      kind: 'routes',
      controller: null,
      version: 1,
      summary: '1 demand routed',
      content: { demands: [{ from: 'auth-0', to: 'auth-1', mbps: 5 }], unroutable: [] },
      placementRun: 0,
      createdAt: '2026-11-01T10:00:03.000Z',
    },
    {
      kind: 'routes',
      controller: null,
      version: 2,
      summary: '0 demands routed',
      content: { demands: [], unroutable: [] },
      placementRun: null,
      createdAt: '2026-11-01T10:05:00.000Z',
    },
    {
      kind: 'flows',
      controller: 'onos',
      version: 1,
      summary: '1 rule',
      content: { 'co-tor': { flows: [{ priority: 40000, deviceId: 'of:0000000000000001' }] } },
      placementRun: 0,
      createdAt: '2026-11-01T10:00:03.000Z',
    },
  );
  doc.experimentRuns.push({
    figure: 'containers',
    source: 'synthetic',
    params: { servers: 10, containers: [10, 20], seed: 3, algorithms: ['greedy'], timeLimitSec: 5 },
    status: 'done',
    pointsDone: 2,
    pointsTotal: 2,
    points: [
      { x: 10, algorithm: 'greedy', cost: 1000, status: 'feasible' },
      { x: 20, algorithm: 'greedy', cost: 1800, status: 'feasible' },
    ],
    message: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    startedAt: '2026-11-02T10:00:00.500Z',
    finishedAt: '2026-11-02T10:00:09.000Z',
  });
  doc.experimentRuns.push({
    figure: 'tradeoff',
    source: 'scenario',
    params: { figure: 'tradeoff', source: 'scenario', startupWeights: [0, 10], trafficWeights: [], seed: 1, algorithms: ['greedy'], engine: 'auto', timeLimitSec: 5 },
    status: 'cancelled',
    pointsDone: 1,
    pointsTotal: 2,
    points: [
      {
        axis: 'startup',
        weight: 0,
        algorithm: 'greedy',
        status: 'feasible',
        cost: 1000,
        terms: { storageBytes: 1000, startupSeconds: 2.5, startupSumSeconds: 4, trafficCost: null, moves: null, moveBytes: null },
        noSharingCost: 3000,
        elapsedMs: 12,
      },
    ],
    message: 'Cancelled after 1 of 2 points.',
    createdAt: '2026-11-02T11:00:00.000Z',
    startedAt: '2026-11-02T11:00:00.500Z',
    finishedAt: '2026-11-02T11:00:03.000Z',
  });
  // Every column set to something other than its default, so that losing one shows.
  const at = (k: number) => ({ x: 100 + k, y: 200 + k });
  for (const list of [doc.sites, doc.edgeServers, doc.networkNodes, doc.vnfs, doc.registries, doc.services, doc.controllers] as { position: { x: number; y: number } | null }[][]) {
    list.forEach((e, k) => (e.position = at(k)));
  }
  Object.assign(doc.networkNodes[0], { latitude: -37.8, longitude: 144.96 });
  doc.images[0].manifestDigest = 'sha256:0123456789abcdef';
  doc.images.push({ repository: 'acme/no-layer-data', tag: '1.0', arch: 'amd64', manifestDigest: null, registry: null, layers: [], declaredSizeBytes: 123_456_789 });
  Object.assign(doc.placementRuns[0], {
    engine: 'highs',
    objective: 'download',
    timeLimitSec: 45,
    message: 'stopped at the time limit',
    weights: { preset: 'balanced', storage: 1, startup: 2.5e8, traffic: 1.25e5, moves: 1 },
    replan: true,
  });
  doc.experimentRuns[0].message = 'finished';
  return doc;
}

/** The parts of a scenario document that the tests below break and repair, as plain JSON. */
type EditableDocument = {
  scenario: { name: string };
  dependencies: { chain: string[] }[];
  services: { port: number }[];
  links: { a: { name: string } }[];
  edgeServers: { cpuCores: number }[];
  registries: { attachedTo: { kind: string; name: string } | null }[];
  controlArtifacts: unknown[];
};

describe('scenario document', () => {
  test('export → import → export gives the same document, and every table is written', async () => {
    const original = demoWithRun();
    const first = await importScenarioDocument(db.prisma, original, { name: 'Round trip A' });
    const exported = await exportScenarioDocument(db.prisma, first.id);
    expect(withoutName(exported)).toEqual(withoutName(canonicalizeScenarioDocument(original)));

    const second = await importScenarioDocument(db.prisma, exported, { name: 'Round trip B' });
    const again = await exportScenarioDocument(db.prisma, second.id);
    expect(withoutName(again)).toEqual(withoutName(exported));
    expect(again.scenario.name).toBe('Round trip B');

    // Every model of a scenario has been written and read back through the generated client.
    const tables = await db.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' AND table_name NOT IN ${notScenarioTables}`,
    );
    for (const { table_name } of tables) {
      const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
      expect(n, `rows in ${table_name}`).toBeGreaterThan(0);
    }
  });

  test('a document written before ports, chains and controller capacity imports with the defaults', async () => {
    const old = JSON.parse(JSON.stringify(buildDemoScenarioDocument())) as Record<string, { [k: string]: unknown }[]>;
    for (const s of old.services) delete s.port;
    for (const d of old.dependencies) delete d.chain;
    for (const c of old.controllers) {
      delete c.cpuCores;
      delete c.memoryMiB;
    }
    const parsed = parseScenarioDocument(JSON.stringify({ ...old, scenario: { name: 'Before the control layer' } }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { id } = await importScenarioDocument(db.prisma, parsed.document);
    const exported = await exportScenarioDocument(db.prisma, id);
    expect(new Set(exported.services.map((s) => s.port))).toEqual(new Set([8080]));
    expect(exported.dependencies.every((d) => d.chain.length === 0)).toBe(true);
    expect(exported.controllers.every((c) => c.cpuCores === 1 && c.memoryMiB === 1024)).toBe(true);
    expect(exported.controlArtifacts).toEqual([]);
  });

  test('chains and artifacts must name what exists, in the right place', () => {
    const doc = JSON.parse(JSON.stringify(buildDemoScenarioDocument())) as EditableDocument;
    doc.dependencies[0].chain = ['edge-firewall', 'no-such-vnf'];
    doc.services[0].port = 70000;
    doc.controlArtifacts = [
      { kind: 'flows', controller: 'istiod', version: 1, content: {}, createdAt: '2026-11-01T10:00:00.000Z' },
      { kind: 'routes', controller: 'onos', version: 1, content: {}, createdAt: '2026-11-01T10:00:00.000Z' },
    ];
    const parsed = parseScenarioDocument(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContainEqual({ path: 'dependencies[0].chain[1]', message: 'unknown VNF "no-such-vnf"' });
    expect(parsed.errors.map((e) => e.path)).toContain('services[0].port');
    expect(parsed.errors).toContainEqual({ path: 'controlArtifacts[0].controller', message: 'flows belong to a sdn controller' });
    expect(parsed.errors).toContainEqual({ path: 'controlArtifacts[1].controller', message: 'routes belong to the scenario, not to a controller' });
  });

  test('every column of every table survives export and import, and the fixture sets each one', async () => {
    // Two fresh databases: the document imported into the first, its export into the second.
    const [a, b] = [await createTestDatabase(), await createTestDatabase()];
    try {
      const first = await importScenarioDocument(a.prisma, demoWithRun(), { name: 'Columns' });
      await importScenarioDocument(b.prisma, await exportScenarioDocument(a.prisma, first.id), { name: 'Columns' });
      const columns = await a.sql.query<{ table_name: string; column_name: string; column_default: string | null }>(
        `SELECT table_name, column_name, column_default FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND table_name NOT IN ${notScenarioTables} ORDER BY table_name, ordinal_position`,
      );
      // Ids and foreign keys differ between databases; what they point at is compared through
      // the exported document above. Every other column is data.
      const keys = await a.sql.query<{ table_name: string; column_name: string }>(
        `SELECT k.table_name, k.column_name FROM information_schema.key_column_usage k
           JOIN information_schema.table_constraints c ON c.constraint_name = k.constraint_name AND c.table_schema = k.table_schema
          WHERE k.table_schema = 'public' AND c.constraint_type = 'FOREIGN KEY'`,
      );
      const isKey = new Set(keys.map((k) => `${k.table_name}.${k.column_name}`));
      const data = columns.filter((c) => c.column_name !== 'id' && !isKey.has(`${c.table_name}.${c.column_name}`) && !(`${c.table_name}.${c.column_name}` in NOT_IN_DOCUMENT));
      const byTable = new Map<string, typeof data>();
      for (const c of data) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
      for (const [table, cols] of byTable) {
        const select = `SELECT ${cols.map((c) => `"${c.column_name}"::text AS "${c.column_name}"`).join(', ')} FROM "${table}"`;
        const rows = async (database: TestDatabase) =>
          (await database.sql.query<Record<string, string | null>>(select)).map((r) => JSON.stringify(cols.map((c) => r[c.column_name]))).sort();
        expect(await rows(b), `${table}: the rows differ after export and import`).toEqual(await rows(a));
      }
      // A column that only ever holds its default proves nothing: the fixture must set it, so a
      // column the document forgets is lost here and fails the comparison above.
      const onlyDefaults: string[] = [];
      for (const c of data) {
        const [{ n }] = await a.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text IS DISTINCT FROM (${c.column_default ?? 'NULL'})::text`,
        );
        if (n === 0) onlyDefaults.push(`${c.table_name}.${c.column_name}`);
      }
      expect(
        onlyDefaults,
        'these columns hold only their default after import: carry each in the scenario document and set it in this fixture, or list it in NOT_IN_DOCUMENT with the reason',
      ).toEqual([]);
    } finally {
      await a.drop();
      await b.drop();
    }
    // Two more databases to create and migrate: on a busy machine that alone can take a minute.
  }, 240_000);

  test('the demo has the promised shape', () => {
    const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
    // A registry in the topology, for network-aware placement.
    expect(doc.registries.map((r) => r.attachedTo)).toEqual([{ kind: 'networkNode', name: 'core-router' }]);
    expect(doc.sites.length).toBeGreaterThanOrEqual(4);
    expect(doc.edgeServers.length).toBeGreaterThanOrEqual(12);
    expect(new Set(doc.edgeServers.map((s) => s.arch))).toEqual(new Set(['amd64', 'arm64']));
    expect(doc.edgeServers.some((s) => s.accelerators.includes('gpu'))).toBe(true);
    for (const medium of ['fiber', 'ethernet', 'nr_5g', 'wifi']) expect(doc.links.some((l) => l.medium === medium)).toBe(true);
    expect(new Set(doc.controllers.map((c) => c.kind))).toEqual(new Set(['orchestrator', 'mesh', 'sdn', 'mano']));
    // What the control layer needs to show something: SDN switches its controller manages,
    // services in the mesh, traffic between services, and a chain through VNFs.
    const sdn = doc.controllers.find((c) => c.kind === 'sdn')!;
    expect(sdn.manages.networkNodes.length).toBeGreaterThan(0);
    for (const n of sdn.manages.networkNodes) expect(doc.networkNodes.find((x) => x.name === n)!.sdnManaged).toBe(true);
    expect(doc.controllers.find((c) => c.kind === 'mesh')!.manages.services.length).toBeGreaterThan(0);
    expect(doc.dependencies.filter((d) => d.trafficMbps > 0).length).toBeGreaterThan(5);
    expect(doc.dependencies.some((d) => d.chain.length >= 2)).toBe(true);
    expect(doc.images.length).toBeGreaterThanOrEqual(18);
    expect(doc.services.length).toBeGreaterThanOrEqual(12);
    // Images share base layers: the catalog needs clearly less with sharing than without.
    const size = new Map(doc.layers.map((l) => [l.digest, l.sizeBytes]));
    const without = doc.images.reduce((sum, i) => sum + i.layers.reduce((s, d) => s + size.get(d)!, 0), 0);
    const withSharing = [...new Set(doc.images.flatMap((i) => i.layers))].reduce((s, d) => s + size.get(d)!, 0);
    expect(withSharing / without).toBeLessThan(0.7);
  });

  test('a broken document is refused by the import with its paths, and nothing is written', async () => {
    const before = await countAllRows(db);
    await expect(importScenarioDocumentText(db.prisma, '{"format": "edgestack.scenario", ')).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: expect.stringContaining('not valid JSON') as string,
    });

    const doc = JSON.parse(JSON.stringify(buildDemoScenarioDocument())) as EditableDocument;
    doc.scenario.name = 'Broken';
    doc.links[3].a.name = 'no-such-switch';
    doc.edgeServers[0].cpuCores = -4;
    doc.registries[0].attachedTo = { kind: 'edgeServer', name: 'core-router' };
    const refused = importScenarioDocumentText(db.prisma, JSON.stringify(doc), { source: 'broken.json' });
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
    const message = await refused.catch((e: Error) => e.message);
    expect(message).toContain('broken.json is not a valid scenario document; nothing was imported.');
    expect(message).toContain('links[3].a.name: unknown network node "no-such-switch"');
    expect(message).toContain('edgeServers[0].cpuCores');
    expect(message).toContain('registries[0].attachedTo.name: unknown edge server "core-router"');
    expect(await db.prisma.scenario.findFirst({ where: { name: 'Broken' } })).toBeNull();
    expect(await countAllRows(db)).toEqual(before);

    // Uploaded bytes that are not UTF-8: refused with the offset, nothing written.
    const bytes = Buffer.from(JSON.stringify({ ...doc, scenario: { ...doc.scenario, name: 'Latin' } }));
    const at = bytes.indexOf('Latin');
    bytes[at + 1] = 0xe4;
    await expect(importScenarioDocumentText(db.prisma, new Uint8Array(bytes), { source: 'latin.json' })).rejects.toThrow(`latin.json is not valid UTF-8 at byte ${at + 1} (0xe4)`);
    expect(await countAllRows(db)).toEqual(before);

    // The same text, repaired, goes through the same path and is written.
    doc.links[3].a.name = buildDemoScenarioDocument().links![3].a.name;
    doc.edgeServers[0].cpuCores = 4;
    doc.registries[0].attachedTo = { kind: 'networkNode', name: 'core-router' };
    const imported = await importScenarioDocumentText(db.prisma, JSON.stringify(doc), { name: 'Repaired' });
    expect(await db.prisma.edgeServer.count({ where: { scenarioId: imported.id } })).toBe(doc.edgeServers.length);
  });

  test('a run whose problem or result is not a placement problem or result is refused', () => {
    const doc = demoWithRun();
    expect(parseScenarioDocument(JSON.stringify(doc)).ok).toBe(true);
    const junkProblem = { ...doc, placementRuns: [{ ...doc.placementRuns[0], problem: { version: 1, note: 'junk' } }] };
    const refusedProblem = parseScenarioDocument(JSON.stringify(junkProblem));
    expect(refusedProblem.ok).toBe(false);
    expect(JSON.stringify(refusedProblem)).toContain('placementRuns[0].problem');
    const junkResult = { ...doc, placementRuns: [{ ...doc.placementRuns[0], result: { status: 'feasible', nested: [1, 2] } }] };
    const refusedResult = parseScenarioDocument(JSON.stringify(junkResult));
    expect(refusedResult.ok).toBe(false);
    expect(JSON.stringify(refusedResult)).toContain('placementRuns[0].result');
    const nulls = { ...doc, placementRuns: [{ ...doc.placementRuns[0], problem: null, result: null }] };
    expect(parseScenarioDocument(JSON.stringify(nulls)).ok).toBe(true);
  });

  test('a failure half way through an import writes nothing', async () => {
    const doc = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
    // Valid for the schema but refused by the database late in the import (beyond INTEGER).
    doc.services[0].memoryMiB = 2 ** 31; // beyond INTEGER
    const before = await db.prisma.scenario.count();
    const layersBefore = await db.prisma.layer.count();
    await expect(importScenarioDocument(db.prisma, doc, { name: 'Half written' })).rejects.toThrow();
    expect(await db.prisma.scenario.count()).toBe(before);
    expect(await db.prisma.layer.count()).toBe(layersBefore);
  });

  test('seeding only into an empty database', async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await seedDemoScenario(fresh.prisma, { onlyIfEmpty: true })).not.toBeNull();
      expect(await seedDemoScenario(fresh.prisma, { onlyIfEmpty: true })).toBeNull();
      expect(await fresh.prisma.scenario.count()).toBe(1);
    } finally {
      await fresh.drop();
    }
  }, 180_000);
});
