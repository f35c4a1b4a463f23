// The network benchmark's instance (issue 13): DeathStarBench's social network on the Kdl
// topology (Topology Zoo). Reads the repository's datasets; lib/placement/generate-network-problem
// builds the problem. What the data gives and what is declared is listed in NETWORK_INSTANCE_NOTE.
import fs from 'node:fs';
import { datasetPath } from '../lib/datasets/locate-datasets';
import { parseGraphml } from '../lib/importers/topology/parse-graphml';
import { planTopologyImport } from '../lib/importers/topology/plan-topology-import';
import { measureNetworkSection, type Topology } from '../lib/placement-runs/measure-network-section';
import { generateNetworkProblem } from '../lib/placement/generate-network-problem';
import { createPrng, shuffleInPlace } from '../lib/placement/prng';
import type { Layer, ObjectiveWeights, PlacementProblem } from '../lib/placement/types';
import { describeSocialNetworkImages } from '../lib/samples/social-network-sample';

export const NETWORK_INSTANCE_NOTE =
  'Kdl (Topology Zoo, 754 PoPs, 899 links; latency from the great-circle distance, as the GraphML importer computes it; Kdl gives no link speeds, so every link has the importer\'s 1 Gbit/s) with edge servers at PoPs drawn by the seed (0.1 ms, 10 Gbit/s uplinks, as the importer\'s "both" mode); pulls and latencies measured as a run measures them (measureNetworkSection: a pull takes the widest path, ties by latency; server pairs the lowest latency). ' +
  "DeathStarBench social network (27 services, depends_on as dependencies; real layers of mongo, redis and memcached, the other four images one opaque layer of the snapshot's median size, as the social-network sample). " +
  "Declared, not data: 0.5 core and 512 MiB per replica (the sample's figures), 10 Mbit/s per dependency, replicas beyond one each on the logic and front-end services, two registries (`hub` on a 10 Gbit/s link of 15 ms at Chicago, `mirror` on a 200 Mbit/s link of 0.5 ms at Indianapolis), capacity 1.6× the cpu and memory demand in all and disks holding 1.5× the no-sharing bytes in all (so that the no-sharing placement exists).";

let cached: { nodes: string[]; links: Topology['links'] } | null = null;

function readKdl() {
  if (cached) return cached;
  const graph = parseGraphml(fs.readFileSync(datasetPath('topologies', 'Kdl.graphml'), 'utf8'));
  const plan = planTopologyImport(graph, { nodesBecome: 'network' });
  cached = {
    nodes: plan.networkNodes.map((n) => n.name),
    links: plan.links.map((l) => ({ name: l.name, a: l.a, b: l.b, latencyMs: l.latencyMs, bandwidthMbps: l.bandwidthMbps })),
  };
  return cached;
}

/** Declared registry links: a registry sits on a node of its own, joined to a Kdl PoP. */
const REGISTRIES = [
  { id: 'hub', pop: 'Chicago', latencyMs: 15, bandwidthMbps: 10_000 },
  { id: 'mirror', pop: 'Indianapolis', latencyMs: 0.5, bandwidthMbps: 200 },
];

export function kdlSocialNetwork(options: { servers: number; containers: number; seed: number; weights: ObjectiveWeights }): PlacementProblem {
  const kdl = readKdl();
  const { app, images, declaredSizeBytes } = describeSocialNetworkImages();
  const layersOf: Record<string, Layer[]> = {};
  for (const image of images) {
    layersOf[image.ref] = image.entry ? image.entry.layers.map((l) => ({ digest: l.digest, size: l.size })) : [{ digest: `declared:${image.ref}`, size: declaredSizeBytes }];
  }
  // Edge servers at PoPs drawn by the seed, each on a 0.1 ms, 10 Gbit/s uplink.
  const pops = shuffleInPlace([...kdl.nodes], createPrng(options.seed)).slice(0, options.servers);
  const servers = pops.map((pop) => ({ id: `${pop} server`, site: pop }));
  const topology: Topology = {
    edgeServers: servers.map((s) => ({ name: s.id, bandwidthMbps: 10_000 })),
    networkNodes: [...kdl.nodes, ...REGISTRIES.map((r) => `${r.id} registry node`)].map((name) => ({ name })),
    links: [
      ...kdl.links,
      ...servers.map((s) => ({
        name: `${s.id} uplink`,
        a: { kind: 'edgeServer' as const, name: s.id },
        b: { kind: 'networkNode' as const, name: s.site },
        latencyMs: 0.1,
        bandwidthMbps: 10_000,
      })),
      ...REGISTRIES.map((r) => ({
        name: `${r.id} registry link`,
        a: { kind: 'networkNode' as const, name: `${r.id} registry node` },
        b: { kind: 'networkNode' as const, name: r.pop },
        latencyMs: r.latencyMs,
        bandwidthMbps: r.bandwidthMbps,
      })),
    ],
    registries: REGISTRIES.map((r) => ({ name: r.id, attachedTo: { kind: 'networkNode' as const, name: `${r.id} registry node` } })),
  };
  return generateNetworkProblem({
    servers,
    network: measureNetworkSection(topology),
    services: app.services.map((s) => ({ name: s.service, image: s.image, dependsOn: s.depends_on, scalable: /^(deathstarbench|yg397)\//.test(s.image) })),
    images: layersOf,
    containers: options.containers,
    replica: { cpu: 0.5, memory: 512, bandwidth: 10 },
    trafficMbps: 10,
    diskScale: 1.5,
    weights: options.weights,
  });
}
