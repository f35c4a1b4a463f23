// An edge's path between its two handle points, and how far a point is from it: the SVG edges,
// the far-out canvas (which strokes the same path strings) and the canvas's click test share it.

import { getBezierPath, getStraightPath, type Position } from '@xyflow/system';
import type { EdgeKind } from './snapshot';

export type EdgeEnds = { sourceX: number; sourceY: number; targetX: number; targetY: number; sourcePosition: Position; targetPosition: Position };

/** The SVG path of an edge of this kind (links straight, relations curved) and its label point. */
export function edgePath(kind: EdgeKind, ends: EdgeEnds): [path: string, labelX: number, labelY: number] {
  const [path, labelX, labelY] = kind === 'link' ? getStraightPath(ends) : getBezierPath(ends);
  return [path, labelX, labelY];
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
/** Points along a curve for the distance test: at canvas zoom a segment is a few pixels long. */
const CURVE_STEPS = 24;

/**
 * The distance from (x, y) to an edge's path, in the path's units. The path is what edgePath
 * gives: `M` and `L` (a straight line) or `M` and one `C` (a cubic curve, measured along a
 * polyline of CURVE_STEPS segments). Anything else is Infinity: no edge is hit by mistake.
 */
export function distanceToPath(path: string, x: number, y: number): number {
  const n = (path.match(NUMBER) ?? []).map(Number);
  if (n.length === 4) return distanceToSegment(x, y, n[0], n[1], n[2], n[3]);
  if (n.length !== 8) return Infinity;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = n;
  let best = Infinity;
  let px = x0;
  let py = y0;
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const t = i / CURVE_STEPS;
    const u = 1 - t;
    const qx = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
    const qy = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
    best = Math.min(best, distanceToSegment(x, y, px, py, qx, qy));
    px = qx;
    py = qy;
  }
  return best;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The edge nearest (x, y) within `tolerance` (path units), or null. `endsOf` answers an edge's
 * handle points, or null when it is not drawn (an end not measured yet). For a click: every edge
 * is measured (2,000 in a few milliseconds). */
export function findEdgeAt<E extends { data?: { kind: EdgeKind } }>(edges: readonly E[], endsOf: (edge: E) => EdgeEnds | null, x: number, y: number, tolerance: number): E | null {
  let best: E | null = null;
  let bestDistance = tolerance;
  for (const e of edges) {
    const ends = endsOf(e);
    if (!ends) continue;
    const d = distanceToPath(edgePath(e.data?.kind ?? 'link', ends)[0], x, y);
    if (d <= bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}
