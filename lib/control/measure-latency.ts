import { singleSource } from 'graphology-shortest-path/dijkstra';
import { describePath, sinkKey, sourceKey, type NetworkGraph } from './build-network-graph';

export type LatencyOracle = (fromEdgeServer: string, toEdgeServer: string) => number;

/**
 * Lowest path latency between edge servers over every link, bandwidth ignored (what a mesh's
 * locality-aware balancing sees); Infinity when no path joins them. One single-source search
 * per origin, cached.
 */
export function createLatencyOracle(network: NetworkGraph): LatencyOracle {
  const cache = new Map<string, Map<string, number>>();
  return (from, to) => {
    if (from === to) return 0;
    let row = cache.get(from);
    if (!row) {
      row = new Map();
      const paths = singleSource(network.graph, sourceKey(from), 'latencyMs');
      for (const [key, path] of Object.entries(paths)) {
        if (key.startsWith('i:')) row.set(key.slice(2), describePath(network.graph, path).latencyMs);
      }
      cache.set(from, row);
    }
    return row.get(sinkKey(to).slice(2)) ?? Infinity;
  };
}
