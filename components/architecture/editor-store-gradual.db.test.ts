import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ElkGraph } from '@/lib/architecture/auto-layout';
import { BAND_OF } from '@/lib/architecture/snapshot';
import type { Edit } from '@/lib/architecture/edits';
import type { ArchEdge, ArchNode } from '@/lib/architecture/flow-graph';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { generateLargeScenario } from '../../bench/architecture/generate-large-scenario';
import { databaseBackend } from './editor-store.fixture';
import { EditorStore, type EditorRuntime } from './editor-store';

// Moves of many nodes (a layout, its undo) are shown a chunk of
// nodes per frame; in the end the canvas must draw what a fresh load of the saved scenario
// draws, with one save and one undo step. 200 nodes: the benchmark's generator at a fifth.

let db: TestDatabase;
let scenarioId: string;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

let n = 0;
beforeEach(async () => {
  const parsed = parseScenarioDocument(generateLargeScenario(`Gradual ${++n}`, 1, 0.2));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  scenarioId = (await importScenarioDocument(db.prisma, parsed.document)).id;
});

/** Lays the ELK graph out as one row, 300 apart, in the order given. */
const rowLayout: EditorRuntime['runLayout'] = (graph: ElkGraph) => Promise.resolve({ children: graph.children.map((c, i) => ({ ...c, x: i * 300, y: 0 })) });

/** A store whose every painted frame is recorded (the nodes drawn when it was asked for), and
 * every edit it sent. */
async function openRecordingStore() {
  const frames: ArchNode[][] = [];
  const settling: boolean[] = [];
  const moving: boolean[] = [];
  const idles: number[] = [];
  const sent: Edit[] = [];
  let store: EditorStore | null = null;
  const runtime: EditorRuntime = {
    runLayout: rowLayout,
    nextFrame: () => {
      if (store) {
        frames.push(store.getState().nodes);
        settling.push(store.getState().settling);
        moving.push(store.getState().moving);
      }
      return Promise.resolve();
    },
    // The frame (by its index) after which the store waited for the browser's idle time.
    idle: () => {
      idles.push(frames.length);
      return Promise.resolve();
    },
  };
  const backend = databaseBackend(db);
  const recording = { ...backend, applyEdit: (id: string, edit: Edit) => (sent.push(edit), backend.applyEdit(id, edit)) };
  store = new EditorStore(await loadArchitecture(db.prisma, scenarioId), {}, recording, runtime);
  return { store, frames, settling, moving, idles, sent };
}

/** Where every node is drawn, and the band it may be dragged in. */
const drawing = (nodes: readonly ArchNode[]) => Object.fromEntries(nodes.map((x) => [x.id, { ...x.position, extent: x.extent }]));

/** The edges drawn, by what they connect. */
const edgeEnds = (edges: readonly ArchEdge[]) => edges.map((e) => `${e.id} ${e.source} ${e.target} ${e.hidden ? 'hidden' : ''}`).sort();

/** What a fresh editor draws from the scenario as saved now. */
const freshDrawing = async () =>
  new EditorStore(await loadArchitecture(db.prisma, scenarioId), {}, databaseBackend(db), { runLayout: rowLayout, nextFrame: () => Promise.resolve() }).getState();

/** The store draws what a fresh editor draws from the scenario as saved now. */
async function expectFreshDrawing(store: EditorStore) {
  const fresh = await freshDrawing();
  expect(drawing(store.getState().nodes)).toEqual(drawing(fresh.nodes));
  expect(edgeEnds(store.getState().edges)).toEqual(edgeEnds(fresh.edges));
}

/** The nodes each frame swapped (frames that swapped none left out). */
function swappedPerFrame(frames: readonly ArchNode[][]): ArchNode[][] {
  const out: ArchNode[][] = [];
  for (let i = 1; i < frames.length; i++) {
    const before = new Map(frames[i - 1].map((x) => [x.id, x]));
    const swapped = frames[i].filter((x) => before.get(x.id) !== x);
    if (swapped.length) out.push(swapped);
  }
  return out;
}

/** How many nodes each frame swapped (frames that swapped none left out). */
const swapsPerFrame = (frames: readonly ArchNode[][]) => swappedPerFrame(frames).map((swapped) => swapped.length);

/** A chunk's cost as the store sizes it: 1 per node, plus 1 per edge drawn at it. */
function chunkUnits(nodes: readonly ArchNode[], edges: readonly ArchEdge[]): number {
  const ids = new Set(nodes.map((x) => x.id));
  return nodes.length + edges.filter((e) => !e.hidden && ids.has(e.source)).length + edges.filter((e) => !e.hidden && ids.has(e.target)).length;
}

describe('editor store: moves of many nodes are shown over several frames', () => {
  test('an auto layout swaps at most 150 nodes a frame, saves once and draws what a fresh load draws; its undo too', async () => {
    const { store, frames } = await openRecordingStore();
    await store.runAutoLayout();
    await store.whenSaved();
    const swaps = swapsPerFrame(frames);
    expect(swaps.length).toBeGreaterThan(1);
    expect(Math.max(...swaps)).toBeLessThanOrEqual(150);
    expect(swaps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(store.getState().nodes.length - 1);
    expect(store.getState().undo.map((i) => i.label)).toEqual([`move ${store.getState().nodes.length} nodes`]);
    await expectFreshDrawing(store);

    frames.length = 0;
    await store.undoLast();
    expect(swapsPerFrame(frames).length).toBeGreaterThan(1);
    await expectFreshDrawing(store);
  });

  test('an auto layout hides the edges while its nodes move: hiding them and showing them again each have a frame of their own, and the edges are back before the minimap redraws', async () => {
    const { store, frames, settling, moving } = await openRecordingStore();
    const start = store.getState().nodes;
    await store.runAutoLayout();
    await store.whenSaved();
    const first = moving.indexOf(true);
    const last = moving.lastIndexOf(true);
    expect(first).toBeGreaterThanOrEqual(0);
    // The frame that hides them draws the nodes where they were.
    expect(frames[first]).toBe(first === 0 ? start : frames[first - 1]);
    // Every frame that moved a node drew it with the edges hidden.
    for (let i = 1; i < frames.length; i++) {
      const before = new Map(frames[i - 1].map((x) => [x.id, x.position]));
      const moved = frames[i].some((x) => before.get(x.id)?.x !== x.position.x || before.get(x.id)?.y !== x.position.y);
      if (moved) expect(moving[i]).toBe(true);
    }
    // Then a frame with the edges shown and the minimap still waiting; then nothing hidden.
    expect(moving[last + 1]).toBe(false);
    expect(settling[last + 1]).toBe(true);
    expect(store.getState().moving).toBe(false);
    expect(store.getState().settling).toBe(false);
  });

  test('an auto layout sizes its first chunk by the edges at its nodes (at most 40 units), leaves the browser idle time after each chunk, and the minimap waits until the last chunk is in', async () => {
    const { store, frames, settling, idles } = await openRecordingStore();
    const start = drawing(store.getState().nodes);
    await store.runAutoLayout();
    await store.whenSaved();
    const chunks = swappedPerFrame(frames);
    // Edge servers come first: 50 of them (the earlier first chunk) carry some 250 edges. A node
    // swapped in where it already was (the layout left it in place) redraws no edge: 1 unit.
    expect(chunks[0].length).toBeGreaterThan(1);
    const moving = chunks[0].filter((x) => x.position.x !== start[x.id].x || x.position.y !== start[x.id].y);
    expect(chunkUnits(moving, store.getState().edges) + chunks[0].length - moving.length).toBeLessThanOrEqual(40);
    // Each frame that showed a chunk was drawn while the store was settling; none is after.
    expect(settling.filter(Boolean).length).toBeGreaterThanOrEqual(chunks.length);
    expect(store.getState().settling).toBe(false);
    // Blink sweeps its heap in idle tasks: one wait for idle time after every chunk's frame.
    expect(idles.length).toBe(chunks.length);
    expect(new Set(idles).size).toBe(idles.length);
  });

  test("a drag of a gridded node moves that node only: the band's other gridded nodes are saved where they are drawn, in the same edit and undo step", async () => {
    const { store, frames, moving, sent } = await openRecordingStore();
    const server = store.getState().nodes.find((x) => x.type === 'edgeServer')!;
    const before = drawing(store.getState().nodes);
    store.moveNodes([{ id: server.id, position: { x: server.position.x + 40, y: server.position.y } }]);
    expect(store.getState().saving).toBe(1);
    await store.whenSaved();
    expect(store.getState().saving).toBe(0);
    const after = drawing(store.getState().nodes);
    const moved = Object.keys(after).filter((id) => JSON.stringify(after[id]) !== JSON.stringify(before[id]));
    expect(moved).toEqual([server.id]);
    // No frame drew any other node anywhere else either, nor hid the edges.
    expect(moving.includes(true)).toBe(false);
    for (const frame of frames) {
      const at = drawing(frame);
      expect(Object.keys(at).filter((id) => id !== server.id && JSON.stringify(at[id]) !== JSON.stringify(before[id]))).toEqual([]);
    }
    // Without the kept positions, placing it would have re-gridded the physical band (some 60 nodes here).
    expect(sent).toHaveLength(1);
    const edit = sent[0];
    expect(edit.type === 'move' && edit.positions.length).toBeGreaterThan(50);
    expect(store.getState().undo.map((i) => i.label)).toEqual(['move']);
    await expectFreshDrawing(store);

    await store.undoLast();
    const undone = drawing(store.getState().nodes);
    expect(Object.keys(undone).filter((id) => JSON.stringify(undone[id]) !== JSON.stringify(before[id]))).toEqual([]);
    await expectFreshDrawing(store);
  });

  test('the first drag after React Flow has measured the nodes (shorter than the drawing assumed) moves nothing outside its band, saves once, and draws what a fresh load draws', async () => {
    const { store, sent } = await openRecordingStore();
    // React Flow reports every node's size after the first paint: most are shorter than NODE_HEIGHT.
    store.onNodesChange(store.getState().nodes.map((x) => ({ type: 'dimensions' as const, id: x.id, dimensions: { width: 200, height: 60 } })));
    const server = store.getState().nodes.find((x) => x.type === 'edgeServer')!;
    const before = drawing(store.getState().nodes);
    store.moveNodes([{ id: server.id, position: { x: server.position.x + 40, y: server.position.y } }]);
    await store.whenSaved();
    const after = drawing(store.getState().nodes);
    const movedBands = new Set(
      store
        .getState()
        .nodes.filter((x) => x.type !== 'summary' && JSON.stringify(after[x.id]) !== JSON.stringify(before[x.id]))
        .map((x) => (x.type === 'summary' ? 'summary' : BAND_OF[x.data.entity.kind])),
    );
    expect([...movedBands]).toEqual(['physical']);
    expect(sent.map((e) => e.type)).toEqual(['move']);
    expect(store.getState().undo.map((i) => i.label)).toEqual(['move']);
    await expectFreshDrawing(store);
  });
});
