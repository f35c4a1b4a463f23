import { MultiDirectedGraph } from 'graphology';
import type { ControlInput, ControlLink } from './control-input-schema';

export type EdgeAttributes = { link: string; latencyMs: number };

/**
 * The network layer as a directed multigraph for routing. A link becomes two arcs, one per
 * direction. An edge server is split into a source node (arcs leave it) and a sink node (arcs
 * enter it), so a path can start or end at an edge server but never pass through one: a machine
 * does not forward other machines' traffic. Network nodes forward in both directions.
 */
export type NetworkGraph = {
  graph: MultiDirectedGraph<Record<string, never>, EdgeAttributes>;
  links: Map<string, ControlLink>;
  /** the two arcs of each link */
  arcs: Map<string, [string, string]>;
  edgeServers: Set<string>;
  networkNodes: Set<string>;
};

export const sourceKey = (edgeServer: string) => `o:${edgeServer}`;
export const sinkKey = (edgeServer: string) => `i:${edgeServer}`;
export const nodeKey = (networkNode: string) => `n:${networkNode}`;

/** The node name behind a graph key (both halves of an edge server give its name). */
export const nameOfKey = (key: string) => key.slice(2);

/** Only the topology is read: anything with edge servers, network nodes and links will do. */
export function buildNetworkGraph(input: Pick<ControlInput, 'edgeServers' | 'networkNodes' | 'links'>): NetworkGraph {
  const graph = new MultiDirectedGraph<Record<string, never>, EdgeAttributes>({ allowSelfLoops: false });
  for (const s of input.edgeServers) {
    graph.addNode(sourceKey(s.name));
    graph.addNode(sinkKey(s.name));
  }
  for (const n of input.networkNodes) graph.addNode(nodeKey(n.name));

  const links = new Map<string, ControlLink>();
  const arcs = new Map<string, [string, string]>();
  for (const link of input.links) {
    links.set(link.name, link);
    const out = (end: ControlLink['a']) => (end.kind === 'edgeServer' ? sourceKey(end.name) : nodeKey(end.name));
    const into = (end: ControlLink['a']) => (end.kind === 'edgeServer' ? sinkKey(end.name) : nodeKey(end.name));
    const forward = `${link.name}\u0000>`;
    const backward = `${link.name}\u0000<`;
    const attributes = { link: link.name, latencyMs: link.latencyMs };
    graph.addDirectedEdgeWithKey(forward, out(link.a), into(link.b), { ...attributes });
    graph.addDirectedEdgeWithKey(backward, out(link.b), into(link.a), { ...attributes });
    arcs.set(link.name, [forward, backward]);
  }
  return {
    graph,
    links,
    arcs,
    edgeServers: new Set(input.edgeServers.map((s) => s.name)),
    networkNodes: new Set(input.networkNodes.map((n) => n.name)),
  };
}

export type GraphPath = { nodes: string[]; links: string[]; latencyMs: number };

/**
 * Turns a path of graph keys into names, links and latency. Between two consecutive nodes the
 * lowest-latency arc still in `graph` is taken (parallel links; ties by link name), which is the
 * arc the shortest-path search relaxed.
 */
export function describePath(graph: NetworkGraph['graph'], keys: string[]): GraphPath {
  const nodes = keys.map(nameOfKey);
  const links: string[] = [];
  let latencyMs = 0;
  for (let i = 0; i + 1 < keys.length; i++) {
    let best: EdgeAttributes | null = null;
    graph.forEachDirectedEdge(keys[i], keys[i + 1], (_edge, attributes, source) => {
      if (source !== keys[i]) return;
      if (!best || attributes.latencyMs < best.latencyMs || (attributes.latencyMs === best.latencyMs && attributes.link < best.link)) best = attributes;
    });
    if (!best) throw new Error(`no arc from ${keys[i]} to ${keys[i + 1]}`);
    links.push((best as EdgeAttributes).link);
    latencyMs += (best as EdgeAttributes).latencyMs;
  }
  return { nodes, links, latencyMs };
}
