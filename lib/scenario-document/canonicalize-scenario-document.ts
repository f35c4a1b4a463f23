import type { ScenarioDocument } from './scenario-document-schema';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => compare(a.name, b.name));
const sorted = (list: string[]) => [...list].sort(compare);

/**
 * The one order a document is written in: entities by name (layers by digest, images by
 * repository, tag, arch), name lists sorted. Image layer order and run order carry meaning
 * and are kept. Two documents describing the same scenario canonicalise to equal values.
 */
export function canonicalizeScenarioDocument(doc: ScenarioDocument): ScenarioDocument {
  return {
    ...doc,
    sites: byName(doc.sites),
    edgeServers: byName(doc.edgeServers).map((s) => ({ ...s, cachedLayers: sorted([...new Set(s.cachedLayers)]) })),
    networkNodes: byName(doc.networkNodes),
    links: byName(doc.links),
    vnfs: byName(doc.vnfs),
    registries: byName(doc.registries),
    layers: [...doc.layers].sort((a, b) => compare(a.digest, b.digest)),
    images: [...doc.images].sort((a, b) => compare(a.repository, b.repository) || compare(a.tag, b.tag) || compare(a.arch, b.arch)),
    services: byName(doc.services),
    dependencies: [...doc.dependencies].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to)),
    controllers: byName(doc.controllers).map((c) => ({
      ...c,
      manages: {
        edgeServers: sorted([...new Set(c.manages.edgeServers)]),
        networkNodes: sorted([...new Set(c.manages.networkNodes)]),
        services: sorted([...new Set(c.manages.services)]),
        vnfs: sorted([...new Set(c.manages.vnfs)]),
      },
    })),
    policies: byName(doc.policies).map((p) => ({ ...p, services: sorted([...new Set(p.services)]), edgeServers: sorted([...new Set(p.edgeServers)]) })),
    controlArtifacts: [...doc.controlArtifacts].sort((a, b) => compare(a.kind, b.kind) || compare(a.controller ?? '', b.controller ?? '') || a.version - b.version),
    placementRuns: doc.placementRuns.map((r) => ({
      ...r,
      assignments: [...r.assignments].sort((a, b) => compare(a.service, b.service) || a.replica - b.replica),
    })),
  };
}
