// Far out, React Flow draws only the edges someone is working with; the rest are strokes on one
// canvas. Each edge React Flow draws is an <svg> of its own and a store subscriber: in the
// 1,000-node scenario its 2,000 edges were, at every step of a drag, about 17 of its 43 ms of
// main-thread work (their layout, and layerizing 2,000 paint chunks), and every edge's position
// was computed again at every store update. On a canvas they are painted once and left alone
// until something they touch moves.

import type { ArchEdge } from './flow-graph';

export type DrawnEdges = { svg: ArchEdge[]; canvas: ArchEdge[] };

/** Fewer edges than this are all React Flow's at any zoom: they cost little, and the aggregated
 * view's few edges carry the labels it is read by (counts and summed capacity). */
export const CANVAS_FROM_EDGES = 500;

/**
 * Which edges React Flow draws and which the canvas does. With fewer than CANVAS_FROM_EDGES, or
 * near (`far` false) once every edge is handed over, React Flow draws them all (the same array,
 * so nothing is re-adopted). Far, React Flow keeps the selected edges, a highlighted service's
 * route (animated) and the edges of the nodes being dragged (they move at every step; the canvas
 * would repaint everything for them). `handedOver`: near, how many of the other edges React Flow
 * has been given so far (they are handed over a chunk per frame after the zoom crosses, since
 * mounting 2,000 edges at once was a 540 ms frame); the rest stay on the canvas meanwhile. Hidden
 * edges are drawn by neither.
 */
export function splitDrawnEdges(edges: ArchEdge[], far: boolean, dragging: ReadonlySet<string>, handedOver = Infinity): DrawnEdges {
  if (edges.length < CANVAS_FROM_EDGES || (!far && handedOver >= edges.length)) return { svg: edges, canvas: [] };
  const limit = far ? 0 : handedOver;
  const svg: ArchEdge[] = [];
  const canvas: ArchEdge[] = [];
  let plain = 0;
  for (const e of edges) {
    if (e.selected || e.animated || dragging.has(e.source) || dragging.has(e.target)) svg.push(e);
    else if (e.hidden) continue;
    else if (plain++ < limit) svg.push(e);
    else canvas.push(e);
  }
  return { svg, canvas };
}
