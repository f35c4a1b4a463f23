'use client';

import {
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type FinalConnectionState,
  type IsValidConnection,
  type OnConnectEnd,
  type OnMove,
  type OnNodeDrag,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useState, type DragEvent, type MouseEvent } from 'react';
import { findEdgeAt } from '@/lib/architecture/edge-path';
import type { ArchEdge, ArchNode } from '@/lib/architecture/flow-graph';
import { splitDrawnEdges } from '@/lib/architecture/split-drawn-edges';
import { ENTITY_KINDS, type EntityKind } from '@/lib/architecture/snapshot';
import { LAYERS } from '@/lib/vocabulary/kinds-and-labels';
import { EDGE_TYPES, EdgeMarkers } from './edge-types';
import { useEditor, useEditorStore } from './editor-store';
import { NODE_TYPES } from './node-types';
import { FlowLayers, ViewportLayer } from './flow-layer';
import { CanvasMiniMap } from './canvas-minimap';
import { EdgeCanvas, endsOf } from './edge-canvas';
import { useHandedOver } from './use-handed-over';
import './architecture-canvas.css';

export const PALETTE_MIME = 'application/x-edgestack-kind';

const BAND_FILL: Record<string, string> = {
  control: 'rgba(124, 58, 237, 0.06)',
  service: 'rgba(5, 150, 105, 0.06)',
  network: 'rgba(2, 132, 199, 0.06)',
  physical: 'rgba(217, 119, 6, 0.07)',
};
const BAND_TEXT: Record<string, string> = { control: '#6d28d9', service: '#047857', network: '#0369a1', physical: '#b45309' };

/** The four labelled bands, drawn in flow coordinates so they pan and zoom with the graph. */
const Bands = memo(function Bands() {
  const bands = useEditor((s) => s.bands);
  const width = bands.maxX - bands.minX;
  return (
    <ViewportLayer>
      {bands.bands.map((b) => (
        <div
          key={b.band}
          data-testid={`band-${b.band}`}
          data-band-top={b.top}
          data-band-height={b.height}
          style={{
            position: 'absolute',
            transform: `translate(${bands.minX}px, ${b.top}px)`,
            width,
            height: b.height,
            background: BAND_FILL[b.band],
            borderTop: '1px solid rgba(100,116,139,0.35)',
            pointerEvents: 'none',
            zIndex: -2,
          }}
        >
          {/* Not `position: sticky`: inside React Flow's transformed viewport it never stuck (the
              label panned away with its band), and with it Chromium composited the labels and
              then, for overlap, the bands and many nodes and edges painted over them: 44
              compositor layers against the bare page's 5, re-layerized on every changed frame. */}
          <div
            style={{
              padding: '6px 12px',
              fontSize: 18,
              fontWeight: 700,
              letterSpacing: '0.08em',
              textTransform: 'uppercase',
              color: BAND_TEXT[b.band],
            }}
          >
            {LAYERS[b.band]} layer
          </div>
        </div>
      ))}
    </ViewportLayer>
  );
});

/** Below this zoom node text is a few pixels tall: the canvas drops what cannot be read. */
const FAR_ZOOM = 0.3;

/** Far out, or not fitted yet (a large graph is fitted far out: its edges are not given to React
 * Flow first, only to be taken back a frame later). */
const isFar = (s: ReactFlowState) => s.fitViewQueued || s.transform[2] < FAR_ZOOM;

/** The nodes being dragged, as a key that changes only when a drag starts or ends. */
const draggedKey = (nodes: readonly ArchNode[]) => {
  let key = '';
  for (const n of nodes) if (n.dragging) key += `${n.id} `;
  return key;
};

/** How near a click must be to a line on the edge canvas to select it, in screen pixels. */
const CLICK_TOLERANCE = 6;

/** Marks the canvas `arch-far` when zoomed out (a class on the root: no node re-renders). */
function ZoomDetail() {
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  const api = useStoreApi();
  useEffect(() => {
    api.getState().domNode?.classList.toggle('arch-far', far);
  }, [api, far]);
  return null;
}

/** Marks the canvas `arch-moving` while a layout's nodes move in, a chunk per frame (see the CSS). */
function MovingDetail() {
  const moving = useEditor((s) => s.moving);
  const api = useStoreApi();
  useEffect(() => {
    api.getState().domNode?.classList.toggle('arch-moving', moving);
  }, [api, moving]);
  return null;
}

/**
 * While the pane is dragged (a pan), its pointer is captured by the pane. Without a capture every
 * mousemove is hit-tested through the whole graph (1,000 nodes, 2,000 edge paths and their
 * interaction strokes) to find what is under the pointer, although a pan only needs the pane:
 * measured in the 1,000-node scenario, 11–22 ms of each pan step's 33–53 ms of main-thread CPU.
 * A captured pointer's events go to the pane without a hit test (and hover styles stay put).
 * Captured at the pan's first move, not at its pointerdown: a click (no move) keeps its own
 * target, so a click on an edge still selects it.
 */
function CapturePanPointer() {
  const api = useStoreApi();
  const domNode = useStore((s) => s.domNode);
  useEffect(() => {
    if (!domNode) return;
    const onPointerMove = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse' || !(e.buttons & 1) || !api.getState().paneDragging) return;
      const pane = domNode.querySelector('.react-flow__pane');
      if (pane && !pane.hasPointerCapture(e.pointerId)) pane.setPointerCapture(e.pointerId);
    };
    domNode.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
    return () => domNode.removeEventListener('pointermove', onPointerMove, { capture: true });
  }, [api, domNode]);
  return null;
}

/** After the first interaction (or a few seconds): drawing 1,000 more shapes while the graph is
 * still being measured and painted for the first time held up the first drag. */
const MINIMAP_DELAY_MS = 3000;

function DeferredMiniMap() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    const show = () => setShown(true);
    const timer = window.setTimeout(show, MINIMAP_DELAY_MS);
    const events = ['pointerup', 'wheel', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, show, { once: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, show);
    };
  }, [shown]);
  return shown ? <CanvasMiniMap /> : null;
}

// Props of <ReactFlow> that are objects or arrays live here, not inline: React Flow copies a prop
// into its store whenever its identity changes, and an inline `{ padding }` is new at every render
// (every drag step), which ran every node's and edge's store selectors a second time per step.
const FIT_VIEW_OPTIONS = { padding: 0.05 };
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];

/** Zoomed in this far on a summary node, the aggregated view opens it (semantic zoom). */
const SEMANTIC_ZOOM = 1;

export function ArchitectureCanvas() {
  const store = useEditorStore();
  const api = useStoreApi<ArchNode, ArchEdge>();
  // Read once: a shared link's viewport replaces the initial fit.
  const [initialViewport] = useState(() => store.getState().viewport);
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const locked = useEditor((s) => s.locked);
  const moving = useEditor((s) => s.moving);
  const exporting = useEditor((s) => s.exporting);
  // The aggregated view is read by its merged links' labels (counts, summed capacity): its edges
  // stay React Flow's at any zoom.
  const aggregated = useEditor((s) => s.aggregated !== null);
  const far = useStore(isFar) && !exporting && !aggregated;
  const handedOver = useHandedOver(far, edges.length);
  const dragged = useEditor((s) => draggedKey(s.nodes));
  const drawn = useMemo(
    () => splitDrawnEdges(edges, far, new Set(dragged.split(' ').filter(Boolean)), exporting ? Infinity : handedOver),
    [edges, far, dragged, exporting, handedOver],
  );
  const { screenToFlowPosition } = useReactFlow();

  const isValidConnection: IsValidConnection<ArchEdge> = useCallback((c) => store.judgeConnection(c as Connection).ok, [store]);
  const onConnect = useCallback((c: Connection) => void store.connect(store.judgeConnection(c)), [store]);
  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, state: FinalConnectionState) => {
      // Dropped on a node that the rules refuse: say why (a valid drop goes through onConnect).
      if (state.isValid === false && state.fromNode && state.toNode && state.fromNode.id !== state.toNode.id) {
        const verdict = store.judgeConnection({ source: state.fromNode.id, target: state.toNode.id, sourceHandle: state.fromHandle?.id });
        if (!verdict.ok) store.setNotice({ tone: 'error', text: `Not connected: ${verdict.reason}` });
      }
    },
    [store],
  );
  const onNodeDragStop: OnNodeDrag<ArchNode> = useCallback((_e, _node, dragged) => store.moveNodes(dragged), [store]);
  const onMoveEnd: OnMove = useCallback(
    (_event, viewport) => {
      store.setViewport(viewport);
      if (viewport.zoom < SEMANTIC_ZOOM || !store.getState().aggregated) return;
      // The summary under the middle of the canvas opens.
      const { width, height } = api.getState();
      const cx = (width / 2 - viewport.x) / viewport.zoom;
      const cy = (height / 2 - viewport.y) / viewport.zoom;
      const hit = store.getState().nodes.find((n) => {
        if (n.type !== 'summary') return false;
        const w = n.measured?.width ?? 200;
        const h = n.measured?.height ?? 84;
        return cx >= n.position.x && cx <= n.position.x + w && cy >= n.position.y && cy <= n.position.y + h;
      });
      if (hit && hit.type === 'summary') store.expandGroup(hit.data.group.key);
    },
    [store, api],
  );
  // A click on a line of the edge canvas selects its edge (React Flow then draws it itself).
  const onPaneClick = useCallback(
    (event: MouseEvent) => {
      if (!drawn.canvas.length) return;
      const { nodeLookup, connectionMode, transform } = api.getState();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const hit = findEdgeAt(drawn.canvas, (e) => endsOf(e, nodeLookup, connectionMode), at.x, at.y, CLICK_TOLERANCE / transform[2]);
      if (hit) store.select([hit.id]);
    },
    [api, drawn.canvas, screenToFlowPosition, store],
  );
  const onNodeDoubleClick = useCallback(
    (_e: MouseEvent, node: ArchNode) => {
      if (node.type === 'summary') store.expandGroup(node.data.group.key);
    },
    [store],
  );
  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as EntityKind;
      if (!ENTITY_KINDS.includes(kind)) return;
      e.preventDefault();
      void store.addEntityAt(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [store, screenToFlowPosition],
  );

  return (
    <FlowLayers>
      <ReactFlow<ArchNode, ArchEdge>
        nodes={nodes}
        edges={drawn.svg}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={store.onNodesChange}
        onEdgesChange={store.onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStop={onNodeDragStop}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onMoveEnd={onMoveEnd}
        onPaneClick={onPaneClick}
        onNodeDoubleClick={onNodeDoubleClick}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        fitView={!initialViewport}
        defaultViewport={initialViewport ?? undefined}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.02}
        maxZoom={2.5}
        elevateNodesOnSelect={false}
        aria-label="Architecture graph"
      >
        <Bands />
        <EdgeCanvas edges={drawn.canvas} paused={moving} />
        <ZoomDetail />
        <MovingDetail />
        <CapturePanPointer />
        <EdgeMarkers />
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        <DeferredMiniMap />
      </ReactFlow>
    </FlowLayers>
  );
}
