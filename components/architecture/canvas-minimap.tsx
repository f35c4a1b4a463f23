'use client';

// The canvas's minimap. Why not React Flow's <MiniMap>: it draws each node as its own component
// with its own store selector, so with 1,000 nodes every store update (each step of a pan, a drag
// or a layout) ran 1,000 more selectors (measured: a pan step's script time went from 40–80 ms to
// 10–30 ms without it, on a loaded 2-core machine, in Chromium's long-animation-frame entries).
// This one draws the nodes as one path per colour, rebuilt when the editor's nodes change,
// and reads only the viewport from React Flow's store. Dragging on it pans; the wheel zooms.

import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import type { ArchNode } from '@/lib/architecture/flow-graph';
import { useEditor } from './editor-store';
import { MINIMAP_COLOURS } from './node-types';

const WIDTH = 200;
const HEIGHT = 150;
const OFFSET = 5;
const FALLBACK = '#94a3b8';

type Rect = { x: number; y: number; width: number; height: number };

/** One path per colour, and the box around every drawn node. */
function drawNodes(nodes: readonly ArchNode[]): { paths: [string, string][]; bounds: Rect | null } {
  const byColour = new Map<string, string[]>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    if (n.hidden) continue;
    const w = n.measured?.width ?? n.width;
    const h = n.measured?.height ?? n.height;
    if (!w || !h) continue;
    const { x, y } = n.position;
    const colour = MINIMAP_COLOURS[n.type ?? ''] ?? FALLBACK;
    let parts = byColour.get(colour);
    if (!parts) byColour.set(colour, (parts = []));
    parts.push(`M${Math.round(x)} ${Math.round(y)}h${Math.round(w)}v${Math.round(h)}h${-Math.round(w)}z`);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  }
  return {
    paths: [...byColour].map(([colour, parts]) => [colour, parts.join('')]),
    bounds: minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
  };
}

const viewportOf = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/** The nodes, redrawn only when the editor's nodes change (not when the view moves). */
const MinimapNodes = memo(function MinimapNodes({ paths }: { paths: [string, string][] }) {
  return (
    <>
      {paths.map(([colour, d]) => (
        <path key={colour} d={d} fill={colour} shapeRendering="crispEdges" />
      ))}
    </>
  );
});

/**
 * The editor's nodes, except that while a node is dragged they stay as they were when the drag
 * began: each drag step hands the store 1,000 nodes anew, and redrawing the minimap for it (every
 * node's subpath rebuilt, then Chromium's layout and paint of the new paths) cost each step about
 * 3-5 ms of the main thread; a node moved a few pixels is not seen in a 200 px minimap anyway.
 * The drag's end (React Flow's last position change, `dragging: false`) redraws it. Likewise
 * while a layout or a re-grid swaps its nodes in a chunk per frame (`settling`): redrawn once,
 * when the last chunk is in, not in each of its 100-200 frames.
 */
function useSettledNodes(): readonly ArchNode[] {
  const settled = useRef<readonly ArchNode[] | null>(null);
  return useEditor((s) => {
    if (!settled.current || (!s.settling && !s.dragging)) settled.current = s.nodes;
    return settled.current;
  });
}

export function CanvasMiniMap() {
  const nodes = useSettledNodes();
  const { paths, bounds } = useMemo(() => drawNodes(nodes), [nodes]);
  const view = useStore(viewportOf, sameViewport);
  const { setViewport, getViewport, zoomTo } = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);

  // What the canvas shows, in flow coordinates; the minimap spans it and every node.
  const shown: Rect = { x: -view.x / view.zoom, y: -view.y / view.zoom, width: view.width / view.zoom, height: view.height / view.zoom };
  const box = bounds
    ? {
        x: Math.min(bounds.x, shown.x),
        y: Math.min(bounds.y, shown.y),
        width: Math.max(bounds.x + bounds.width, shown.x + shown.width) - Math.min(bounds.x, shown.x),
        height: Math.max(bounds.y + bounds.height, shown.y + shown.height) - Math.min(bounds.y, shown.y),
      }
    : shown;
  const scale = Math.max(box.width / WIDTH, box.height / HEIGHT) || 1;
  const viewWidth = scale * WIDTH;
  const viewHeight = scale * HEIGHT;
  const offset = OFFSET * scale;
  const x = box.x - (viewWidth - box.width) / 2 - offset;
  const y = box.y - (viewHeight - box.height) / 2 - offset;
  const width = viewWidth + offset * 2;
  const height = viewHeight + offset * 2;
  // Drag on the minimap: the view follows the pointer (one minimap pixel is `width / WIDTH` flow units).
  const drag = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag.current) return;
    const v = getViewport();
    const k = (width / WIDTH) * v.zoom;
    void setViewport({ x: v.x - (e.clientX - drag.current.x) * k, y: v.y - (e.clientY - drag.current.y) * k, zoom: v.zoom });
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  // The wheel zooms about the middle of the canvas (a listener of its own: React's is passive).
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      void zoomTo(getViewport().zoom * Math.pow(2, -e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [getViewport, zoomTo]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap" style={{ width: WIDTH, height: HEIGHT }}>
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label="Minimap"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        style={{ cursor: 'grab' }}
      >
        <MinimapNodes paths={paths} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${shown.x},${shown.y}h${shown.width}v${shown.height}h${-shown.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
