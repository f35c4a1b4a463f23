// The benchmark's baseline: the same graph as the editor draws, as React Flow's default nodes
// and edges (a label each, no custom types, no bands, no derived state). Pure.

import type { Edge, Node } from '@xyflow/react';
import { buildElkGraph, type ElkGraph } from './auto-layout';
import { workingCopyFromSnapshot } from './working-copy';
import { layoutBands } from './bands';
import { buildEdges, DEFAULT_VIEW } from './flow-graph';
import { nodeId } from './flow-ids';
import type { ArchitectureSnapshot } from './snapshot';

/** `elk`: the auto layout's ELK input, the same as the editor's. */
export type BareGraph = { nodes: Node<{ label: string }>[]; edges: Edge[]; elk: ElkGraph };

export function buildBareGraph(snapshot: ArchitectureSnapshot): BareGraph {
  const model = workingCopyFromSnapshot(snapshot);
  const { positions } = layoutBands(snapshot.entities);
  const nodes = snapshot.entities.map((e) => {
    const id = nodeId(e.kind, e.id);
    return { id, position: positions[id], data: { label: e.name } };
  });
  const edges = buildEdges(model, DEFAULT_VIEW).map((e) => ({ id: e.id, source: e.source, target: e.target }));
  return { nodes, edges, elk: buildElkGraph(model) };
}
