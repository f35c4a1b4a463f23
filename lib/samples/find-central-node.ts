import { singleSource } from 'graphology-shortest-path/dijkstra';
import { buildNetworkGraph, describePath, nodeKey } from '@/lib/control/build-network-graph';
import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';

type Topology = Pick<ScenarioDocumentInput, 'edgeServers' | 'networkNodes' | 'links'>;

/**
 * The network node whose worst path latency to the other network nodes is lowest (the
 * topology's centre; ties by name): where a sample puts its registry, so that no PoP is far from
 * it. Null when there are no network nodes.
 */
export function findCentralNode(topology: Topology): string | null {
  const nodes = topology.networkNodes ?? [];
  const network = buildNetworkGraph({
    edgeServers: (topology.edgeServers ?? []).map((s) => ({ name: s.name, site: null })),
    networkNodes: nodes.map((n) => ({ name: n.name, kind: 'switch' as const, sdnManaged: false, site: null })),
    links: (topology.links ?? []).map((l) => ({ name: l.name, a: l.a, b: l.b, bandwidthMbps: l.bandwidthMbps, latencyMs: l.latencyMs, lossPct: 0 })),
  });
  let best: { name: string; worst: number } | null = null;
  for (const name of nodes.map((n) => n.name).sort()) {
    const paths = singleSource(network.graph, nodeKey(name), 'latencyMs');
    let worst = 0;
    for (const other of nodes) {
      const path = paths[nodeKey(other.name)];
      worst = Math.max(worst, path ? describePath(network.graph, path).latencyMs : Infinity);
    }
    if (!best || worst < best.worst) best = { name, worst };
  }
  return best?.name ?? null;
}
