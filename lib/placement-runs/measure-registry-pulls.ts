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
 */
export function measureRegistryPulls(topology: Topology, finder: PathFinder = routeTopology(topology)): Pick<NetworkSection, 'registries' | 'pulls'> {
  const attached = topology.registries.filter((r) => r.attachedTo !== null).sort((a, b) => (a.name < b.name ? -1 : 1));
  const targetOf = (r: (typeof attached)[number]) => (r.attachedTo!.kind === 'networkNode' ? nodeKey(r.attachedTo!.name) : sinkKey(r.attachedTo!.name));
  const isOn = (r: (typeof attached)[number], server: string) => r.attachedTo!.kind === 'edgeServer' && r.attachedTo!.name === server;

  const pulls: RegistryPath[] = [];
  for (const server of topology.edgeServers) {
    const remote = attached.filter((r) => !isOn(r, server.name));
    const paths = finder.widestPaths(sourceKey(server.name), remote.map(targetOf));
    for (const registry of attached) {
      if (isOn(registry, server.name)) {
        pulls.push({ server: server.name, registry: registry.name, bandwidthMbps: server.bandwidthMbps, latencyMs: 0, path: [server.name] });
        continue;
      }
      const path = paths.get(targetOf(registry));
      if (path) pulls.push({ server: server.name, registry: registry.name, bandwidthMbps: path.bottleneckMbps, latencyMs: path.latencyMs, path: path.nodes });
    }
  }
  return { registries: attached.map((r) => ({ id: r.name })), pulls };
}
