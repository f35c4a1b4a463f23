'use client';

// React Flow's EdgeLabelRenderer and ViewportPortal find their layer with a store selector that
// runs a querySelector over the canvas on every store update: every step of a pan, a drag or a
// layout, once per edge label. Measured, those queries were the largest single cost of a pan step
// in the editor after React Flow's own. The layers do not move: FlowLayers finds each once per
// canvas and hands them down by context, so that a label (the 1,000-node scenario draws about
// 500) does not subscribe to React Flow's store at all: a store selector per label still ran on
// every store update, a layout chunk's included.

import { useStore, type ReactFlowState } from '@xyflow/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

type Layers = { edgeLabels: Element | null; viewport: Element | null };

const FlowLayersContext = createContext<Layers>({ edgeLabels: null, viewport: null });

const domNodeOf = (s: ReactFlowState) => s.domNode;

/** Around <ReactFlow> (inside its provider): finds the canvas's label and viewport layers once. */
export function FlowLayers({ children }: { children: ReactNode }) {
  const domNode = useStore(domNodeOf);
  const layers = useMemo(
    () => ({
      edgeLabels: domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null,
      viewport: domNode?.querySelector('.react-flow__viewport-portal') ?? null,
    }),
    [domNode],
  );
  return <FlowLayersContext.Provider value={layers}>{children}</FlowLayersContext.Provider>;
}

/** Children drawn above the edges, in screen-sized HTML (edge labels). */
export function EdgeLabelLayer({ children }: { children: ReactNode }) {
  const target = useContext(FlowLayersContext).edgeLabels;
  return target ? createPortal(children, target) : null;
}

/** Children drawn in flow coordinates: they pan and zoom with the graph. */
export function ViewportLayer({ children }: { children: ReactNode }) {
  const target = useContext(FlowLayersContext).viewport;
  return target ? createPortal(children, target) : null;
}
