'use client';

// React Flow as its documentation's first example uses it: default nodes and edges in
// useNodesState/useEdgesState. `npm run bench:architecture` compares the editor with this page.

import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

export function BareFlow({ nodes: initialNodes, edges: initialEdges }: { nodes: Node[]; edges: Edge[] }) {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div className="h-[calc(100vh-9.5rem)] min-h-[560px] rounded-lg border border-slate-200 bg-white" data-testid="bare-canvas">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.02} />
    </div>
  );
}
