import { buildNetworkGraph } from '../control/build-network-graph';
import { parseControlInput, type ControlInputDraft } from '../control/control-input-schema';
import { createPathOracle } from '../control/measure-latency';
import { createPrng, shuffleInPlace } from './prng';
import type { Container, Dependency, Layer, ObjectiveWeights, PlacementProblem, RegistryPath, Server, ServerLatency } from './types';

/** A link of the network layer between two of its nodes. */
export type NetworkLink = { a: string; b: string; latencyMs: number; bandwidthMbps: number };

/** A registry attached to a network node by its own link. */
export type RegistrySpec = { id: string; node: string; latencyMs: number; bandwidthMbps: number };

/** A service of the application; `scalable` services take the replicas beyond one each. */
export type ServiceSpec = { name: string; image: string; dependsOn: string[]; scalable: boolean };

export type NetworkProblemSpec = {
  /** the network layer: routers (or switches) and the links between them */
  network: { nodes: string[]; links: NetworkLink[] };
  /** nodes that may host an edge server (attached by `serverLink`); `servers` of them are drawn */
  serverNodes: string[];
  servers: number;
  serverLink: { latencyMs: number; bandwidthMbps: number };
  registries: RegistrySpec[];
  services: ServiceSpec[];
  /** image reference -> its layers, in order */
  images: Record<string, Layer[]>;
  /** replicas in all; every service runs at least one */
  containers: number;
  /** each replica's demand */
  replica: { cpu: number; memory: number; bandwidth: number };
  /** Mbit/s of every dependency (from `dependsOn`), split over the replica pairs */
  trafficMbps: number;
  /** total cpu and memory = capacityScale × 1.6 × the demand, like generate-problem's scale 1 */
  capacityScale?: number;
  /** total disk = diskScale × the no-sharing bytes */
  diskScale?: number;
  weights: ObjectiveWeights;
  seed: number;
};

/**
 * A version-2 placement problem on a real topology: edge servers at `servers` nodes drawn from
 * `serverNodes`, registries where the spec attaches them, paths and latencies from the control
 * layer's routing (the lowest-latency path; its narrowest link is the pull bandwidth), and the
 * application's services with their replicas and dependencies. Deterministic for a seed.
 */
export function generateNetworkProblem(spec: NetworkProblemSpec): PlacementProblem {
  if (spec.containers < spec.services.length) throw new RangeError(`${spec.containers} containers cannot run ${spec.services.length} services once each`);
  if (spec.servers > spec.serverNodes.length) throw new RangeError(`${spec.servers} servers but only ${spec.serverNodes.length} nodes may host one`);
  const random = createPrng(spec.seed);
  const hosts = shuffleInPlace([...spec.serverNodes], random).slice(0, spec.servers);
  const serverName = (node: string) => `${node} server`;
  const registryName = (id: string) => `registry ${id}`;

  // Registries are path ends that forward nothing, as edge servers are in the control graph.
  const draft: ControlInputDraft = {
    format: 'edgestack.control-input',
    version: 1,
    networkNodes: spec.network.nodes.map((name) => ({ name, kind: 'router' })),
    edgeServers: [...hosts.map((node) => ({ name: serverName(node) })), ...spec.registries.map((r) => ({ name: registryName(r.id) }))],
    links: [
      ...spec.network.links.map((l, k) => ({
        name: `link ${k}`,
        a: { kind: 'networkNode' as const, name: l.a },
        b: { kind: 'networkNode' as const, name: l.b },
        latencyMs: l.latencyMs,
        bandwidthMbps: l.bandwidthMbps,
      })),
      ...hosts.map((node) => ({
        name: `${serverName(node)} uplink`,
        a: { kind: 'edgeServer' as const, name: serverName(node) },
        b: { kind: 'networkNode' as const, name: node },
        ...spec.serverLink,
      })),
      ...spec.registries.map((r) => ({
        name: `${registryName(r.id)} uplink`,
        a: { kind: 'edgeServer' as const, name: registryName(r.id) },
        b: { kind: 'networkNode' as const, name: r.node },
        latencyMs: r.latencyMs,
        bandwidthMbps: r.bandwidthMbps,
      })),
    ],
  };
  const parsed = parseControlInput(draft);
  if (!parsed.ok) throw new Error(`the network does not form a control input: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const paths = createPathOracle(buildNetworkGraph(parsed.input));

  const pulls: RegistryPath[] = [];
  for (const node of hosts) {
    for (const r of spec.registries) {
      const path = paths(serverName(node), registryName(r.id));
      if (path) pulls.push({ server: serverName(node), registry: r.id, bandwidthMbps: path.bottleneckMbps, latencyMs: path.latencyMs, path: path.nodes });
    }
  }
  const latencies: ServerLatency[] = [];
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      const path = paths(serverName(hosts[i]), serverName(hosts[j]));
      if (path) latencies.push({ a: serverName(hosts[i]), b: serverName(hosts[j]), latencyMs: path.latencyMs });
    }
  }

  // One replica each, the rest round-robin over the scalable services.
  const replicas = new Map(spec.services.map((s) => [s.name, 1]));
  const scalable = spec.services.filter((s) => s.scalable);
  if (scalable.length === 0 && spec.containers > spec.services.length) throw new RangeError('no service is scalable, so there can be no more containers than services');
  for (let extra = spec.containers - spec.services.length, k = 0; extra > 0; extra--, k++) {
    const s = scalable[k % scalable.length];
    replicas.set(s.name, replicas.get(s.name)! + 1);
  }
  const containers: Container[] = spec.services.flatMap((s) =>
    Array.from({ length: replicas.get(s.name)! }, (_, k) => ({
      id: `${s.name}-${k}`,
      service: s.name,
      image: s.image,
      layers: spec.images[s.image].map((l) => l.digest),
      ...spec.replica,
    })),
  );
  const layers = new Map<string, number>();
  for (const s of spec.services) for (const l of spec.images[s.image]) layers.set(l.digest, l.size);
  const names = new Set(spec.services.map((s) => s.name));
  const dependencies: Dependency[] = spec.services.flatMap((s) =>
    s.dependsOn.filter((to) => names.has(to) && to !== s.name).map((to) => ({ from: s.name, to, trafficMbps: spec.trafficMbps })),
  );

  const noSharingBytes = containers.reduce((sum, c) => sum + c.layers.reduce((bytes, d) => bytes + layers.get(d)!, 0), 0);
  const scale = spec.capacityScale ?? 1;
  const share = (total: number) => (total * 1.6 * scale) / spec.servers;
  const servers: Server[] = hosts.map((node) => ({
    id: serverName(node),
    site: node,
    storage: Math.round(((spec.diskScale ?? 1) * noSharingBytes) / spec.servers),
    cpu: share(spec.replica.cpu * containers.length),
    memory: Math.round(share(spec.replica.memory * containers.length)),
    bandwidth: Math.max(1, Math.round(share(spec.replica.bandwidth * containers.length))),
  }));

  return {
    version: 2,
    objective: 'storage',
    weights: spec.weights,
    layers: [...layers].map(([digest, size]) => ({ digest, size })),
    servers,
    containers,
    policies: [],
    network: { registries: spec.registries.map((r) => ({ id: r.id })), pulls, latencies },
    dependencies,
  };
}
