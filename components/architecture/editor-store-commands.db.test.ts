import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ElkGraph } from '@/lib/architecture/auto-layout';
import { attachmentEdgeId, nodeId } from '@/lib/architecture/flow-ids';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import type { EntityKind } from '@/lib/architecture/snapshot';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { databaseBackend, SMALL_EDGE_DOCUMENT } from './editor-store.fixture';
import { EditorStore, type EditorRuntime } from './editor-store';

// The commands the canvas and its chrome give (connect, add, copy and paste, find, the three
// layouts), run through the store against the real domain on a test database. ELK and the
// painted frame are the runtime's: here a fake layout and no wait.

let db: TestDatabase;
let scenarioId: string;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

let n = 0;
beforeEach(async () => {
  scenarioId = (await importScenarioDocument(db.prisma, SMALL_EDGE_DOCUMENT, { name: `Commands ${++n}` })).id;
});

const backend = () => databaseBackend(db);

/** Lays the ELK graph out as one row, 300 apart, in the order given. */
const rowLayout: EditorRuntime['runLayout'] = (graph: ElkGraph) => Promise.resolve({ children: graph.children.map((c, i) => ({ ...c, x: i * 300, y: 0 })) });
const runtime = (runLayout = rowLayout): EditorRuntime => ({ runLayout, nextFrame: () => Promise.resolve() });

const openStore = async (options: { runLayout?: EditorRuntime['runLayout'] } = {}) =>
  new EditorStore(await loadArchitecture(db.prisma, scenarioId), {}, backend(), runtime(options.runLayout));

/** The flow id of the entity of that kind and name in the store's model. */
function idOf(store: EditorStore, kind: EntityKind, name: string): string {
  const e = [...store.getState().model.entities.values()].find((x) => x.kind === kind && x.name === name);
  if (!e) throw new Error(`no ${kind} ${name}`);
  return nodeId(kind, e.id);
}
const dbId = (flowId: string) => flowId.slice(flowId.indexOf(':') + 1);
const middleOf = (store: EditorStore, band: string) => {
  const rect = store.getState().bands.bands.find((b) => b.band === band)!;
  return { x: 400, y: rect.top + rect.height / 2 };
};

describe('editor store: connecting nodes', () => {
  test('a link between an edge server and a network node is saved, named after its ends, a second one numbered', async () => {
    const store = await openStore();
    const connection = { source: idOf(store, 'networkNode', 'core'), target: idOf(store, 'edgeServer', 'north-2') };
    expect(store.judgeConnection(connection)).toMatchObject({ ok: true, edgeKind: 'link' });

    expect((await store.connect(store.judgeConnection(connection)))?.ok).toBe(true);
    expect((await store.connect(store.judgeConnection(connection)))?.ok).toBe(true);
    const links = await db.prisma.link.findMany({ where: { scenarioId, name: { startsWith: 'core--north-2' } }, orderBy: { name: 'asc' } });
    expect(links.map((l) => [l.name, l.medium, l.bandwidthMbps])).toEqual([
      ['core--north-2', 'ethernet', 1000],
      ['core--north-2-2', 'ethernet', 1000],
    ]);
    expect(store.getState().undo.map((i) => i.label)).toEqual(['add link', 'add link']);
  });

  test('a dependency that exists is refused with the reason, shown as a notice; the reverse one is saved', async () => {
    const store = await openStore();
    const web = idOf(store, 'service', 'web');
    const api = idOf(store, 'service', 'api');
    const duplicate = store.judgeConnection({ source: web, target: api });
    expect(duplicate).toEqual({ ok: false, reason: 'This service already calls that one.' });
    expect(await store.connect(duplicate)).toBeNull();
    expect(store.getState().notice).toEqual({ tone: 'error', text: 'Not connected: This service already calls that one.' });

    expect((await store.connect(store.judgeConnection({ source: api, target: web })))?.ok).toBe(true);
    expect(await db.prisma.serviceDependency.findFirst({ where: { fromServiceId: dbId(api), toServiceId: dbId(web) } })).toMatchObject({ trafficMbps: 10 });
  });

  test('a controller connected to a network node manages it; an existing manages is refused', async () => {
    const store = await openStore();
    const k8s = idOf(store, 'controller', 'k8s');
    expect(store.judgeConnection({ source: k8s, target: idOf(store, 'service', 'web') })).toEqual({ ok: false, reason: 'This controller already manages it.' });
    expect((await store.connect(store.judgeConnection({ source: idOf(store, 'networkNode', 'core'), target: k8s })))?.ok).toBe(true);
    expect(store.getState().model.manages.size).toBe(5);
  });

  test('a controller connected by its host handle to another edge server runs there; to its own host, nothing happens', async () => {
    const store = await openStore();
    const k8s = idOf(store, 'controller', 'k8s');
    const north1 = idOf(store, 'edgeServer', 'north-1');
    expect(await store.connect(store.judgeConnection({ source: k8s, target: idOf(store, 'edgeServer', 'north-2'), sourceHandle: 'host' }))).toBeNull();
    expect((await store.connect(store.judgeConnection({ source: k8s, target: north1, sourceHandle: 'host' })))?.ok).toBe(true);
    expect(await db.prisma.controller.findUniqueOrThrow({ where: { id: dbId(k8s) } })).toMatchObject({ hostServerId: dbId(north1) });
    expect(store.getState().undo.at(-1)).toMatchObject({ type: 'update', label: 'change host' });
  });

  test('a registry added from the palette is attached by an edge to a node, moved to a server, and detached by deleting the edge; undo reattaches it', async () => {
    const store = await openStore();
    expect((await store.addEntityAt('registry', middleOf(store, 'service')))?.ok).toBe(true);
    const registry = idOf(store, 'registry', 'registry-1');
    const row = () => db.prisma.registry.findUniqueOrThrow({ where: { id: dbId(registry) }, select: { networkNodeId: true, edgeServerId: true, version: true } });
    expect(await row()).toEqual({ networkNodeId: null, edgeServerId: null, version: 1 });

    const core = idOf(store, 'networkNode', 'core');
    expect((await store.connect(store.judgeConnection({ source: core, target: registry })))?.ok).toBe(true);
    expect(await row()).toEqual({ networkNodeId: dbId(core), edgeServerId: null, version: 2 });
    expect(store.getState().edges.find((e) => e.type === 'attachment')).toMatchObject({ source: registry, target: core });

    const north1 = idOf(store, 'edgeServer', 'north-1');
    expect((await store.connect(store.judgeConnection({ source: registry, target: north1 })))?.ok).toBe(true);
    expect(await row()).toEqual({ networkNodeId: null, edgeServerId: dbId(north1), version: 3 });

    store.requestDelete([attachmentEdgeId(dbId(registry))]);
    expect(store.getState().deleteRequest).toBeNull();
    // The delete saves in the background: the row commits before the store records the undo step.
    await vi.waitFor(() => expect(store.getState().undo.at(-1)).toMatchObject({ type: 'update', label: 'detach registry' }));
    expect(await row()).toEqual({ networkNodeId: null, edgeServerId: null, version: 4 });
    await store.undoLast();
    expect(await row()).toEqual({ networkNodeId: null, edgeServerId: dbId(north1), version: 5 });
  });

  test('what is not two nodes is not a connection', async () => {
    const store = await openStore();
    expect(store.judgeConnection({ source: idOf(store, 'service', 'web'), target: null })).toEqual({ ok: false, reason: 'Connect two nodes.' });
  });
});

describe('editor store: adding, copying and finding', () => {
  test('an entity dropped in its band is saved and selected; outside it, or on a locked canvas, it is refused', async () => {
    const store = await openStore();
    expect(await store.addEntityAt('edgeServer', middleOf(store, 'control'))).toBeNull();
    expect(store.getState().notice).toEqual({ tone: 'error', text: 'Edge server belongs in the physical band: drop it there.' });

    store.setLocked(true);
    expect(await store.addEntityAt('edgeServer', middleOf(store, 'physical'))).toBeNull();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'The canvas is locked; unlock it to add.' });
    store.setLocked(false);

    expect((await store.addEntityAt('edgeServer', middleOf(store, 'physical')))?.ok).toBe(true);
    const added = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name: 'edge-server-1' } });
    expect(store.getState().selected).toEqual([nodeId('edgeServer', added.id)]);
    expect(store.getState().undo.at(-1)).toMatchObject({ label: 'add edge server' });
  });

  test("a viewer's store stays locked and says which role editing takes", async () => {
    const store = new EditorStore(await loadArchitecture(db.prisma, scenarioId), { readOnly: true }, backend(), runtime());
    expect(store.getState()).toMatchObject({ readOnly: true, locked: true });
    store.setLocked(false);
    expect(store.getState().locked).toBe(true);
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'You are viewing this architecture: editing it needs the Planner role.' });
    const servers = await db.prisma.edgeServer.count({ where: { scenarioId } });
    expect(await store.addEntityAt('edgeServer', middleOf(store, 'physical'))).toBeNull();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'You are viewing this architecture; editing it needs the Planner role, so you cannot add here.' });
    expect(await db.prisma.edgeServer.count({ where: { scenarioId } })).toBe(servers);
  });

  test('a VNF added from the palette runs on the selected edge server', async () => {
    const store = await openStore();
    const south = idOf(store, 'edgeServer', 'south-1');
    store.select([south]);
    expect((await store.addEntityAt('vnf', { x: 0, y: 0 }, false))?.ok).toBe(true);
    expect(await db.prisma.vnf.findFirstOrThrow({ where: { scenarioId, name: 'firewall-1' } })).toMatchObject({ hostServerId: dbId(south) });
  });

  test('copy remembers the selected nodes; each paste saves a copy, selected', async () => {
    const store = await openStore();
    expect(store.hasClipboard()).toBe(false);
    store.select([idOf(store, 'service', 'web'), idOf(store, 'service', 'api')]);
    store.copy();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'Copied 2 nodes.' });
    expect(store.hasClipboard()).toBe(true);

    expect((await store.paste())?.ok).toBe(true);
    const copies = await db.prisma.service.findMany({ where: { scenarioId, name: { endsWith: '-copy' } } });
    expect(copies.map((s) => s.name).sort()).toEqual(['api-copy', 'web-copy']);
    expect(await db.prisma.serviceDependency.count({ where: { fromService: { name: 'web-copy', scenarioId } } })).toBe(1);
    expect([...store.getState().selected].sort()).toEqual(expect.arrayContaining(copies.map((s) => nodeId('service', s.id))));
    expect((await store.paste())?.ok).toBe(true);
    expect(await db.prisma.service.count({ where: { scenarioId } })).toBe(6);
  });

  test('copy with no node selected keeps the clipboard as it was', async () => {
    const store = await openStore();
    store.copy();
    expect(store.hasClipboard()).toBe(false);
    expect(await store.paste()).toBeNull();
  });

  test('find selects the exact name first, then a name that contains the query; nothing found is a notice', async () => {
    const store = await openStore();
    expect(store.find('  NORTH ')).toBe(idOf(store, 'site', 'north'));
    expect(store.getState().selected).toEqual([idOf(store, 'site', 'north')]);
    expect(store.find('uth-')).toBe(idOf(store, 'edgeServer', 'south-1'));
    expect(store.find('nothing like it')).toBeNull();
    expect(store.getState().notice).toEqual({ tone: 'error', text: 'Nothing is named like “nothing like it”.' });
    expect(store.find('   ')).toBeNull();
  });
});

describe('editor store: layouts', () => {
  const positions = async () => {
    const rows = await db.prisma.edgeServer.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } });
    return rows.map((r) => [r.name, r.posX, r.posY]);
  };

  test('auto layout saves the laid-out positions as one undoable move and says how many', async () => {
    const store = await openStore();
    await store.runAutoLayout();
    await store.whenSaved();
    expect(store.getState().layout).toMatchObject({ status: 'done' });
    expect(store.getState().notice?.text).toMatch(/^Laid out \d+ nodes in \d+\.\d s\.$/);
    expect(store.getState().undo.map((i) => i.type)).toEqual(['move']);
    const laidOut = await positions();
    expect(laidOut.every(([, x, y]) => x !== null && y !== null)).toBe(true);

    await store.undoLast();
    expect(store.getState().redo.map((i) => i.type)).toEqual(['move']);
    expect(await positions()).not.toEqual(laidOut);
  });

  test('a failed auto layout moves nothing and says why; a locked canvas is not laid out', async () => {
    const store = await openStore({ runLayout: () => Promise.reject(new Error('ELK gave up')) });
    const before = await positions();
    await store.runAutoLayout();
    expect(store.getState()).toMatchObject({ layout: { status: 'error' }, notice: { tone: 'error', text: 'Auto layout failed: ELK gave up' }, undo: [] });

    store.setLocked(true);
    await store.runAutoLayout();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'The canvas is locked; unlock it to lay it out.' });
    expect(await positions()).toEqual(before);
  });

  test('the geographic layout places the nodes with coordinates (the sites) and keeps the others in their bands', async () => {
    const store = await openStore();
    await store.runGeographicLayout();
    await store.whenSaved();
    expect(store.getState().notice?.text).toMatch(/^Placed \d+ nodes by their latitude and longitude/);
    const sites = await db.prisma.site.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } });
    expect(sites.every((s) => s.posX !== null)).toBe(true);
    // north (16.37° E) is east of south (15.44° E).
    expect(sites[0].posX!).toBeGreaterThan(sites[1].posX!);

    store.setLocked(true);
    await store.runGeographicLayout();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'The canvas is locked; unlock it to lay it out.' });
  });

  test('placing new nodes moves only the nodes without a position', async () => {
    const store = await openStore();
    await store.runAutoLayout();
    await store.whenSaved();
    const laidOut = await positions();
    await store.addEntityAt('edgeServer', middleOf(store, 'physical'));
    await db.prisma.edgeServer.updateMany({ where: { scenarioId, name: 'edge-server-1' }, data: { posX: null, posY: null } });
    await store.reload();

    await store.runPlaceNewNodes();
    await store.whenSaved();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'Placed 1 new node next to what they connect to; nothing else moved.' });
    const after = await positions();
    expect(after.filter(([name]) => name !== 'edge-server-1')).toEqual(laidOut);
    expect(after.find(([name]) => name === 'edge-server-1')!.slice(1)).not.toContain(null);
  });
});
