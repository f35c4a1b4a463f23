import type { PlacementProblem } from '@/lib/placement/types';
import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';

/**
 * A scenario holding a placement problem: each container becomes a one-replica service with an
 * image of its own layers, each server an edge server. Lets generated benchmark instances be
 * opened in the dashboard (and lets tests seed hard instances).
 */
export function problemToScenarioDocument(problem: PlacementProblem, name: string): ScenarioDocumentInput {
  const sites = [...new Set(problem.servers.map((s) => s.site).filter((s): s is string => Boolean(s)))];
  const imageOf = (id: string) => ({ repository: `generated/${id.toLowerCase()}`, tag: '1', arch: 'amd64' as const });
  return {
    format: 'edgestack.scenario',
    version: 1,
    scenario: { name, description: `Generated placement problem: ${problem.servers.length} edge servers, ${problem.containers.length} containers.` },
    sites: sites.map((site) => ({ name: site })),
    layers: problem.layers.map((l) => ({ digest: l.digest, sizeBytes: l.size })),
    edgeServers: problem.servers.map((s) => ({
      name: s.id,
      site: s.site ?? null,
      cpuCores: s.cpu,
      memoryMiB: Math.max(1, Math.ceil(s.memory)),
      storageBytes: s.storage,
      bandwidthMbps: Math.max(1, Math.ceil(s.bandwidth)),
      accelerators: s.accelerators ?? [],
      cachedLayers: s.cachedLayers ?? [],
    })),
    images: problem.containers.map((c) => ({ ...imageOf(c.id), layers: c.layers })),
    services: problem.containers.map((c) => ({
      name: c.id,
      imageRef: c.image ?? `${imageOf(c.id).repository}:1`,
      image: imageOf(c.id),
      replicas: 1,
      cpuCores: c.cpu,
      memoryMiB: Math.ceil(c.memory),
      bandwidthMbps: Math.ceil(c.bandwidth),
      accelerator: c.accelerator ?? null,
    })),
  };
}
