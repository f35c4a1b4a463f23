import { bidirectional } from 'graphology-shortest-path/dijkstra';
import { nameOfKey, type EdgeAttributes, type GraphPath, type NetworkGraph } from './build-network-graph';

type ArcPath = { keys: string[]; arcs: string[]; latencyMs: number };

/**
 * Up to `k` loopless paths from `source` to `target` (graph keys) in order of latency, by Yen's
 * algorithm over the library's bidirectional Dijkstra. Spur searches exclude arcs and nodes
 * through the weight function; the search does not honour an Infinity weight as a missing edge,
 * so a result whose cost is not finite counts as no path.
 */
export function findCandidatePaths(network: NetworkGraph, source: string, target: string, k: number): GraphPath[] {
  const graph = network.graph;
  const bannedArcs = new Set<string>();
  const bannedNodes = new Set<string>();
  const weight = (arc: string, attributes: EdgeAttributes) =>
    bannedArcs.has(arc) || bannedNodes.has(graph.target(arc)) || bannedNodes.has(graph.source(arc)) ? Infinity : attributes.latencyMs;

  const search = (from: string): ArcPath | null => {
    const keys = bidirectional(graph, from, target, weight);
    if (!keys) return null;
    const arcs: string[] = [];
    let latencyMs = 0;
    for (let i = 0; i + 1 < keys.length; i++) {
      let best: string | null = null;
      let bestWeight = Infinity;
      graph.forEachDirectedEdge(keys[i], keys[i + 1], (arc, attributes, s) => {
        if (s !== keys[i]) return;
        const w = weight(arc, attributes);
        if (w < bestWeight || (w === bestWeight && best !== null && arc < best)) {
          best = arc;
          bestWeight = w;
        }
      });
      if (best === null || !Number.isFinite(bestWeight)) return null;
      arcs.push(best);
      latencyMs += bestWeight;
    }
    return { keys, arcs, latencyMs };
  };

  const first = search(source);
  if (!first) return [];
  const accepted: ArcPath[] = [first];
  const pending = new Map<string, ArcPath>();
  const seen = new Set<string>([first.arcs.join('|')]);

  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1];
    for (let i = 0; i + 1 < previous.keys.length; i++) {
      const rootArcs = previous.arcs.slice(0, i);
      const rootKey = rootArcs.join('|');
      bannedArcs.clear();
      bannedNodes.clear();
      for (const p of accepted) if (p.arcs.length > i && p.arcs.slice(0, i).join('|') === rootKey) bannedArcs.add(p.arcs[i]);
      for (const node of previous.keys.slice(0, i)) bannedNodes.add(node);
      const spur = search(previous.keys[i]);
      if (!spur) continue;
      const arcs = [...rootArcs, ...spur.arcs];
      const id = arcs.join('|');
      if (seen.has(id)) continue;
      seen.add(id);
      let rootLatency = 0;
      for (const arc of rootArcs) rootLatency += graph.getEdgeAttribute(arc, 'latencyMs');
      pending.set(id, { keys: [...previous.keys.slice(0, i), ...spur.keys], arcs, latencyMs: rootLatency + spur.latencyMs });
    }
    bannedArcs.clear();
    bannedNodes.clear();
    if (pending.size === 0) break;
    let bestId: string | null = null;
    for (const [id, p] of pending) {
      const b = bestId === null ? null : pending.get(bestId)!;
      if (!b || p.latencyMs < b.latencyMs || (p.latencyMs === b.latencyMs && id < bestId!)) bestId = id;
    }
    accepted.push(pending.get(bestId!)!);
    pending.delete(bestId!);
  }
  return accepted.map((p) => ({
    nodes: p.keys.map(nameOfKey),
    links: p.arcs.map((arc) => graph.getEdgeAttribute(arc, 'link')),
    latencyMs: p.latencyMs,
  }));
}
