import { sinkKey, sourceKey } from '@/lib/control/build-network-graph';
import type { ControlLink } from '@/lib/control/control-input-schema';
import type { NetworkSection, ServerLatency } from '@/lib/placement/types';
import { measureRegistryPulls, routeTopology } from './measure-registry-pulls';

/** What the network section is measured on: the scenario's topology, by name. */
export type Topology = {
  /** `bandwidthMbps`: the server's own network capacity, used for a registry on the server itself */
  edgeServers: { name: string; bandwidthMbps: number }[];
  networkNodes: { name: string }[];
  links: Pick<ControlLink, 'name' | 'a' | 'b' | 'bandwidthMbps' | 'latencyMs'>[];
  /** only attached registries can be reached; the others are left out */
  registries: { name: string; attachedTo: { kind: 'edgeServer' | 'networkNode'; name: string } | null }[];
};

/**
 * The placement problem's `network` section (docs/placement-format.md) from the topology, with
 * the control layer's graph (edge servers end paths but never forward) and routing:
 *
 * - `pulls`: for each edge server and each registry it reaches, the path a pull takes and its
 *   bottleneck bandwidth (the narrowest link) and latency. A pull takes the *widest* path, ties
 *   by lower latency (createPathFinder says why). A registry attached to a network node is reached
 *   at that node; one attached to an edge server over the path to that server; one attached to
 *   the pulling server itself is read at the server's own bandwidth with no latency.
 * - `latencies`: every pair of edge servers a path joins, at the lowest path latency (what the
 *   traffic between dependent services sees, as the mesh's locality-aware routing does).
 *   Pairs no path joins are left out, which the engine reads as "no path".
 */
export function measureNetworkSection(topology: Topology): NetworkSection {
  const finder = routeTopology(topology);
  const { registries, pulls } = measureRegistryPulls(topology, finder);

  const latencies: ServerLatency[] = [];
  const names = topology.edgeServers.map((s) => s.name);
  for (let i = 0; i < names.length; i++) {
    // Links are symmetric, so one direction measures the pair.
    const later = names.slice(i + 1);
    finder.lowestLatencies(sourceKey(names[i]), later.map(sinkKey)).forEach((ms, j) => {
      if (Number.isFinite(ms)) latencies.push({ a: names[i], b: later[j], latencyMs: ms });
    });
  }
  return { registries, pulls, latencies };
}
