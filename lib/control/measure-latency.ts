import { singleSource } from 'graphology-shortest-path/dijkstra';
import { describePath, sinkKey, sourceKey, type NetworkGraph } from './build-network-graph';

export type LatencyOracle = (fromEdgeServer: string, toEdgeServer: string) => number;

/** The lowest-latency path between two edge servers: its nodes, latency and bottleneck bandwidth. */
export type MeasuredPath = { nodes: string[]; latencyMs: number; bottleneckMbps: number };

/** null when no path joins the two; a server to itself is a path of one node (0 ms, no bottleneck). */
export type PathOracle = (fromEdgeServer: string, toEdgeServer: string) => MeasuredPath | null;

/**
 * Lowest-latency paths from edge servers over every link, bandwidth ignored in the choice (what
 * a mesh's locality-aware balancing sees), with the narrowest link of each path. One
 * single-source search per origin, cached.
 */
export function createPathOracle(network: NetworkGraph): PathOracle {
  const cache = new Map<string, Map<string, MeasuredPath>>();
  return (from, to) => {
    if (from === to) return { nodes: [from], latencyMs: 0, bottleneckMbps: Infinity };
    let row = cache.get(from);
    if (!row) {
      row = new Map();
      const paths = singleSource(network.graph, sourceKey(from), 'latencyMs');
      for (const [key, keys] of Object.entries(paths)) {
        if (!key.startsWith('i:')) continue;
        const path = describePath(network.graph, keys);
        const bottleneckMbps = Math.min(...path.links.map((name) => network.links.get(name)!.bandwidthMbps));
        row.set(key.slice(2), { nodes: path.nodes, latencyMs: path.latencyMs, bottleneckMbps });
      }
      cache.set(from, row);
    }
    return row.get(sinkKey(to).slice(2)) ?? null;
  };
}

/** Lowest path latency between edge servers (createPathOracle); Infinity when no path joins them. */
export function createLatencyOracle(network: NetworkGraph): LatencyOracle {
  const paths = createPathOracle(network);
  return (from, to) => paths(from, to)?.latencyMs ?? Infinity;
}
