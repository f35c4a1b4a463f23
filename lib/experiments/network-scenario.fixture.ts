import type { Dependency, NetworkSection, PlacementProblem } from '@/lib/placement/types';
import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';

// docs/placement-format.md's version-2 example: the problem, for the run page's pure tests, and
// a scenario whose topology the builder measures into the same network section, for the sweep's
// database tests.

export const EXAMPLE_NETWORK: NetworkSection = {
  registries: [{ id: 'hub' }],
  pulls: [
    { server: 'edge-a', registry: 'hub', bandwidthMbps: 100, latencyMs: 20, path: ['edge-a', 'core', 'hub'] },
    { server: 'edge-b', registry: 'hub', bandwidthMbps: 200, latencyMs: 40, path: ['edge-b', 'core', 'hub'] },
  ],
  latencies: [{ a: 'edge-a', b: 'edge-b', latencyMs: 8 }],
};

export const EXAMPLE_DEPENDENCIES: Dependency[] = [{ from: 'web', to: 'api', trafficMbps: 40 }];

/** The example problem itself, with its weights; its placement below costs 178,800,000. */
export function exampleProblem(): PlacementProblem {
  const server = { storage: 100_000_000, cpu: 4, memory: 8192, bandwidth: 1000, arch: 'amd64' };
  const container = (id: string, service: string, image: string, layers: string[], cpu: number, memory: number, bandwidth: number) => ({
    id,
    service,
    image,
    layers,
    cpu,
    memory,
    bandwidth,
  });
  return {
    version: 2,
    objective: 'storage',
    weights: { storage: 1, startup: 10_000_000, traffic: 100_000, moves: 0 },
    layers: [
      { digest: 'sha256:base', size: 30_000_000 },
      { digest: 'sha256:web', size: 12_000_000 },
      { digest: 'sha256:api', size: 45_000_000 },
    ],
    servers: [
      { id: 'edge-a', site: 'north', ...server },
      { id: 'edge-b', site: 'south', ...server, cachedLayers: ['sha256:base'] },
    ],
    containers: [
      container('web-0', 'web', 'web:1', ['sha256:base', 'sha256:web'], 1, 512, 50),
      container('web-1', 'web', 'web:1', ['sha256:base', 'sha256:web'], 1, 512, 50),
      container('api-0', 'api', 'api:2', ['sha256:base', 'sha256:api'], 2, 2048, 100),
    ],
    policies: [{ type: 'spread', containers: ['web-0', 'web-1'] }],
    network: EXAMPLE_NETWORK,
    dependencies: EXAMPLE_DEPENDENCIES,
  };
}

export const EXAMPLE_ASSIGNMENT = { 'web-0': 'edge-a', 'web-1': 'edge-b', 'api-0': 'edge-b' };

/**
 * The example's scenario, with twice the example's disks so that private copies (no sharing) fit
 * too. Its topology gives the example's network: the registry on a core node 20 ms and 40 ms from
 * the edge servers over 100 and 200 Mbit/s, the servers 8 ms apart on a direct link. Each part
 * can be left out: the links, the registry's attachment, the dependencies.
 */
export function exampleScenarioDocument(name: string, parts: { links?: boolean; attached?: boolean; dependencies?: boolean } = {}): ScenarioDocumentInput {
  const { links = true, attached = true, dependencies = true } = parts;
  const edge = (name: string) => ({ kind: 'edgeServer' as const, name });
  const core = { kind: 'networkNode' as const, name: 'core' };
  const server = { arch: 'amd64' as const, cpuCores: 4, memoryMiB: 8192, storageBytes: 200_000_000, bandwidthMbps: 1000 };
  return {
    format: 'edgestack.scenario',
    version: 1,
    scenario: { name, description: 'The version-2 example of docs/placement-format.md.' },
    sites: [{ name: 'north' }, { name: 'south' }],
    networkNodes: [{ name: 'core', kind: 'router' }],
    links: links
      ? [
          { name: 'core-edge-a', medium: 'fiber', bandwidthMbps: 100, latencyMs: 20, a: core, b: edge('edge-a') },
          { name: 'core-edge-b', medium: 'fiber', bandwidthMbps: 200, latencyMs: 40, a: core, b: edge('edge-b') },
          { name: 'edge-a-edge-b', medium: 'fiber', bandwidthMbps: 1000, latencyMs: 8, a: edge('edge-a'), b: edge('edge-b') },
        ]
      : [],
    registries: [{ name: 'hub', url: 'https://registry.example', attachedTo: attached ? core : null }],
    edgeServers: [
      { name: 'edge-a', site: 'north', ...server },
      { name: 'edge-b', site: 'south', ...server, cachedLayers: ['sha256:base'] },
    ],
    layers: [
      { digest: 'sha256:base', sizeBytes: 30_000_000 },
      { digest: 'sha256:web', sizeBytes: 12_000_000 },
      { digest: 'sha256:api', sizeBytes: 45_000_000 },
    ],
    images: [
      { repository: 'web', tag: '1', arch: 'amd64', layers: ['sha256:base', 'sha256:web'] },
      { repository: 'api', tag: '2', arch: 'amd64', layers: ['sha256:base', 'sha256:api'] },
    ],
    services: [
      { name: 'web', imageRef: 'web:1', image: { repository: 'web', tag: '1', arch: 'amd64' }, replicas: 2, cpuCores: 1, memoryMiB: 512, bandwidthMbps: 50 },
      { name: 'api', imageRef: 'api:2', image: { repository: 'api', tag: '2', arch: 'amd64' }, replicas: 1, cpuCores: 2, memoryMiB: 2048, bandwidthMbps: 100 },
    ],
    dependencies: dependencies ? EXAMPLE_DEPENDENCIES.map((d) => ({ from: d.from, to: d.to, trafficMbps: d.trafficMbps })) : [],
    policies: [{ name: 'web apart', type: 'spread', services: ['web'] }],
  };
}
