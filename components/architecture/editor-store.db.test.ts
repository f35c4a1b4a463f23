import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { nodeId } from '@/lib/architecture/flow-ids';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { databaseBackend, SMALL_EDGE_DOCUMENT } from './editor-store.fixture';
import { EditorStore, type Intent } from './editor-store';

// The editor's store against the real domain on a real database: the backend is what the
// server actions call, with the test database instead of the app's.

let db: TestDatabase;
let scenarioId: string;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

let n = 0;
beforeEach(async () => {
  scenarioId = (await importScenarioDocument(db.prisma, SMALL_EDGE_DOCUMENT, { name: `Store ${++n}` })).id;
});

const backend = () => databaseBackend(db);
const openStore = async () => new EditorStore(await loadArchitecture(db.prisma, scenarioId), {}, backend());
const server = (name: string) => db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name } });
const setCores = (id: string, cpuCores: number, before: number): Intent => ({
  type: 'update',
  label: 'cores',
  target: { type: 'entity', kind: 'edgeServer', id },
  changes: { cpuCores },
  before: { cpuCores: before },
});

describe('editor store: undo and redo', () => {
  test('an edit is saved; undo restores the saved value, redo saves it again, and the stacks follow', async () => {
    const store = await openStore();
    const north = await server('north-1');
    const result = await store.commit(setCores(north.id, north.cpuCores + 4, north.cpuCores));
    expect(result?.ok).toBe(true);
    expect((await server('north-1')).cpuCores).toBe(north.cpuCores + 4);
    expect(store.getState().undo).toHaveLength(1);

    await store.undoLast();
    expect((await server('north-1')).cpuCores).toBe(north.cpuCores);
    expect(store.getState()).toMatchObject({ undo: [], notice: { text: 'Undone: cores' } });
    expect(store.getState().redo).toHaveLength(1);

    await store.redoLast();
    expect((await server('north-1')).cpuCores).toBe(north.cpuCores + 4);
    expect(store.getState().redo).toEqual([]);
    expect(store.getState().model.entities.get(nodeId('edgeServer', north.id))).toMatchObject({ cpuCores: north.cpuCores + 4 });
  });

  test('a delete is undone by restoring everything it took, with the same rows', async () => {
    const store = await openStore();
    const south = await server('south-1');
    const linksBefore = await db.prisma.link.count({ where: { scenarioId } });
    store.requestDelete([nodeId('edgeServer', south.id)]);
    expect(store.getState().deleteRequest).not.toBeNull();
    await store.confirmDelete();
    expect(await db.prisma.edgeServer.findUnique({ where: { id: south.id } })).toBeNull();
    expect(await db.prisma.link.count({ where: { scenarioId } })).toBeLessThan(linksBefore);

    await store.undoLast();
    expect(await db.prisma.edgeServer.findUnique({ where: { id: south.id } })).toMatchObject({ name: 'south-1', cpuCores: south.cpuCores });
    expect(await db.prisma.link.count({ where: { scenarioId } })).toBe(linksBefore);
  });

  test('a new edit clears redo', async () => {
    const store = await openStore();
    const north = await server('north-1');
    await store.commit(setCores(north.id, 9, north.cpuCores));
    await store.undoLast();
    expect(store.getState().redo).toHaveLength(1);
    await store.commit(setCores(north.id, 11, north.cpuCores));
    expect(store.getState().redo).toEqual([]);
  });

  test('a locked canvas saves nothing and says so', async () => {
    const store = await openStore();
    const north = await server('north-1');
    store.setLocked(true);
    expect(await store.commit(setCores(north.id, 99, north.cpuCores))).toBeNull();
    expect(store.getState().notice).toEqual({ tone: 'info', text: 'The canvas is locked; unlock it to edit.' });
    store.requestDelete([nodeId('edgeServer', north.id)]);
    expect(store.getState()).toMatchObject({ deleteRequest: null, notice: { text: 'The canvas is locked; unlock it to delete.' } });
    expect((await server('north-1')).cpuCores).toBe(north.cpuCores);
  });
});

describe('editor store: two people editing', () => {
  test('a save based on an older version is refused as a conflict, overwrites nothing, and works after reload', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    const north = await server('north-1');
    expect((await theirs.commit(setCores(north.id, 20, north.cpuCores)))?.ok).toBe(true);

    const refused = await mine.commit(setCores(north.id, 30, north.cpuCores));
    expect(refused).toMatchObject({ ok: false, conflict: true });
    expect(mine.getState().conflict).toBeTruthy();
    expect(mine.getState().undo).toEqual([]);
    expect((await server('north-1')).cpuCores).toBe(20);

    await mine.reload();
    expect(mine.getState().conflict).toBeNull();
    expect(mine.getState().model.entities.get(nodeId('edgeServer', north.id))).toMatchObject({ cpuCores: 20 });
    expect((await mine.commit(setCores(north.id, 30, 20)))?.ok).toBe(true);
    expect((await server('north-1')).cpuCores).toBe(30);
  });

  test('undo after someone else changed the same entity is refused instead of overwriting their change', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    const north = await server('north-1');
    await mine.commit(setCores(north.id, 12, north.cpuCores));
    await theirs.reload();
    await theirs.commit(setCores(north.id, 14, 12));

    await mine.undoLast();
    expect(mine.getState().conflict).toBeTruthy();
    expect(mine.getState().undo).toHaveLength(1);
    expect((await server('north-1')).cpuCores).toBe(14);
  });

  test('editing something another person deleted is refused as a conflict', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    const south = await server('south-1');
    theirs.requestDelete([nodeId('edgeServer', south.id)]);
    await theirs.confirmDelete();

    const refused = await mine.commit(setCores(south.id, 3, south.cpuCores));
    expect(refused).toMatchObject({ ok: false, conflict: true });
    expect(await db.prisma.edgeServer.findUnique({ where: { id: south.id } })).toBeNull();
  });
});

describe('editor store: React Flow changes', () => {
  test('a drag is in progress from its first position change with dragging: true to the one with dragging: false; its selection lands at once', async () => {
    const store = await openStore();
    const north = nodeId('edgeServer', (await server('north-1')).id);
    const at = store.getState().nodes.find((x) => x.id === north)!.position;
    expect(store.getState().dragging).toBe(false);
    // What React Flow sends as a drag starts on an unselected node: its selection, then its first step.
    store.onNodesChange([{ type: 'select', id: north, selected: true }]);
    expect(store.getState()).toMatchObject({ dragging: false, selected: [north] });
    store.onNodesChange([{ type: 'position', id: north, position: { x: at.x + 10, y: at.y }, dragging: true }]);
    expect(store.getState().dragging).toBe(true);
    // A change that says nothing of a drag (a measured size) leaves it as it is.
    store.onNodesChange([{ type: 'dimensions', id: north, dimensions: { width: 200, height: 60 } }]);
    expect(store.getState().dragging).toBe(true);
    store.onNodesChange([{ type: 'position', id: north, position: { x: at.x + 20.4, y: at.y - 0.6 }, dragging: true }]);
    expect(store.getState()).toMatchObject({ dragging: true, selected: [north] });
    expect(store.getState().nodes.find((x) => x.id === north)!.position).toEqual({ x: at.x + 20.4, y: at.y - 0.6 });
    // The drop lands on whole flow units, where it is saved.
    store.onNodesChange([{ type: 'position', id: north, position: { x: at.x + 20.4, y: at.y - 0.6 }, dragging: false }]);
    expect(store.getState().dragging).toBe(false);
    expect(store.getState().nodes.find((x) => x.id === north)!.position).toEqual({ x: at.x + 20, y: at.y - 1 });
  });

  test('a locked canvas takes no position change, so no drag begins', async () => {
    const store = await openStore();
    const north = nodeId('edgeServer', (await server('north-1')).id);
    store.setLocked(true);
    store.onNodesChange([{ type: 'position', id: north, position: { x: 1, y: 2 }, dragging: true }]);
    expect(store.getState().dragging).toBe(false);
  });
});
