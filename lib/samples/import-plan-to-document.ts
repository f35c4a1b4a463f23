import type { ImportPlan } from '@/lib/importers/import-plan';
import type { ScenarioDocumentInput } from '@/lib/scenario-document/scenario-document-schema';

type PhysicalAndNetwork = Pick<ScenarioDocumentInput, 'sites' | 'edgeServers' | 'networkNodes' | 'links'>;

/**
 * The physical and network part of an importer's plan as scenario-document sections. A plan is
 * already written in the document's terms (names, not ids); only byte counts change type.
 */
export function importPlanToDocument(plan: ImportPlan): PhysicalAndNetwork {
  return {
    sites: plan.sites.map((s) => ({ name: s.name, provider: s.provider ?? '', region: s.region ?? '', latitude: s.latitude, longitude: s.longitude })),
    edgeServers: plan.edgeServers.map((s) => ({
      name: s.name,
      site: s.site,
      tier: s.tier,
      arch: s.arch as 'amd64',
      cpuCores: s.cpuCores,
      memoryMiB: s.memoryMiB,
      storageBytes: Number(s.storageBytes),
      bandwidthMbps: s.bandwidthMbps,
      accelerators: s.accelerators,
    })),
    networkNodes: plan.networkNodes.map((n) => ({ name: n.name, site: n.site, kind: n.kind, sdnManaged: n.sdnManaged ?? false, latitude: n.latitude, longitude: n.longitude })),
    links: plan.links.map((l) => ({ name: l.name, medium: l.medium, bandwidthMbps: l.bandwidthMbps, latencyMs: l.latencyMs, lossPercent: l.lossPercent ?? 0, a: l.a, b: l.b })),
  };
}
