'use client';

// The editor's store. Why not React Flow's useNodesState: the truth here is the model (entities,
// relations and their versions), from which nodes and edges are derived, plus an undo history and
// a save queue that non-React code (keyboard shortcuts, the worker callback) must read
// synchronously. Why not useReducer: a reducer's state lives in one component, so every slice
// change re-renders the whole editor tree. A small external store read through
// useSyncExternalStore with narrow selectors (zustand's pattern, without the dependency) lets
// the toolbar, inspector and canvas each re-render only for the slice they select.

import { applyNodeChanges, applyEdgeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { applyArchitectureEditAction, loadArchitectureAction } from '@/lib/actions/architecture-actions';
import { keepGridInPlace } from '@/lib/architecture/keep-grid-in-place';
import { applyOutcome, uniqueName, workingCopyFromSnapshot, withPositions, type WorkingCopy } from '@/lib/architecture/working-copy';
import { buildElkGraph, positionsFromElk, type ElkGraph, type ElkNode } from '@/lib/architecture/auto-layout';
import { bandAt, layoutBands, clampIntoBand, NODE_HEIGHT, type BandLayout, type XY } from '@/lib/architecture/bands';
import { classifyConnection, type ConnectionVerdict, type ExistingRelations } from '@/lib/architecture/connection-rules';
import { geographicLayout } from '@/lib/architecture/geographic-layout';
import { placeNewNodes } from '@/lib/architecture/place-new-nodes';
import type { DeletedBundle, Edit, EditOutcome } from '@/lib/architecture/edits';
import { aggregateView, AGGREGATE_THRESHOLD, layoutAggregated, type AggregatedView } from '@/lib/architecture/aggregate-view';
import { buildAggregatedNodes, buildEdges, buildNodes, DEFAULT_VIEW, passesFilters, type ArchEdge, type ArchNode, type ViewOptions } from '@/lib/architecture/flow-graph';
import type { ControlOverlay } from '@/lib/architecture/control-overlay';
import type { EdgeOverlay } from '@/lib/architecture/flow-graph';
import { entitiesInScope } from '@/lib/architecture/view-scope';
import type { Viewport } from '@/lib/architecture/view-url';
import { dependencyEdgeId, flowIdsOf, managesEdgeId, nodeId, parseEdgeId, parseNodeId } from '@/lib/architecture/flow-ids';
import { BAND_OF, ENTITY_KIND_LABELS, type ArchitectureSnapshot, type Entity, type EntityKind, type ImageInfo, type LinkEnd } from '@/lib/architecture/snapshot';
import { copySelection, newEntity, pasteEdit, type Clipboard, type CreateEdit } from '@/lib/architecture/new-entities';
import { isEmptyPlan, planDelete, type DeletePlan } from '@/lib/architecture/plan-delete';
import { computeStorageUse, type StorageUse } from '@/lib/architecture/storage-use';
import { LAYERS } from '@/lib/vocabulary/kinds-and-labels';
import { runElkLayout } from './run-layout';

type Position = { kind: EntityKind; id: string; x: number; y: number };
export type UpdateTarget = { type: 'entity'; kind: EntityKind; id: string } | { type: 'link'; id: string } | { type: 'dependency'; fromId: string; toId: string };

/** An edit as the history keeps it: an intention, turned into an Edit (with the versions the
 * model has *then*) only when it runs, so undo after someone else's change is refused rather
 * than overwriting. Running one yields its opposite. */
export type Intent =
  | { type: 'create'; label: string; edit: CreateEdit }
  | { type: 'deleteOf'; label: string; ids: string[] }
  | { type: 'restore'; label: string; bundle: DeletedBundle }
  | { type: 'update'; label: string; target: UpdateTarget; changes: Record<string, unknown>; before: Record<string, unknown> }
  | { type: 'move'; label: string; positions: Position[]; before: Position[] };

export type Notice = { tone: 'error' | 'info'; text: string } | null;

export type EditorState = {
  scenarioId: string;
  scenarioName: string;
  model: WorkingCopy;
  images: ImageInfo[];
  layerSizes: Record<string, number>;
  cachedLayers: Record<string, string[]>;
  view: ViewOptions;
  /** The signed-in role may not edit: the canvas stays locked (the server refuses edits anyway). */
  readOnly: boolean;
  locked: boolean;
  bands: BandLayout;
  storage: ReadonlyMap<string, StorageUse> | null;
  nodes: ArchNode[];
  edges: ArchEdge[];
  /** The aggregated view's groups, when the scope holds more than AGGREGATE_THRESHOLD nodes. */
  aggregated: AggregatedView | null;
  /** Nodes in scope after filters (what the view stands for, drawn one by one or not). */
  shownCount: number;
  selected: readonly string[];
  saving: number;
  conflict: string | null;
  notice: Notice;
  undo: Intent[];
  redo: Intent[];
  deleteRequest: DeletePlan | null;
  layout: { status: 'idle' | 'running' | 'done' | 'error'; ms: number | null };
  /** Field errors of the last refused inspector save. */
  fieldErrors: Record<string, string[]>;
  /** Where the canvas looks (after each pan or zoom ends), for the shareable URL. */
  viewport: Viewport | null;
  /** The latest control plan's routes and link load (issue 9), when one has been computed. */
  control: ControlOverlay | null;
  /** Nodes are being swapped in a chunk per frame (a layout, a re-grid): the minimap waits. */
  settling: boolean;
  /** Nodes are moving to new places a chunk per frame (a layout, its undo): the canvas hides the
   * edges until every node is in (see architecture-canvas.css). */
  moving: boolean;
  /** A node is being dragged: from React Flow's first position change with `dragging: true` to
   * its last (`dragging: false`). The minimap and the inspector wait for the drop. */
  dragging: boolean;
  /** An image export is being made: React Flow draws every edge, whatever the zoom (far out most
   * are on a canvas at screen resolution, which an exported image would show blurred). */
  exporting: boolean;
};

export type SaveResult = { ok: true; outcome: EditOutcome } | { ok: false; conflict: boolean; errors: Record<string, string[]> };

/** Where edits are saved and the scenario reloaded from: the server actions in the app; the
 * same domain functions on a test database in the store's tests. */
export type EditorBackend = {
  applyEdit: (scenarioId: string, edit: Edit) => Promise<SaveResult>;
  load: typeof loadArchitectureAction;
};

const serverActions: EditorBackend = { applyEdit: applyArchitectureEditAction, load: loadArchitectureAction };

/** What the store needs of the browser: ELK (in a web worker) for the auto layout, and a way to
 * wait until a frame has been painted. The store's tests bring their own. */
export type EditorRuntime = {
  runLayout: (graph: ElkGraph) => Promise<{ children: ElkNode[] }>;
  nextFrame: () => Promise<void>;
  /** Until the browser has had idle time (after the idle tasks posted so far), if it has such a thing. */
  idle?: () => Promise<void>;
};

const browser: EditorRuntime = {
  runLayout: runElkLayout,
  // rAF, then a task after it: the frame has been painted by then.
  nextFrame: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  // Where there is no requestIdleCallback (Safari), no wait.
  idle: () => new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 100 }) : resolve())),
};

/** A layout (or any move of more than `first` nodes) shows its new positions a chunk of nodes per
 * frame. A chunk's cost is mostly its nodes' edges (each moved node re-renders the edges at it;
 * its own body is memoised), so a chunk is measured in units of 1 per node plus 1 per edge at
 * it, and sized so that a frame (the chunk's React and React Flow work, then its style, layout,
 * paint and layerize) takes about LAYOUT_FRAME_MS. Sized in nodes (at least 25, the first 50), a
 * chunk of edge servers (about 6 units each) was a 33-67 ms-CPU script task and a 37-82 ms-CPU
 * rendering task (traced at a load of 5, 2026-12-03 evening): the layout's longest frames, 117-217
 * ms on a quiet machine. Traced, a chunk frame costs about 40 ms of CPU whatever its size (React
 * Flow's whole-store update, Chromium's layerize of the whole graph) plus about 0.3 ms a unit, so
 * `minUnits` is where a unit more costs little: with 12 a layout of 1,000 nodes took 371 frames
 * (50 s at a load of 8, four times the main-thread CPU of the old chunks) for frames barely
 * shorter than with 30. */
const LAYOUT_CHUNK = { first: 50, firstUnits: 40, minUnits: 30, maxUnits: 600, maxNodes: 150 };
/** 40: with the edges shown, a chunk frame re-rastered nearly the whole canvas, a fixed cost that
 * smaller chunks only repeated (aimed at 45 ms a layout took 18.8 s, 2026-12-03), so the aim was 60.
 * With the edges hidden while nodes move (`moving`), a layout of 1,000 nodes aimed at 40 ms applies
 * in 4.7-4.9 s in 17-27 chunks with frames of 47-69 ms of CPU (traced, quiet machine, 2026-12-04). */
const LAYOUT_FRAME_MS = 40;
/** How much longer than the quickest chunk frame seen a frame may be aimed at (see swapNodesGradually). */
const LAYOUT_FIXED_SHARE = 1.5;

/** The entities the bands are laid out from: the view's scope, or all of them. */
function scopeOf(model: WorkingCopy, view: ViewOptions): { inScope: ReturnType<typeof entitiesInScope>; scoped: Entity[] } {
  const inScope = entitiesInScope(model, view.scope);
  const scoped = inScope ? [...inScope].map((id) => model.entities.get(id)!).filter(Boolean) : [...model.entities.values()];
  return { inScope, scoped };
}

/** `next`, or `previous` when both hold the same objects in the same order: a new array of the
 * same nodes or edges still makes React Flow rebuild its lookups and run every node's and edge's
 * store selectors (a move changes no edge, yet it handed React Flow 2,000 "new" edges). */
function sameOrNext<T>(previous: T[] | undefined, next: T[]): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

/** What a connection drawn on the canvas says: two flow ids and the handle it started from. */
export type DrawnConnection = { source: string | null; target: string | null; sourceHandle?: string | null };

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    snapshot: ArchitectureSnapshot,
    initial: { view?: ViewOptions; selected?: readonly string[]; viewport?: Viewport | null; control?: ControlOverlay | null; readOnly?: boolean } = {},
    private readonly backend: EditorBackend = serverActions,
    private readonly runtime: EditorRuntime = browser,
  ) {
    const model = workingCopyFromSnapshot(snapshot);
    const view = initial.view ?? DEFAULT_VIEW;
    this.state = {
      scenarioId: snapshot.scenario.id,
      scenarioName: snapshot.scenario.name,
      model,
      images: snapshot.images,
      layerSizes: snapshot.layerSizes,
      cachedLayers: snapshot.cachedLayers,
      view,
      readOnly: initial.readOnly ?? false,
      locked: initial.readOnly ?? false,
      bands: { bands: [], positions: {}, minX: 0, maxX: 0 },
      storage: null,
      nodes: [],
      edges: [],
      aggregated: null,
      shownCount: 0,
      selected: [],
      saving: 0,
      conflict: null,
      notice: null,
      undo: [],
      redo: [],
      deleteRequest: null,
      layout: { status: 'idle', ms: null },
      fieldErrors: {},
      viewport: initial.viewport ?? null,
      control: initial.control ?? null,
      settling: false,
      moving: false,
      dragging: false,
      exporting: false,
    };
    this.state = { ...this.state, ...this.derive(model, view) };
    if (initial.selected?.length) {
      const want = new Set(initial.selected);
      this.state.nodes = this.state.nodes.map((n) => (want.has(n.id) ? { ...n, selected: true } : n));
      this.state.edges = this.state.edges.map((e) => (want.has(e.id) ? { ...e, selected: true } : e));
      this.state.selected = this.collectSelection(this.state.nodes, this.state.edges);
    }
  }

  getState = () => this.state;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EditorState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ------------------------------------------------------------------ derived graph

  /** The graph drawn from `model` and `view`. `changed`: what differs from the state's, so what
   * can be kept: only the view (storage use stands), or only positions (edges stand too: they
   * connect entities wherever these sit, and rebuilding 2,000 of them took a third of a move's
   * derivation). */
  private derive(
    model: WorkingCopy,
    view: ViewOptions,
    changed: 'everything' | 'view' | 'positions' = 'everything',
  ): Pick<EditorState, 'bands' | 'storage' | 'nodes' | 'edges' | 'aggregated' | 'shownCount'> {
    const storageChanged = changed === 'everything';
    const previousNodes = new Map((this.state?.nodes ?? []).map((n) => [n.id, n]));
    const heightOf = this.heightOf(previousNodes.values());
    const storage = storageChanged || !this.state ? this.computeStorage(model) : this.state.storage;
    const previousEdges = new Map((this.state?.edges ?? []).map((e) => [e.id, e]));
    const overlay = this.edgeOverlay(view);
    const { inScope, scoped } = scopeOf(model, view);
    const shown: string[] = [];
    for (const e of scoped) if (passesFilters(e, view)) shown.push(nodeId(e.kind, e.id));
    if (shown.length > AGGREGATE_THRESHOLD) {
      const aggregated = aggregateView(model, shown, view.expanded);
      const bands = layoutAggregated(aggregated, heightOf);
      const nodes = sameOrNext(this.state?.nodes, this.markRoute(model, view, buildAggregatedNodes(model, aggregated, bands, storage, previousNodes)));
      const edges =
        changed === 'positions' && this.state
          ? this.state.edges
          : sameOrNext(this.state?.edges, buildEdges(model, view, previousEdges, { representative: aggregated.representative, overlay }));
      return { bands, storage, nodes, edges, aggregated, shownCount: shown.length };
    }
    const bands = layoutBands(scoped, heightOf);
    const nodes = sameOrNext(this.state?.nodes, this.markRoute(model, view, buildNodes(model, view, bands, storage, previousNodes, heightOf, inScope)));
    const edges = changed === 'positions' && this.state ? this.state.edges : sameOrNext(this.state?.edges, buildEdges(model, view, previousEdges, { inScope, overlay }));
    return { bands, storage, nodes, edges, aggregated: null, shownCount: shown.length };
  }

  /** The node heights the bands are laid out with. */
  private heightOf(nodes: Iterable<ArchNode>): (id: string) => number {
    // A measured height refines the bands only when it is taller than NODE_HEIGHT, which the first
    // drawing (before React Flow has measured anything) assumed for every node. Shorter nodes (most
    // are 50-80 px) used to make the first edit after a load move every node of every band below
    // the first (their band tops followed the measured heights): at 1,000 nodes, a drag of one node
    // redrew all 1,000 over ~40 frames instead of the ~400 of its band it re-grids.
    const heights = new Map<string, number>();
    for (const n of nodes) if (n.measured?.height && n.measured.height > NODE_HEIGHT) heights.set(n.id, n.measured.height);
    return (id: string) => heights.get(id) ?? NODE_HEIGHT;
  }

  private edgeOverlay(view: ViewOptions): EdgeOverlay | null {
    const control = this.state?.control;
    if (!control) return null;
    if (!this.loadByLink || this.loadByLinkOf !== control) {
      this.loadByLink = new Map(Object.entries(control.links));
      this.loadByLinkOf = control;
    }
    const routes = view.highlightService ? control.services[view.highlightService] : undefined;
    return {
      loadByLink: this.loadByLink,
      routeLinks: view.highlightService ? new Set(routes?.links ?? []) : null,
      routeVnfs: view.highlightService ? new Set(routes?.vnfs ?? []) : null,
    };
  }

  private loadByLink: ReadonlyMap<string, ControlOverlay['links'][string]> | null = null;
  private loadByLinkOf: ControlOverlay | null = null;

  /** Nodes on the highlighted service's routes get a class (and lose it when it changes). */
  private markRoute(model: WorkingCopy, view: ViewOptions, nodes: ArchNode[]): ArchNode[] {
    const routes = view.highlightService ? this.state?.control?.services[view.highlightService] : undefined;
    const names = new Set([...(routes?.nodes ?? []), ...(routes?.vnfs ?? [])]);
    const service = view.highlightService;
    return nodes.map((n) => {
      let on = false;
      if (service && n.type !== 'summary') {
        const e = n.data.entity;
        on = e.kind === 'service' ? e.name === service : (e.kind === 'edgeServer' || e.kind === 'networkNode' || e.kind === 'vnf') && names.has(e.name);
      }
      const want = on ? 'arch-route-node' : undefined;
      return n.className === want ? n : { ...n, className: want };
    });
  }

  private computeStorage(model: WorkingCopy): ReadonlyMap<string, StorageUse> | null {
    if (!model.placement) return null;
    const serviceImage = new Map<string, string | null>();
    const capacity = new Map<string, number>();
    for (const e of model.entities.values()) {
      if (e.kind === 'service') serviceImage.set(e.id, e.imageId);
      if (e.kind === 'edgeServer') capacity.set(e.id, e.storageBytes);
    }
    return computeStorageUse({
      placement: model.placement.relations,
      serviceImage,
      images: this.state?.images ?? [],
      layerSizes: this.state?.layerSizes ?? {},
      cachedLayers: this.state?.cachedLayers ?? {},
      capacity,
    });
  }

  /** `positionsOnly`: only where nodes sit changed, so storage use stands (it is not recomputed). */
  private setModel(model: WorkingCopy, extra: Partial<EditorState> = {}, positionsOnly = false) {
    // The model a layout has already shown: nothing to derive again.
    if (model === this.state.model && !extra.view) {
      if (Object.keys(extra).length) this.set(extra);
      return;
    }
    this.set({ model, ...extra, ...this.derive(model, extra.view ?? this.state.view, !positionsOnly ? 'everything' : extra.view ? 'view' : 'positions') });
  }

  setView(patch: Partial<ViewOptions>) {
    const view = { ...this.state.view, ...patch };
    this.set({ view, ...this.derive(this.state.model, view, 'view') });
  }

  // ------------------------------------------------------------------ React Flow changes

  onNodesChange = (changes: NodeChange<ArchNode>[]) => {
    const locked = this.state.locked;
    const allowed = locked ? changes.filter((c) => c.type !== 'position' && c.type !== 'remove') : changes.filter((c) => c.type !== 'remove');
    if (!allowed.length) return;
    // A drop lands on whole flow units, as it is saved (moveIntent rounds): otherwise the node
    // shifted by a fraction once the save came back, and everything drawn from its place (the
    // edge canvas: all 2,000 edges) was drawn again for it.
    const landed = allowed.map((c) =>
      c.type === 'position' && c.dragging === false && c.position ? { ...c, position: { x: Math.round(c.position.x), y: Math.round(c.position.y) } } : c,
    );
    const nodes = applyNodeChanges(landed, this.state.nodes);
    const patch: Partial<EditorState> = { nodes };
    if (allowed.some((c) => c.type === 'select')) patch.selected = this.collectSelection(nodes, this.state.edges);
    // The drag's state is what its last position change says (React Flow sends `dragging: true`
    // at every step and `dragging: false` at the drop).
    let dragging = this.state.dragging;
    for (const c of landed) if (c.type === 'position' && c.dragging !== undefined) dragging = c.dragging;
    if (dragging !== this.state.dragging) patch.dragging = dragging;
    this.set(patch);
  };

  onEdgesChange = (changes: EdgeChange<ArchEdge>[]) => {
    const allowed = changes.filter((c) => c.type !== 'remove');
    if (!allowed.length) return;
    const edges = applyEdgeChanges(allowed, this.state.edges);
    const patch: Partial<EditorState> = { edges };
    if (allowed.some((c) => c.type === 'select')) patch.selected = this.collectSelection(this.state.nodes, edges);
    this.set(patch);
  };

  private collectSelection(nodes: readonly ArchNode[], edges: readonly ArchEdge[]): string[] {
    const out: string[] = [];
    for (const n of nodes) if (n.selected) out.push(n.id);
    for (const e of edges) if (e.selected) out.push(e.id);
    const prev = this.state.selected;
    return prev.length === out.length && prev.every((id, i) => id === out[i]) ? (prev as string[]) : out;
  }

  select(ids: readonly string[]) {
    const want = new Set(ids);
    const nodes = this.state.nodes.map((n) => (!!n.selected === want.has(n.id) ? n : { ...n, selected: want.has(n.id) }));
    const edges = this.state.edges.map((e) => (!!e.selected === want.has(e.id) ? e : { ...e, selected: want.has(e.id) }));
    this.set({ nodes, edges, selected: this.collectSelection(nodes, edges) });
  }

  selectAll() {
    this.select(this.state.nodes.filter((n) => !n.hidden).map((n) => n.id));
  }

  // ------------------------------------------------------------------ saving

  private async send(edit: Edit): Promise<SaveResult> {
    try {
      const result = await this.backend.applyEdit(this.state.scenarioId, edit);
      if (!result.ok) {
        if (result.conflict) this.set({ conflict: (result.errors._form ?? Object.values(result.errors).flat()).join(' ') });
        else if (result.errors._form) this.set({ notice: { tone: 'error', text: result.errors._form.join(' ') } });
      }
      return result;
    } catch {
      const text = 'The server could not be reached; the change was not saved.';
      this.set({ notice: { tone: 'error', text } });
      return { ok: false, conflict: false, errors: { _form: [text] } };
    }
  }

  /** Runs an intent now (in queue order); returns its opposite, or the refusal. */
  private async perform(intent: Intent): Promise<{ ok: true; opposite: Intent; outcome: EditOutcome } | { ok: false; result: SaveResult | null }> {
    const model = this.state.model;
    switch (intent.type) {
      case 'create': {
        const result = await this.send(intent.edit);
        if (!result.ok) return { ok: false, result };
        this.setModel(applyOutcome(this.state.model, result.outcome));
        return { ok: true, outcome: result.outcome, opposite: { type: 'deleteOf', label: intent.label, ids: flowIdsOf(intent.edit) } };
      }
      case 'deleteOf': {
        const plan = planDelete(model, intent.ids);
        if (isEmptyPlan(plan)) {
          this.set({ conflict: 'What this would delete is no longer there; someone may have deleted it already. Reload to see the current state.' });
          return { ok: false, result: null };
        }
        const result = await this.send(plan.edit);
        if (!result.ok) return { ok: false, result };
        this.setModel(applyOutcome(this.state.model, result.outcome));
        return { ok: true, outcome: result.outcome, opposite: { type: 'restore', label: intent.label, bundle: result.outcome.bundle! } };
      }
      case 'restore': {
        const result = await this.send({ type: 'restore', bundle: intent.bundle });
        if (!result.ok) return { ok: false, result };
        this.setModel(applyOutcome(this.state.model, result.outcome));
        return { ok: true, outcome: result.outcome, opposite: { type: 'deleteOf', label: intent.label, ids: flowIdsOf(intent.bundle) } };
      }
      case 'update': {
        const t = intent.target;
        let edit: Edit;
        if (t.type === 'entity') {
          const e = model.entities.get(nodeId(t.kind, t.id));
          if (!e) return this.gone();
          edit = { type: 'update', kind: t.kind, id: t.id, version: e.version, changes: intent.changes };
        } else if (t.type === 'link') {
          const l = model.links.get(t.id);
          if (!l) return this.gone();
          edit = { type: 'updateLink', id: t.id, version: l.version, changes: intent.changes };
        } else {
          const d = model.dependencies.get(dependencyEdgeId(t));
          if (!d) return this.gone();
          edit = { type: 'updateDependency', fromId: t.fromId, toId: t.toId, version: d.version, changes: intent.changes };
        }
        const result = await this.send(edit);
        if (!result.ok) return { ok: false, result };
        this.setModel(applyOutcome(this.state.model, result.outcome));
        return { ok: true, outcome: result.outcome, opposite: { ...intent, changes: intent.before, before: intent.changes } };
      }
      case 'move': {
        // A drag's positions are on the canvas already; the model follows a frame later, so that
        // deriving the graph again is not part of the frame that ends the drag (it made that frame
        // the longest of a drag). Rows deleted meanwhile are not brought back.
        await this.runtime.nextFrame();
        await this.showPositionsGradually(intent.positions);
        const result = await this.send({ type: 'move', positions: intent.positions });
        if (!result.ok) return { ok: false, result };
        return { ok: true, outcome: result.outcome, opposite: { ...intent, positions: intent.before, before: intent.positions } };
      }
    }
  }

  private gone(): { ok: false; result: null } {
    this.set({ conflict: 'What you are editing was deleted; your change was not saved. Reload to see the current state.' });
    return { ok: false, result: null };
  }

  /** An edit is "saving" from when it is asked for, not only while it is sent: a drag's move
   * waits for a frame, and for its re-gridded nodes to be shown, before it is sent. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.set({ saving: this.state.saving + 1 });
    const run = this.queue.then(task, task).finally(() => this.set({ saving: this.state.saving - 1 }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A new edit: run it, and remember its opposite for undo. */
  commit(intent: Intent): Promise<SaveResult | null> {
    if (this.refusedWhileLocked('edit')) return Promise.resolve(null);
    return this.enqueue(async () => {
      const done = await this.perform(intent);
      if (!done.ok) return done.result;
      this.set({ undo: [...this.state.undo, done.opposite].slice(-200), redo: [], fieldErrors: {} });
      return { ok: true as const, outcome: done.outcome };
    });
  }

  /** Resolves once every edit asked for so far has been saved or refused (a layout or a drag
   * shows its positions first and saves them after). */
  whenSaved(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Resolves once the undo has run (or was refused); the keyboard does not wait for it. */
  undoLast(): Promise<void> {
    if (this.state.locked) return Promise.resolve();
    return this.enqueue(async () => {
      const intent = this.state.undo.at(-1);
      if (!intent) return;
      const done = await this.perform(intent);
      if (!done.ok) return;
      this.set({ undo: this.state.undo.slice(0, -1), redo: [...this.state.redo, done.opposite], notice: { tone: 'info', text: `Undone: ${intent.label}` } });
    });
  }

  redoLast(): Promise<void> {
    if (this.state.locked) return Promise.resolve();
    return this.enqueue(async () => {
      const intent = this.state.redo.at(-1);
      if (!intent) return;
      const done = await this.perform(intent);
      if (!done.ok) return;
      this.set({ redo: this.state.redo.slice(0, -1), undo: [...this.state.undo, done.opposite], notice: { tone: 'info', text: `Redone: ${intent.label}` } });
    });
  }

  /** After a conflict: the scenario as saved now. The history stays; it re-reads versions. */
  async reload() {
    const result = await this.backend.load(this.state.scenarioId);
    if (!result.ok) {
      this.set({ notice: { tone: 'error', text: (result.errors._form ?? ['Could not reload.']).join(' ') } });
      return;
    }
    const s = result.snapshot;
    this.state = { ...this.state, images: s.images, layerSizes: s.layerSizes, cachedLayers: s.cachedLayers };
    this.setModel(workingCopyFromSnapshot(s), { conflict: null, notice: { tone: 'info', text: 'Reloaded: this is the scenario as saved now.' }, fieldErrors: {} });
  }

  /** When the canvas is locked, says so (the user tried to `what`) and answers true. */
  private refusedWhileLocked(what: string): boolean {
    if (!this.state.locked) return false;
    const text = this.state.readOnly
      ? `You are viewing this architecture; editing it needs the Planner role, so you cannot ${what} here.`
      : `The canvas is locked; unlock it to ${what}.`;
    this.set({ notice: { tone: 'info', text } });
    return true;
  }

  // ------------------------------------------------------------------ edits the UI asks for

  /** Shows positions without saving them: moveNodes makes them an edit afterwards. */
  previewPositions(moved: readonly { id: string; position: { x: number; y: number } }[]) {
    const at = new Map(moved.map((m) => [m.id, m.position]));
    const nodes = this.state.nodes.map((n) => {
      const p = at.get(n.id);
      return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
    });
    this.set({ nodes });
  }

  moveNodes(moved: readonly { id: string; position: { x: number; y: number } }[]) {
    // The aggregated view's positions are its own grid, not the saved drawing: not saved.
    if (this.state.aggregated) return;
    const intent = this.moveIntent(moved);
    if (intent) void this.commit(intent);
  }

  /** Like moveNodes, but shows the new positions a chunk of nodes a frame (LAYOUT_CHUNK): moving
   * all 1,000 in one frame re-renders and repaints the whole graph in one long freeze. Still one
   * save and one undo step, made once every position is shown. */
  private async moveNodesGradually(positions: ReadonlyMap<string, XY>) {
    const intent = this.moveIntent([...positions].map(([id, position]) => ({ id, position })));
    if (!intent || this.state.locked) return;
    await this.showPositionsGradually(intent.positions);
    // The save (and its "Saving…") in a frame of its own: after the last chunk and the model's
    // derivation, it made the longest frame of a layout.
    await this.runtime.nextFrame();
    // The model already has these positions, so applying them again rebuilds no node. Like any
    // move, the positions stay shown if the save fails; only a refusal (locked meanwhile) undoes them.
    void this.commit(intent).then((result) => {
      if (result === null) void this.showPositionsGradually(intent.before);
    });
  }

  /**
   * The model with these positions, and the graph drawn from it. When that moves more nodes than
   * a frame can redraw (a layout; its undo; a drag that re-grids the band's nodes without a saved
   * position below the one now placed), the moved nodes are swapped in a chunk per frame first,
   * and the model and bands follow at the end (changing them per chunk would rebuild every node
   * each time: the bands move them all).
   */
  private async showPositionsGradually(positions: readonly Position[]) {
    // Many positions (a layout's): what produced them (reading ELK's answer, the intent) had a
    // frame of its own; with the derivation it made one long task.
    if (positions.length > LAYOUT_CHUNK.first) await this.runtime.nextFrame();
    const start = this.state.model;
    const view = this.state.view;
    const model = withPositions(start, positions);
    if (model === start) return;
    const derived = this.derive(model, view, 'positions');
    const shown = new Map(this.state.nodes.map((n) => [n.id, n]));
    const moved = derived.nodes.filter((n) => shown.get(n.id) !== n);
    // A node rebuilt where it already is (a gridded node a drag keeps in place) redraws no edge.
    const edgeCost = this.chunkCost();
    const stays = new Set(moved.filter((n) => shown.get(n.id)?.position.x === n.position.x && shown.get(n.id)?.position.y === n.position.y).map((n) => n.id));
    const cost = (id: string) => (stays.has(id) ? 1 : edgeCost(id));
    const units = moved.reduce((sum, n) => sum + cost(n.id), 0);
    if (units <= LAYOUT_CHUNK.firstUnits || derived.nodes.length !== shown.size || moved.some((n) => !shown.has(n.id))) {
      // Drawn in a task after the derivation's: at a drop (the first on a page runs this code
      // cold) both in one task were 60 ms of CPU, and 142-173 ms of wall time with a GC's marking
      // (full benchmark runs, 2026-12-04).
      await this.runtime.nextFrame();
      if (this.state.model === start && this.state.view === view) this.set({ model, ...derived });
      else this.setModel(withPositions(this.state.model, positions), {}, true);
      return;
    }
    // Deriving the target is a frame's work of its own.
    await this.runtime.nextFrame();
    await this.swapNodesGradually(moved, cost, moved.length - stays.size > LAYOUT_CHUNK.first);
    // The minimap's redraw (settled) and what reads the model (the toolbar's counts, the search's
    // names, the view panel) in frames of their own.
    await this.runtime.nextFrame();
    if (this.state.model === start && this.state.view === view) {
      // Every node is drawn as derived already (with what React Flow learnt meanwhile: sizes,
      // selection), and positions do not change edges.
      this.set({ model, ...derived, nodes: this.state.nodes, edges: this.state.edges });
    } else {
      // A save or a view change landed meanwhile: the graph is derived again from what is now.
      this.setModel(withPositions(this.state.model, positions), {}, true);
    }
  }

  /** What swapping a node in costs a frame, in LAYOUT_CHUNK's units: 1, plus 1 per edge drawn at it. */
  private chunkCost(): (id: string) => number {
    const degree = new Map<string, number>();
    for (const e of this.state.edges) {
      if (e.hidden) continue;
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    return (id) => 1 + (degree.get(id) ?? 0);
  }

  /** Replaces drawn nodes by these (same ids) a chunk per frame, the chunk sized in units (see
   * LAYOUT_CHUNK) so that a frame takes about LAYOUT_FRAME_MS. A node being dragged meanwhile is
   * left to its drag. The minimap keeps its drawing until the last chunk (`settling`). `moving`:
   * many of them change place, and the edges are hidden meanwhile; hiding and showing them again
   * (a style recalculation of every edge path) each have a frame of their own. */
  private async swapNodesGradually(next: readonly ArchNode[], cost: (id: string) => number, moving: boolean) {
    const target = new Map(next.map((n) => [n.id, n]));
    let budget = LAYOUT_CHUNK.firstUnits;
    let quickest = Infinity;
    this.set({ settling: true, moving });
    try {
      if (moving) await this.runtime.nextFrame();
      for (let i = 0; i < next.length;) {
        const started = performance.now();
        const ids = new Set<string>();
        // At least one node a frame, however many edges it has.
        for (let units = 0; i < next.length && ids.size < LAYOUT_CHUNK.maxNodes && (ids.size === 0 || units + cost(next[i].id) <= budget); i++) {
          ids.add(next[i].id);
          units += cost(next[i].id);
        }
        const nodes = this.state.nodes.map((n) => {
          const swapped = ids.has(n.id) && !n.dragging ? target.get(n.id) : undefined;
          return swapped ? { ...swapped, selected: n.selected, measured: n.measured } : n;
        });
        this.set({ nodes });
        await this.runtime.nextFrame();
        // Half as big again at most after a quick frame; in proportion after a slow one. The aim
        // is LAYOUT_FRAME_MS, or more where even the quickest frame so far (a frame's fixed cost
        // on this machine at its present load) comes near it: chunks cut below what that fixed
        // cost allows only add frames (at a load of 9-10 on 2 cores, a layout of 1,000 nodes sized
        // for 60 ms alone took 90 s in frames of 117-233 ms that a larger chunk would not lengthen much).
        const took = Math.max(performance.now() - started, 1);
        quickest = Math.min(quickest, took);
        const aim = Math.max(LAYOUT_FRAME_MS, LAYOUT_FIXED_SHARE * quickest);
        budget = Math.min(LAYOUT_CHUNK.maxUnits, Math.max(LAYOUT_CHUNK.minUnits, budget * Math.min(1.5, aim / took)));
        // Then the idle tasks posted meanwhile, outside the measured frame: Blink sweeps its heap
        // in idle tasks, and chunks back to back left it none, so that a sweep due since a major GC
        // (V8's memory reducer collects while ELK runs and the page is quiet) was finished in one
        // piece when the next GC began: 508 and 695 ms of CPU in one chunk frame of two traced
        // layouts (load 8-12).
        await this.runtime.idle?.();
      }
    } finally {
      if (moving) {
        this.set({ moving: false });
        await this.runtime.nextFrame();
      }
      this.set({ settling: false });
    }
  }

  private moveIntent(moved: readonly { id: string; position: { x: number; y: number } }[]): Extract<Intent, { type: 'move' }> | null {
    const positions: Position[] = [];
    const before: Position[] = [];
    for (const m of moved) {
      const ref = parseNodeId(m.id);
      const e = ref && this.state.model.entities.get(m.id);
      if (!ref || !e) continue;
      const bandPos = this.state.bands.positions[m.id];
      const x = Math.round(m.position.x);
      const y = Math.round(m.position.y);
      if (bandPos && bandPos.x === x && bandPos.y === y && e.posX === x && e.posY === y) continue;
      positions.push({ kind: ref.kind, id: ref.id, x, y });
      before.push({ kind: ref.kind, id: ref.id, x: e.posX ?? bandPos?.x ?? 0, y: e.posY ?? bandPos?.y ?? 0 });
    }
    if (!positions.length) return null;
    const label = positions.length === 1 ? 'move' : `move ${positions.length} nodes`;
    // Gridded nodes that the move would shift are saved where they are drawn (see keepGridInPlace).
    if (!this.state.aggregated)
      for (const k of keepGridInPlace(scopeOf(this.state.model, this.state.view).scoped, positions, this.heightOf(this.state.nodes))) {
        positions.push(k);
        before.push(k);
      }
    return { type: 'move', label, positions, before };
  }

  requestDelete(ids: readonly string[] = this.state.selected) {
    if (this.refusedWhileLocked('delete')) return;
    const plan = planDelete(this.state.model, ids);
    const attachments = ids.map(parseEdgeId).filter((e) => e?.kind === 'attachment');
    if (isEmptyPlan(plan) && attachments.length) {
      for (const a of attachments) void this.detachRegistry(a.registryId);
      return;
    }
    if (isEmptyPlan(plan)) {
      if (ids.some((id) => parseEdgeId(id)?.kind === 'hosting'))
        this.set({ notice: { tone: 'info', text: 'A hosting edge cannot be deleted: connect the VNF or controller to another edge server instead.' } });
      else if (ids.some((id) => parseEdgeId(id)?.kind === 'placement'))
        this.set({ notice: { tone: 'info', text: 'Placement edges come from the applied placement run; change the placement on the Placement page.' } });
      return;
    }
    this.set({ deleteRequest: plan });
  }

  cancelDelete() {
    this.set({ deleteRequest: null });
  }

  async confirmDelete() {
    const plan = this.state.deleteRequest;
    if (!plan) return;
    this.set({ deleteRequest: null });
    const ids = flowIdsOf(plan);
    const n = plan.edit.entities.length + plan.edit.links.length + plan.edit.dependencies.length + plan.edit.manages.length;
    await this.commit({ type: 'deleteOf', label: n === 1 ? 'delete' : `delete ${n} items`, ids });
  }

  /** Opens a group of the aggregated view (its subgroups or members are drawn in its place). */
  expandGroup(key: string) {
    if (this.state.view.expanded.has(key)) return;
    this.setView({ expanded: new Set([...this.state.view.expanded, key]) });
  }

  collapseGroup(key: string) {
    if (!this.state.view.expanded.has(key)) return;
    const expanded = new Set(this.state.view.expanded);
    expanded.delete(key);
    this.setView({ expanded });
  }

  /** Highlights the routes of one service (null: none). */
  highlightService(service: string | null) {
    this.setView({ highlightService: service });
  }

  setScope(scope: ViewOptions['scope']) {
    this.setView({ scope, expanded: new Set() });
  }

  setViewport(viewport: Viewport) {
    const v = this.state.viewport;
    if (v && v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return;
    this.set({ viewport });
  }

  setLocked(locked: boolean) {
    if (this.state.readOnly) {
      this.set({ notice: { tone: 'info', text: 'You are viewing this architecture: editing it needs the Planner role.' } });
      return;
    }
    this.set({ locked, notice: { tone: 'info', text: locked ? 'Canvas locked: nothing can be moved or edited until you unlock it.' : 'Canvas unlocked.' } });
  }

  setNotice(notice: Notice) {
    this.set({ notice });
  }

  setExporting(exporting: boolean) {
    this.set({ exporting });
  }

  setFieldErrors(fieldErrors: Record<string, string[]>) {
    this.set({ fieldErrors });
  }

  setLayout(layout: EditorState['layout']) {
    this.set({ layout });
  }

  clampIntoBand(kind: EntityKind, p: { x: number; y: number }) {
    const rect = this.state.bands.bands.find((b) => b.band === BAND_OF[kind]);
    return rect ? clampIntoBand(rect, p) : p;
  }

  // ------------------------------------------------------------------ commands of the canvas and its chrome

  /** Whether a connection being drawn may be made, and what it would become. */
  judgeConnection(c: DrawnConnection): ConnectionVerdict {
    const s = c.source ? parseNodeId(c.source) : null;
    const t = c.target ? parseNodeId(c.target) : null;
    if (!s || !t) return { ok: false, reason: 'Connect two nodes.' };
    return classifyConnection(s, t, c.sourceHandle === 'host' ? 'host' : 'edge', this.existingRelations());
  }

  private existingRelations(): ExistingRelations {
    const m = this.state.model;
    return {
      hasDependency: (fromId, toId) => m.dependencies.has(dependencyEdgeId({ fromId, toId })),
      hasManages: (controllerId, targetKind, targetId) => m.manages.has(managesEdgeId({ controllerId, targetKind, targetId })),
    };
  }

  /** Makes the edit a judged connection stands for, or says why there is none. */
  connect(verdict: ConnectionVerdict): Promise<SaveResult | null> {
    if (!verdict.ok) {
      this.setNotice({ tone: 'error', text: `Not connected: ${verdict.reason}` });
      return Promise.resolve(null);
    }
    switch (verdict.edgeKind) {
      case 'link':
        return this.createRelations('add link', { links: [this.newLink(verdict.a, verdict.b)] });
      case 'dependency':
        return this.createRelations('add dependency', { dependencies: [{ fromId: verdict.fromId, toId: verdict.toId, trafficMbps: 10 }] });
      case 'manages':
        return this.createRelations('add manages', { manages: [{ controllerId: verdict.controllerId, targetKind: verdict.targetKind, targetId: verdict.targetId }] });
      case 'hosting':
        return this.moveToHost(verdict.hosted, verdict.edgeServerId);
      case 'attachment':
        return this.attachRegistry(verdict.registryId, verdict.target);
    }
  }

  /** A registry connected to a network node or an edge server sits there (and nowhere else). */
  private attachRegistry(registryId: string, target: LinkEnd | null): Promise<SaveResult | null> {
    const registry = this.state.model.entities.get(nodeId('registry', registryId));
    if (registry?.kind !== 'registry') return Promise.resolve(null);
    const changes = { networkNodeId: target?.kind === 'networkNode' ? target.id : null, edgeServerId: target?.kind === 'edgeServer' ? target.id : null };
    if (changes.networkNodeId === registry.networkNodeId && changes.edgeServerId === registry.edgeServerId) return Promise.resolve(null);
    return this.commit({
      type: 'update',
      label: target ? 'attach registry' : 'detach registry',
      target: { type: 'entity', kind: 'registry', id: registryId },
      changes,
      before: { networkNodeId: registry.networkNodeId, edgeServerId: registry.edgeServerId },
    });
  }

  /** Deleting a registry's attachment edge leaves the registry in place, attached to nothing. */
  detachRegistry(registryId: string): Promise<SaveResult | null> {
    if (this.refusedWhileLocked('detach')) return Promise.resolve(null);
    return this.attachRegistry(registryId, null);
  }

  private createRelations(label: string, relations: Partial<Pick<CreateEdit, 'links' | 'dependencies' | 'manages'>>) {
    return this.commit({ type: 'create', label, edit: { type: 'create', entities: [], links: [], dependencies: [], manages: [], ...relations } });
  }

  /** A link of the default kind, named after its ends (`a--b`, then `a--b-2`…). */
  private newLink(a: LinkEnd, b: LinkEnd): CreateEdit['links'][number] {
    const model = this.state.model;
    const nameOf = (end: LinkEnd, fallback: string) => model.entities.get(nodeId(end.kind, end.id))?.name ?? fallback;
    const name = uniqueName(model, 'link', `${nameOf(a, 'a')}--${nameOf(b, 'b')}`);
    return { id: crypto.randomUUID(), name, medium: 'ethernet', bandwidthMbps: 1000, latencyMs: 1, lossPercent: 0, a, b };
  }

  /** A VNF or controller connected by its host handle to another edge server runs there. */
  private moveToHost(ref: { kind: 'vnf' | 'controller'; id: string }, edgeServerId: string): Promise<SaveResult | null> {
    const hosted = this.state.model.entities.get(nodeId(ref.kind, ref.id));
    if (!hosted || (hosted.kind !== 'vnf' && hosted.kind !== 'controller') || hosted.hostServerId === edgeServerId) return Promise.resolve(null);
    return this.commit({
      type: 'update',
      label: 'change host',
      target: { type: 'entity', kind: hosted.kind, id: hosted.id },
      changes: { hostServerId: edgeServerId },
      before: { hostServerId: hosted.hostServerId },
    });
  }

  /** A new entity of the palette at a canvas position (`checkBand`: refused outside its band),
   * hosted on the selected edge server if it needs a host; selected once saved. */
  async addEntityAt(kind: EntityKind, position: XY, checkBand = true): Promise<SaveResult | null> {
    if (this.refusedWhileLocked('add')) return null;
    const state = this.state;
    const band = BAND_OF[kind];
    if (checkBand && bandAt(state.bands.bands, position.y) !== band) {
      this.setNotice({ tone: 'error', text: `${ENTITY_KIND_LABELS[kind]} belongs in the ${LAYERS[band].toLowerCase()} band: drop it there.` });
      return null;
    }
    const selectedServer = state.selected.map(parseNodeId).find((r) => r?.kind === 'edgeServer')?.id ?? null;
    const entity = newEntity(state.model, kind, crypto.randomUUID(), this.clampIntoBand(kind, { x: position.x - 100, y: position.y - 30 }), selectedServer);
    if (!entity) {
      this.setNotice({ tone: 'error', text: `Add an edge server first: a ${ENTITY_KIND_LABELS[kind].toLowerCase()} runs on one.` });
      return null;
    }
    const result = await this.commit({
      type: 'create',
      label: `add ${ENTITY_KIND_LABELS[kind].toLowerCase()}`,
      edit: { type: 'create', entities: [entity], links: [], dependencies: [], manages: [] },
    });
    if (result?.ok) this.select([nodeId(kind, entity.id)]);
    return result;
  }

  private clipboard: { clip: Clipboard; pastes: number } | null = null;

  /** Remembers the selected nodes, with the relations among them, for paste. */
  copy() {
    const clip = copySelection(this.state.model, this.state.selected);
    if (!clip.entities.length) return;
    this.clipboard = { clip, pastes: 0 };
    this.setNotice({ tone: 'info', text: `Copied ${clip.entities.length} ${clip.entities.length === 1 ? 'node' : 'nodes'}.` });
  }

  hasClipboard(): boolean {
    return this.clipboard !== null;
  }

  /** A copy of what was copied, offset further at each paste; selected once saved. */
  async paste(): Promise<SaveResult | null> {
    if (!this.clipboard) return null;
    const shift = 40 * ++this.clipboard.pastes;
    const pasted = pasteEdit(
      this.state.model,
      this.clipboard.clip,
      () => crypto.randomUUID(),
      { x: shift, y: shift },
      (kind, p) => this.clampIntoBand(kind, p),
    );
    if (!pasted) return null;
    const result = await this.commit({ type: 'create', label: `paste ${pasted.edit.entities.length}`, edit: pasted.edit });
    if (result?.ok) this.select(pasted.ids);
    return result;
  }

  /** Selects the entity named like the query (an exact name first) and answers its flow id. */
  find(query: string): string | null {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const all = [...this.state.model.entities.entries()];
    const hit = all.find(([, e]) => e.name.toLowerCase() === q) ?? all.find(([, e]) => e.name.toLowerCase().includes(q));
    if (!hit) {
      this.setNotice({ tone: 'error', text: `Nothing is named like “${query}”.` });
      return null;
    }
    const [id, entity] = hit;
    if (this.state.nodes.find((n) => n.id === id)?.hidden) this.setNotice({ tone: 'info', text: `${entity.name} is hidden by a filter or a collapsed site.` });
    this.select([id]);
    return id;
  }

  /** Lays the whole graph out with ELK, off the main thread; saved as one move. */
  async runAutoLayout() {
    if (this.refusedWhileLocked('lay it out')) return;
    this.setLayout({ status: 'running', ms: null });
    const started = performance.now();
    try {
      const { children } = await this.runtime.runLayout(buildElkGraph(this.state.model));
      const positions = positionsFromElk(this.state.model, children, { groupBySite: this.state.view.groupBySite });
      await this.moveNodesGradually(positions);
      const ms = Math.round(performance.now() - started);
      this.setLayout({ status: 'done', ms });
      this.setNotice({ tone: 'info', text: `Laid out ${positions.size} nodes in ${(ms / 1000).toFixed(1)} s.` });
    } catch (error) {
      this.setLayout({ status: 'error', ms: null });
      this.setNotice({ tone: 'error', text: `Auto layout failed: ${(error as Error).message}` });
    }
  }

  /** Nodes with coordinates placed by a map projection in their bands; saved as one move. */
  async runGeographicLayout() {
    if (this.refusedWhileLocked('lay it out')) return;
    const { positions, mapped } = geographicLayout(this.state.model);
    if (!mapped) {
      this.setNotice({
        tone: 'info',
        text: 'No node has coordinates: give sites or network nodes a latitude and longitude (the inspector, or a Topology Zoo or site CSV import).',
      });
      return;
    }
    await this.moveNodesGradually(positions);
    this.setNotice({ tone: 'info', text: `Placed ${mapped} nodes by their latitude and longitude (north up); the others keep their band.` });
  }

  /** Only the nodes without a position, next to their neighbours; nothing else moves. */
  async runPlaceNewNodes() {
    const positions = placeNewNodes(this.state.model);
    await this.moveNodesGradually(positions);
    this.setNotice({ tone: 'info', text: `Placed ${positions.size} new ${positions.size === 1 ? 'node' : 'nodes'} next to what they connect to; nothing else moved.` });
  }
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore outside the architecture editor');
  return store;
}

/** Subscribes to one slice; the component re-renders only when that slice changes identity. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
