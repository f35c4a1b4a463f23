import { buildNetworkGraph, nodeKey, sinkKey, sourceKey } from '@/lib/control/build-network-graph';
import { createPathFinder, type PathFinder } from '@/lib/control/path-finder';
import type { NetworkSection, RegistryPath } from '@/lib/placement/types';
import type { Topology } from './measure-network-section';

/** The control layer's graph of a topology (edge servers end paths but never forward) and its routing. */
export function routeTopology(topology: Topology): PathFinder {
  const network = buildNetworkGraph({
    edgeServers: topology.edgeServers.map((s) => ({ name: s.name, site: null })),
    networkNodes: topology.networkNodes.map((n) => ({ name: n.name, kind: 'switch' as const, sdnManaged: false, site: null })),
    links: topology.links.map((l) => ({ ...l, lossPct: 0 })),
  });
  return createPathFinder(network);
}

/**
 * For each edge server and each attached registry it reaches, the path a pull takes, its
 * bottleneck bandwidth and its latency (the `registries` and `pulls` of the network section;
 * measureNetworkSection says how paths are chosen). Unattached registries are left out.
 *
 * Links carry the same bandwidth and latency both ways, so the widest, then fastest, path from a
 * registry to a server measures the pull the other way: one search per registry instead of one
 * per server (3 s → a few ms for 1,000 servers and 3 registries).
 */
export function measureRegistryPulls(topology: Topology, finder: PathFinder = routeTopology(topology)): Pick<NetworkSection, 'registries' | 'pulls'> {
  const attached = topology.registries.filter((r) => r.attachedTo !== null).sort((a, b) => (a.name < b.name ? -1 : 1));
  const found = new Map<string, RegistryPath>();
  const keyOf = (server: string, registry: string) => `${server}\u0000${registry}`;
  for (const registry of attached) {
    const at = registry.attachedTo!;
    const host = at.kind === 'edgeServer' ? at.name : null;
    const others = topology.edgeServers.filter((s) => s.name !== host);
    const paths = finder.widestPaths(
      host === null ? nodeKey(at.name) : sourceKey(host),
      others.map((s) => sinkKey(s.name)),
    );
    for (const server of others) {
      const path = paths.get(sinkKey(server.name));
      if (path)
        found.set(keyOf(server.name, registry.name), {
          server: server.name,
          registry: registry.name,
          bandwidthMbps: path.bottleneckMbps,
          latencyMs: path.latencyMs,
          path: [...path.nodes].reverse(),
        });
    }
  }
  const pulls: RegistryPath[] = [];
  for (const server of topology.edgeServers) {
    for (const registry of attached) {
      const at = registry.attachedTo!;
      // A registry on the pulling server itself is read at the server's own bandwidth.
      if (at.kind === 'edgeServer' && at.name === server.name)
        pulls.push({ server: server.name, registry: registry.name, bandwidthMbps: server.bandwidthMbps, latencyMs: 0, path: [server.name] });
      else {
        const path = found.get(keyOf(server.name, registry.name));
        if (path) pulls.push(path);
      }
    }
  }
  return { registries: attached.map((r) => ({ id: r.name })), pulls };
}
