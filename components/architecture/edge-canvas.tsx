'use client';

// Far out, the edges React Flow does not draw (see splitDrawnEdges) are strokes on one canvas in
// flow coordinates: it pans with the graph for free, and it is painted again only when the edges
// it holds change, when a node at one of their ends moves, or when the zoom changes its resolution.

import { useStoreApi, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { getEdgePosition, type ConnectionMode } from '@xyflow/system';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { edgePath, type EdgeEnds } from '@/lib/architecture/edge-path';
import { edgeStroke } from '@/lib/architecture/edge-stroke';
import type { ArchEdge, ArchNode } from '@/lib/architecture/flow-graph';
import { ViewportLayer } from './flow-layer';

/** Backing-store limits: a few megapixels is plenty for lines a pixel or less wide, and painting
 * 16 million (the limit at first) took 70-100 ms of a zoom frame near the threshold. */
const MAX_SIDE = 4096;
const MAX_PIXELS = 4_000_000;
/** Room around the edges' ends for the curves' bulge (flow units). */
const MARGIN = 400;

type Lookup = ReactFlowState<ArchNode, ArchEdge>['nodeLookup'];

/** An edge's handle points as React Flow computes them for its own edges, or null (not measured). */
export function endsOf(edge: ArchEdge, nodeLookup: Lookup, connectionMode: ConnectionMode): EdgeEnds | null {
  const sourceNode = nodeLookup.get(edge.source);
  const targetNode = nodeLookup.get(edge.target);
  if (!sourceNode || !targetNode) return null;
  return getEdgePosition({
    id: edge.id,
    sourceNode,
    targetNode,
    sourceHandle: edge.sourceHandle ?? null,
    targetHandle: edge.targetHandle ?? null,
    connectionMode,
  });
}

/** What an edge's end point depends on: the node's place and size and its handles' bounds. React
 * Flow replaces a node's internal object whenever the node object changes (a save, a selection),
 * mostly without moving it: compared by identity, each of those repainted all 2,000 edges. */
type EndPlace = { x: number; y: number; width: number | undefined; height: number | undefined; handles: unknown };

function placeOf(node: InternalNode<ArchNode> | undefined): EndPlace | null {
  if (!node) return null;
  const { positionAbsolute, handleBounds } = node.internals;
  return { x: positionAbsolute.x, y: positionAbsolute.y, width: node.measured.width, height: node.measured.height, handles: handleBounds };
}

/** Compared field by field, without making a place: it runs for every end at every store update. */
function isAt(node: InternalNode<ArchNode> | undefined, place: EndPlace | null): boolean {
  if (!node || !place) return !node && !place;
  const { positionAbsolute, handleBounds } = node.internals;
  return (
    positionAbsolute.x === place.x &&
    positionAbsolute.y === place.y &&
    node.measured.width === place.width &&
    node.measured.height === place.height &&
    handleBounds === place.handles
  );
}

type Geometry = {
  groups: { colour: string; width: number; alpha: number; path: Path2D }[];
  left: number;
  top: number;
  width: number;
  height: number;
  count: number;
  /** Where each end was when drawn (null: not in React Flow yet). */
  ends: Map<string, EndPlace | null>;
};

function measure(edges: readonly ArchEdge[], nodeLookup: Lookup, connectionMode: ConnectionMode): Geometry {
  const strokes = new Map<string, { colour: string; width: number; alpha: number; parts: string[] }>();
  const ends = new Map<string, EndPlace | null>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let count = 0;
  for (const e of edges) {
    const at = endsOf(e, nodeLookup, connectionMode);
    if (!ends.has(e.source)) ends.set(e.source, placeOf(nodeLookup.get(e.source)));
    if (!ends.has(e.target)) ends.set(e.target, placeOf(nodeLookup.get(e.target)));
    if (!at) continue;
    const stroke = edgeStroke(e);
    const key = `${stroke.colour} ${stroke.width} ${stroke.alpha}`;
    let group = strokes.get(key);
    if (!group) strokes.set(key, (group = { ...stroke, parts: [] }));
    group.parts.push(edgePath(e.data?.kind ?? 'link', at)[0]);
    minX = Math.min(minX, at.sourceX, at.targetX);
    minY = Math.min(minY, at.sourceY, at.targetY);
    maxX = Math.max(maxX, at.sourceX, at.targetX);
    maxY = Math.max(maxY, at.sourceY, at.targetY);
    count++;
  }
  const groups = [...strokes.values()].map(({ parts, ...stroke }) => ({ ...stroke, path: new Path2D(parts.join(' ')) }));
  if (!count) return { groups, left: 0, top: 0, width: 0, height: 0, count, ends };
  return { groups, left: minX - MARGIN, top: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN, count, ends };
}

/** Whether a node at an end of a drawn edge has moved, been resized or re-measured since the drawing. */
function endsMoved(geometry: Geometry, nodeLookup: Lookup): boolean {
  for (const [id, place] of geometry.ends) if (!isAt(nodeLookup.get(id), place)) return true;
  return false;
}

/** Canvas pixels per flow unit: the zoom's, within the backing-store limits. */
function scaleOf(geometry: Geometry, zoom: number): number {
  const { width, height } = geometry;
  return width && height ? Math.min(zoom * window.devicePixelRatio, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height))) : 0;
}

function stroke(context: CanvasRenderingContext2D, geometry: Geometry, groups: Geometry['groups'], scale: number) {
  context.setTransform(scale, 0, 0, scale, -geometry.left * scale, -geometry.top * scale);
  context.lineCap = 'round';
  for (const g of groups) {
    context.strokeStyle = g.colour;
    context.lineWidth = g.width;
    context.globalAlpha = g.alpha;
    context.stroke(g.path);
  }
}

function paint(canvas: HTMLCanvasElement, geometry: Geometry, zoom: number) {
  const { width, height } = geometry;
  const scale = scaleOf(geometry, zoom);
  const pixelWidth = Math.max(1, Math.round(width * scale));
  const pixelHeight = Math.max(1, Math.round(height * scale));
  // Setting a size clears the canvas (and reallocates it): only when it changes.
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  canvas.style.transform = `translate(${geometry.left}px, ${geometry.top}px)`;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.dataset.drawnEdges = String(geometry.count);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  stroke(context, geometry, geometry.groups, scale);
}

/** What the canvas shows: these edges, measured so, at this zoom. */
type Drawn = { edges: ReadonlySet<ArchEdge>; geometry: Geometry; zoom: number };

/**
 * When `edges` are the drawn ones plus some (a drop gives back the dragged node's edges), nothing
 * drawn moved and the zoom is the same, strokes the added ones over the drawing and answers true:
 * repainting all 2,000 was 33 ms of the drop's frame. A removal cannot be painted over.
 */
function addOnto(canvas: HTMLCanvasElement, drawn: Drawn, edges: readonly ArchEdge[], state: ReactFlowState<ArchNode, ArchEdge>): boolean {
  const { nodeLookup, connectionMode, transform } = state;
  if (transform[2] !== drawn.zoom || endsMoved(drawn.geometry, nodeLookup)) return false;
  const next = new Set(edges);
  for (const e of drawn.edges) if (!next.has(e)) return false;
  const added = edges.filter((e) => !drawn.edges.has(e));
  const extra = measure(added, nodeLookup, connectionMode);
  const base = drawn.geometry;
  const inside = extra.left >= base.left && extra.top >= base.top && extra.left + extra.width <= base.left + base.width && extra.top + extra.height <= base.top + base.height;
  const context = canvas.getContext('2d');
  if (extra.count && (!inside || !context)) return false;
  if (context && extra.count) stroke(context, base, extra.groups, scaleOf(base, drawn.zoom));
  base.groups.push(...extra.groups);
  for (const [id, node] of extra.ends) base.ends.set(id, node);
  base.count += extra.count;
  canvas.dataset.drawnEdges = String(base.count);
  drawn.edges = next;
  return true;
}

/**
 * The canvas itself. `edges`: what it draws (none: nothing is in the page). `paused`: a layout's
 * nodes are moving in, and the edges are hidden meanwhile; it paints once they have arrived.
 */
export const EdgeCanvas = memo(function EdgeCanvas({ edges, paused }: { edges: ArchEdge[]; paused: boolean }) {
  const api = useStoreApi<ArchNode, ArchEdge>();
  // A state, not a ref: the canvas is in the page only once React Flow's viewport layer is.
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);

  const drawn = useRef<Drawn | null>(null);

  // Before the browser paints: the edges that React Flow stops drawing are on the canvas in the
  // same frame (a drag's first step, the zoom that crosses FAR_ZOOM).
  useLayoutEffect(() => {
    if (!canvas || paused || !edges.length) {
      drawn.current = null;
      return;
    }
    let frame = 0;
    const repaint = (remeasure: boolean) => {
      const { nodeLookup, connectionMode, transform } = api.getState();
      const geometry = remeasure || !drawn.current ? measure(edges, nodeLookup, connectionMode) : drawn.current.geometry;
      paint(canvas, geometry, transform[2]);
      drawn.current = { edges: new Set(edges), geometry, zoom: transform[2] };
    };
    const state = api.getState();
    if (!drawn.current || !addOnto(canvas, drawn.current, edges, state)) repaint(true);
    // Checked at every store update (every step of a drag or a pan): a lookup per end, no drawing
    // unless one of them moved or the zoom changed.
    const unsubscribe = api.subscribe((next) => {
      const d = drawn.current;
      if (frame || !d) return;
      const moved = endsMoved(d.geometry, next.nodeLookup);
      if (moved || next.transform[2] !== d.zoom)
        frame = requestAnimationFrame(() => {
          frame = 0;
          repaint(moved || endsMoved(d.geometry, api.getState().nodeLookup));
        });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [api, canvas, edges, paused]);

  if (!edges.length) return null;
  return (
    <ViewportLayer>
      <canvas
        ref={setCanvas}
        className="arch-edge-canvas"
        data-testid="edge-canvas"
        aria-hidden="true"
        style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none', zIndex: -1, transformOrigin: '0 0', visibility: paused ? 'hidden' : undefined }}
      />
    </ViewportLayer>
  );
});
