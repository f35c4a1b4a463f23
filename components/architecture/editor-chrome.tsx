'use client';

// Everything around the canvas: toolbar (undo/redo, lock, layout, fit, group, export, search),
// filters, palette, legend, save status, conflict banner and the delete confirmation.

import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { memo, useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { buildElkGraph, positionsFromElk } from '@/lib/architecture/auto-layout';
import { coordinatesOf, geographicLayout } from '@/lib/architecture/geographic-layout';
import { placeNewNodes } from '@/lib/architecture/place-new-nodes';
import { nodeId } from '@/lib/architecture/flow-ids';
import { EDGE_KIND_LABELS, EDGE_KINDS, ENTITY_KIND_LABELS, type EdgeKind, type EntityKind } from '@/lib/architecture/snapshot';
import { ACCELERATORS, ARCHS, LAYERS, type LayerName } from '@/lib/vocabulary/kinds-and-labels';
import { addEntityAt, PALETTE_MIME } from './architecture-canvas';
import { EDGE_STYLES } from './edge-types';
import { useEditor, useEditorStore, type EditorStore } from './editor-store';
import { MINIMAP_COLOURS } from './node-types';
import { runElkLayout } from './run-layout';

// ------------------------------------------------------------------ toolbar

const LAYOUT_CHUNK = 200;

/** Resolves after the next frame has been painted (rAF, then a task after it). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export async function runAutoLayout(store: EditorStore) {
  const state = store.getState();
  if (state.locked) {
    store.setNotice({ tone: 'info', text: 'The canvas is locked; unlock it to lay it out.' });
    return;
  }
  store.setLayout({ status: 'running', ms: null });
  const started = performance.now();
  try {
    const { children } = await runElkLayout(buildElkGraph(state.model));
    const model = store.getState().model;
    const positions = positionsFromElk(model, children, { groupBySite: store.getState().view.groupBySite });
    const moved = [...positions].map(([id, position]) => ({ id, position }));
    await store.moveNodesGradually(moved, LAYOUT_CHUNK, nextFrame);
    const ms = Math.round(performance.now() - started);
    store.setLayout({ status: 'done', ms });
    store.setNotice({ tone: 'info', text: `Laid out ${moved.length} nodes in ${(ms / 1000).toFixed(1)} s.` });
  } catch (error) {
    store.setLayout({ status: 'error', ms: null });
    store.setNotice({ tone: 'error', text: `Auto layout failed: ${(error as Error).message}` });
  }
}

/** Nodes with coordinates placed by a map projection in their bands; saved as one edit. */
export async function runGeographicLayout(store: EditorStore) {
  if (store.getState().locked) {
    store.setNotice({ tone: 'info', text: 'The canvas is locked; unlock it to lay it out.' });
    return;
  }
  const { positions, mapped } = geographicLayout(store.getState().model);
  if (!mapped) {
    store.setNotice({ tone: 'info', text: 'No node has coordinates: give sites or network nodes a latitude and longitude (the inspector, or a Topology Zoo or site CSV import).' });
    return;
  }
  await store.moveNodesGradually(
    [...positions].map(([id, position]) => ({ id, position })),
    LAYOUT_CHUNK,
    nextFrame,
  );
  store.setNotice({ tone: 'info', text: `Placed ${mapped} nodes by their latitude and longitude (north up); the others keep their band.` });
}

/** Only the nodes without a position, next to their neighbours; nothing else moves. */
export async function runPlaceNewNodes(store: EditorStore) {
  const positions = placeNewNodes(store.getState().model);
  await store.moveNodesGradually(
    [...positions].map(([id, position]) => ({ id, position })),
    LAYOUT_CHUNK,
    nextFrame,
  );
  store.setNotice({ tone: 'info', text: `Placed ${positions.size} new ${positions.size === 1 ? 'node' : 'nodes'} next to what they connect to; nothing else moved.` });
}

function download(dataUrl: string, filename: string) {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  a.click();
}

export function useExport() {
  const { getNodes } = useReactFlow();
  const store = useEditorStore();
  return async (format: 'png' | 'svg') => {
    const nodes = getNodes().filter((n) => !n.hidden);
    const nodeBounds = getNodesBounds(nodes);
    // Room on the left and top for the band labels.
    const bounds = { x: nodeBounds.x - 160, y: nodeBounds.y - 60, width: nodeBounds.width + 180, height: nodeBounds.height + 80 };
    const width = Math.min(8000, Math.max(800, Math.round(bounds.width * 1.05)));
    const height = Math.min(8000, Math.max(600, Math.round(bounds.height * 1.05)));
    const viewport = getViewportForBounds(bounds, width, height, 0.05, 2, 0.03);
    const element = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!element) return;
    const options = {
      backgroundColor: '#ffffff',
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
    };
    const name = store.getState().scenarioName.replace(/[^\w.-]+/g, '-');
    try {
      const url = format === 'png' ? await toPng(element, options) : await toSvg(element, options);
      download(url, `${name}-architecture.${format}`);
    } catch (error) {
      store.setNotice({ tone: 'error', text: `Export failed: ${(error as Error).message}` });
    }
  };
}

function SearchBox() {
  const store = useEditorStore();
  const { fitView } = useReactFlow();
  const [query, setQuery] = useState('');
  const names = useEditor((s) => s.model.entities);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim().toLowerCase();
    if (!q) return;
    const all = [...store.getState().model.entities.entries()];
    const hit = all.find(([, en]) => en.name.toLowerCase() === q) ?? all.find(([, en]) => en.name.toLowerCase().includes(q));
    if (!hit) {
      store.setNotice({ tone: 'error', text: `Nothing is named like “${query}”.` });
      return;
    }
    const [id, entity] = hit;
    const node = store.getState().nodes.find((n) => n.id === id);
    if (node?.hidden) store.setNotice({ tone: 'info', text: `${entity.name} is hidden by a filter or a collapsed site.` });
    store.select([id]);
    void fitView({ nodes: [{ id }], duration: 400, maxZoom: 1.3 });
  };
  return (
    <form onSubmit={submit} role="search" className="flex items-center gap-1">
      <label htmlFor="arch-search" className="sr-only">
        Find a node
      </label>
      <input
        id="arch-search"
        list="arch-search-names"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Find a node… (/)"
        className="w-44 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <datalist id="arch-search-names">{names.size <= 2000 && [...names.values()].map((e) => <option key={nodeId(e.kind, e.id)} value={e.name} />)}</datalist>
      <Button type="submit">Find</Button>
    </form>
  );
}

export const Toolbar = memo(function Toolbar() {
  const store = useEditorStore();
  const canUndo = useEditor((s) => s.undo.length > 0);
  const canRedo = useEditor((s) => s.redo.length > 0);
  const undoLabel = useEditor((s) => s.undo.at(-1)?.label);
  const redoLabel = useEditor((s) => s.redo.at(-1)?.label);
  const locked = useEditor((s) => s.locked);
  const grouped = useEditor((s) => s.view.groupBySite);
  const layout = useEditor((s) => s.layout.status);
  const aggregated = useEditor((s) => s.aggregated !== null);
  const model = useEditor((s) => s.model);
  const { unplaced, placed, located } = useMemo(() => {
    let unplaced = 0;
    let located = 0;
    for (const e of model.entities.values()) {
      if (e.posX === null || e.posY === null) unplaced++;
      if (coordinatesOf(model, e)) located++;
    }
    return { unplaced, placed: model.entities.size - unplaced, located };
  }, [model]);
  const { fitView } = useReactFlow();
  const exportAs = useExport();
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2" role="toolbar" aria-label="Editor tools">
      <Button onClick={() => void store.undoLast()} disabled={!canUndo || locked} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </Button>
      <Button onClick={() => void store.redoLast()} disabled={!canRedo || locked} title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        Redo
      </Button>
      <Button onClick={() => store.setLocked(!locked)} aria-pressed={locked} variant={locked ? 'primary' : 'secondary'} title="Lock the canvas against edits (L)">
        {locked ? 'Locked' : 'Lock'}
      </Button>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <Button
        onClick={() => void runAutoLayout(store)}
        disabled={locked || layout === 'running' || aggregated}
        data-layout-status={layout}
        title={aggregated ? 'The aggregated view is laid out by group; draw a smaller scope to lay it out' : 'Lay the whole graph out (in the background)'}
      >
        {layout === 'running' ? 'Laying out…' : 'Auto layout'}
      </Button>
      {located > 0 && (
        <Button
          onClick={() => void runGeographicLayout(store)}
          disabled={locked || aggregated}
          title={`Place the ${located} nodes that have a latitude and longitude by a map projection, in their bands`}
        >
          Geographic layout
        </Button>
      )}
      {unplaced > 0 && placed > 0 && (
        <Button
          onClick={() => void runPlaceNewNodes(store)}
          disabled={locked || aggregated}
          title="Place the nodes that have no position yet next to their neighbours, moving nothing else"
        >
          Place {unplaced} new
        </Button>
      )}
      <Button onClick={() => void fitView({ padding: 0.05, duration: 300 })} title="Fit view (F)">
        Fit view
      </Button>
      <Button onClick={() => store.setView({ groupBySite: !grouped })} aria-pressed={grouped}>
        {grouped ? 'Ungroup sites' : 'Group by site'}
      </Button>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <Button onClick={() => void exportAs('png')}>Export PNG</Button>
      <Button onClick={() => void exportAs('svg')}>Export SVG</Button>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <SearchBox />
      <SaveStatus />
    </div>
  );
});

const SaveStatus = memo(function SaveStatus() {
  const saving = useEditor((s) => s.saving);
  return (
    <span className="ml-auto text-xs text-slate-500" data-testid="save-status" aria-live="polite">
      {saving ? 'Saving…' : 'All changes saved'}
    </span>
  );
});

// ------------------------------------------------------------------ filters

export const Filters = memo(function Filters() {
  const store = useEditorStore();
  const view = useEditor((s) => s.view);
  const toggleLayer = (l: LayerName) => {
    const next = new Set(view.hiddenLayers);
    if (next.has(l)) next.delete(l);
    else next.add(l);
    store.setView({ hiddenLayers: next });
  };
  const toggleEdge = (k: EdgeKind) => {
    const next = new Set(view.hiddenEdgeKinds);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    store.setView({ hiddenEdgeKinds: next });
  };
  return (
    <fieldset className="space-y-2 text-xs" aria-label="Filters">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Filters</legend>
      <div>
        <div className="font-medium text-slate-600">Layers</div>
        {(Object.keys(LAYERS) as LayerName[]).map((l) => (
          <label key={l} className="mr-2 inline-flex items-center gap-1">
            <input type="checkbox" checked={!view.hiddenLayers.has(l)} onChange={() => toggleLayer(l)} />
            {LAYERS[l]}
          </label>
        ))}
      </div>
      <div>
        <div className="font-medium text-slate-600">Edges</div>
        {EDGE_KINDS.map((k) => (
          <label key={k} className="mr-2 inline-flex items-center gap-1">
            <input type="checkbox" checked={!view.hiddenEdgeKinds.has(k)} onChange={() => toggleEdge(k)} />
            {k}
          </label>
        ))}
      </div>
      <div className="flex gap-2">
        <label className="flex flex-col">
          <span className="font-medium text-slate-600">Arch</span>
          <select
            className="rounded border border-slate-300 px-1 py-0.5"
            value={view.arch ?? ''}
            onChange={(e) => store.setView({ arch: e.target.value || null })}
            aria-label="Filter by architecture"
          >
            <option value="">any</option>
            {ARCHS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="font-medium text-slate-600">Accelerator</span>
          <select
            className="rounded border border-slate-300 px-1 py-0.5"
            value={view.accelerator ?? ''}
            onChange={(e) => store.setView({ accelerator: e.target.value || null })}
            aria-label="Filter by accelerator"
          >
            <option value="">any</option>
            {ACCELERATORS.map((a) => (
              <option key={a} value={a}>
                {a.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
});

// ------------------------------------------------------------------ palette and legend

const PALETTE: { kind: EntityKind; hint: string }[] = [
  { kind: 'controller', hint: 'control band' },
  { kind: 'service', hint: 'service band' },
  { kind: 'vnf', hint: 'network band' },
  { kind: 'networkNode', hint: 'network band' },
  { kind: 'edgeServer', hint: 'physical band' },
  { kind: 'site', hint: 'physical band' },
];

export const Palette = memo(function Palette() {
  const store = useEditorStore();
  const locked = useEditor((s) => s.locked);
  const { getViewport } = useReactFlow();
  const addInView = (kind: EntityKind) => {
    // Keyboard/click alternative to dragging: into the kind's band, at the view's centre.
    const { x, y, zoom } = getViewport();
    const el = document.querySelector('.react-flow');
    const w = el?.clientWidth ?? 800;
    addEntityAt(store, kind, store.clampIntoBand(kind, { x: (w / 2 - x) / zoom, y: (200 - y) / zoom }), false);
  };
  return (
    <div aria-label="Palette" role="group">
      <div className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Add</div>
      <ul className="space-y-1">
        {PALETTE.map(({ kind, hint }) => (
          <li key={kind}>
            <button
              type="button"
              draggable={!locked}
              disabled={locked}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addInView(kind)}
              data-testid={`palette-${kind}`}
              title={`Drag onto the ${hint}, or click to add it there`}
              className="flex w-full cursor-grab items-center gap-2 rounded border border-slate-300 bg-white px-2 py-1 text-left text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
            >
              <span className="inline-block h-3 w-3 rounded-sm" style={{ background: MINIMAP_COLOURS[kind] }} />
              {ENTITY_KIND_LABELS[kind]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});

export function Legend() {
  return (
    <div className="text-xs" aria-label="Legend" role="group">
      <div className="mb-1 font-semibold tracking-wide text-slate-500 uppercase">Legend</div>
      <ul className="space-y-0.5">
        {EDGE_KINDS.map((k) => (
          <li key={k} className="flex items-center gap-2">
            <svg width="34" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="33" y2="4" stroke={EDGE_STYLES[k].stroke} strokeWidth={EDGE_STYLES[k].strokeWidth} strokeDasharray={EDGE_STYLES[k].strokeDasharray} />
            </svg>
            {EDGE_KIND_LABELS[k]}
          </li>
        ))}
      </ul>
      <div className="mt-2 font-medium text-slate-600">Edge-server storage (applied placement)</div>
      <ul className="mt-0.5 flex flex-wrap gap-x-2">
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-emerald-600 bg-emerald-50" /> &lt;50 %
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-yellow-500 bg-yellow-50" /> 50–85 %
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-orange-500 bg-orange-100" /> ≥85 %
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border-2 border-red-600 bg-red-100" /> over
        </li>
      </ul>
      <p className="mt-2 text-slate-500">
        Drag from a node’s dot to connect; from the square <span className="font-semibold text-amber-700">host</span> handle to move a VNF or controller to another server.
      </p>
    </div>
  );
}

// ------------------------------------------------------------------ notices

export const Banners = memo(function Banners() {
  const store = useEditorStore();
  const conflict = useEditor((s) => s.conflict);
  const notice = useEditor((s) => s.notice);
  return (
    <>
      {conflict && (
        <div role="alert" data-testid="conflict" className="flex items-center gap-3 border-b border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <span className="flex-1">{conflict}</span>
          <Button variant="primary" onClick={() => void store.reload()}>
            Reload
          </Button>
        </div>
      )}
      {notice && (
        <div
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="notice"
          className={`flex items-center gap-3 border-b px-3 py-1.5 text-sm ${notice.tone === 'error' ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-slate-200 bg-slate-50 text-slate-700'}`}
        >
          <span className="flex-1">{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={() => store.setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
});

export function DeleteDialog() {
  const store = useEditorStore();
  const plan = useEditor((s) => s.deleteRequest);
  const list = (title: string, names: string[]) =>
    names.length ? (
      <div className="mb-2">
        <div className="text-sm font-medium">{title}</div>
        <ul className="ml-5 max-h-32 list-disc overflow-auto text-sm text-slate-700">
          {names.slice(0, 50).map((n, i) => (
            <li key={i}>{n}</li>
          ))}
          {names.length > 50 && <li>…and {names.length - 50} more</li>}
        </ul>
      </div>
    ) : null;
  const model = store.getState().model;
  const nameOf = (kind: EntityKind, id: string) => model.entities.get(nodeId(kind, id))?.name ?? id;
  return (
    <Dialog open={!!plan} title="Delete from the scenario?" onClose={() => store.cancelDelete()}>
      {plan && (
        <div data-testid="delete-confirmation">
          {list(
            'Deleting',
            plan.entities.map((e) => `${ENTITY_KIND_LABELS[e.kind]} ${e.name}`),
          )}
          {list(
            'Hosted on a deleted edge server, deleted with it',
            plan.hosted.map((e) => `${ENTITY_KIND_LABELS[e.kind]} ${e.name}`),
          )}
          {list(
            plan.entities.length ? 'Links that go with it' : 'Links',
            plan.links.map((l) => `${l.name} (${nameOf(l.a.kind, l.a.id)} – ${nameOf(l.b.kind, l.b.id)})`),
          )}
          {list(
            'Dependencies',
            plan.dependencies.map((d) => `${nameOf('service', d.fromId)} → ${nameOf('service', d.toId)}`),
          )}
          {list(
            '“Manages” relations',
            plan.manages.map((m) => `${nameOf('controller', m.controllerId)} manages ${nameOf(m.targetKind, m.targetId)}`),
          )}
          {list(
            'Lose their site (they stay)',
            plan.unsited.map((e) => e.name),
          )}
          {plan.placedReplicas > 0 && <p className="mb-2 text-sm">{plan.placedReplicas} placed replicas of the applied placement go too.</p>}
          <p className="mb-4 text-xs text-slate-500">Undo (Ctrl+Z) puts everything back.</p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => store.cancelDelete()}>Cancel</Button>
            <Button variant="danger" onClick={() => void store.confirmDelete()} autoFocus>
              Delete
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
