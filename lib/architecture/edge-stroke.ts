// How each kind of edge is stroked, in one place: the SVG edges React Flow draws and the canvas
// that draws them far out (see split-drawn-edges) must look the same, or zooming across the
// threshold would change every line.

import { utilisationColour } from './control-overlay';
import type { ArchEdge } from './flow-graph';
import type { EdgeKind } from './snapshot';

export const EDGE_STYLES: Record<EdgeKind, { stroke: string; strokeWidth: number; strokeDasharray?: string; marker: boolean }> = {
  link: { stroke: '#0369a1', strokeWidth: 2.5, marker: false },
  hosting: { stroke: '#b45309', strokeWidth: 1.5, strokeDasharray: '2 4', marker: true },
  manages: { stroke: '#7c3aed', strokeWidth: 1.2, strokeDasharray: '8 4', marker: true },
  dependency: { stroke: '#047857', strokeWidth: 1.8, marker: true },
  placement: { stroke: '#dc2626', strokeWidth: 2, strokeDasharray: '1 3', marker: true },
  attachment: { stroke: '#0f766e', strokeWidth: 1.5, strokeDasharray: '6 3', marker: true },
};

export type EdgeStroke = {
  /** A CSS colour: the kind's, or a routed link's utilisation colour. */
  colour: string;
  /** In flow units (it scales with the zoom, as an SVG stroke does). */
  width: number;
  /** 0.25 off a highlighted service's routes, 1 otherwise. */
  alpha: number;
};

/** The colour, width and opacity an edge is drawn with (dashes and arrowheads aside). */
export function edgeStroke(edge: Pick<ArchEdge, 'data' | 'selected'>): EdgeStroke {
  const data = edge.data;
  const style = EDGE_STYLES[data?.kind ?? 'link'];
  const load = data?.load;
  const loaded = !!load && load.loadMbps > 0;
  return {
    colour: load ? utilisationColour(load.utilisationPct) : style.stroke,
    width: (loaded ? style.strokeWidth + 1.5 : style.strokeWidth) + (edge.selected || data?.onRoute ? 1.5 : 0),
    alpha: data?.onRoute === false ? 0.25 : 1,
  };
}
