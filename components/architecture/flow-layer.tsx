'use client';

// React Flow's EdgeLabelRenderer and ViewportPortal find their layer with a store selector that
// runs a querySelector over the canvas on every store update: every step of a pan, a drag or a
// layout, once per edge label. Measured, those queries were the largest single cost of a pan step
// in the editor after React Flow's own. The layers do not move: here each is found once per canvas.

import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const domNodeOf = (s: ReactFlowState) => s.domNode;

function FlowLayer({ layer, children }: { layer: string; children: ReactNode }) {
  const domNode = useStore(domNodeOf);
  const target = useMemo(() => domNode?.querySelector(`.${layer}`) ?? null, [domNode, layer]);
  return target ? createPortal(children, target) : null;
}

/** Children drawn above the edges, in screen-sized HTML (edge labels). */
export function EdgeLabelLayer({ children }: { children: ReactNode }) {
  return <FlowLayer layer="react-flow__edgelabel-renderer">{children}</FlowLayer>;
}

/** Children drawn in flow coordinates: they pan and zoom with the graph. */
export function ViewportLayer({ children }: { children: ReactNode }) {
  return <FlowLayer layer="react-flow__viewport-portal">{children}</FlowLayer>;
}
