'use client';

// React Flow as its documentation's first example uses it: default nodes and edges in
// useNodesState/useEdgesState. `npm run bench:architecture` compares the editor with this page.
// Its auto layout is the documentation's ELK example: the same ELK input and worker as the
// editor's, and every position applied at once.

import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useState } from 'react';
import type { ElkGraph } from '@/lib/architecture/auto-layout';
import { runElkLayout } from './run-layout';

export function BareFlow({ nodes: initialNodes, edges: initialEdges, elk }: { nodes: Node[]; edges: Edge[]; elk: ElkGraph }) {
  const [nodes, setNodes, onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  const [status, setStatus] = useState<'idle' | 'running' | 'done'>('idle');
  const layout = async () => {
    setStatus('running');
    const { children } = await runElkLayout(elk);
    const at = new Map(children.map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
    setNodes((current) => current.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })));
    setStatus('done');
  };
  return (
    <div className="relative h-[calc(100vh-9.5rem)] min-h-[560px] rounded-lg border border-slate-200 bg-white" data-testid="bare-canvas">
      <button
        type="button"
        className="absolute z-10 m-2 rounded border bg-white px-2 py-1 text-sm"
        onClick={() => void layout()}
        disabled={status === 'running'}
        data-layout-status={status}
      >
        Auto layout
      </button>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.02} />
    </div>
  );
}
