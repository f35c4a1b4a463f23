import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { artifactKindFromDb } from '@/lib/control-plans/artifact-kinds';
import { policyTypeFromDb } from '@/lib/vocabulary/kinds-and-labels';
import { readStoredWeights } from '@/lib/placement-runs/objective-weights';
import { canonicalizeScenarioDocument } from './canonicalize-scenario-document';
import type { ScenarioDocument } from './scenario-document-schema';

const pos = (x: number | null, y: number | null) => (x === null || y === null ? null : { x, y });
const num = (value: bigint | null) => (value === null ? null : Number(value));

/** The scenario as a self-contained document, in canonical order. */
export async function exportScenarioDocument(db: Db, scenarioId: string): Promise<ScenarioDocument> {
  const scenario = await db.scenario.findUnique({ where: { id: scenarioId } });
  if (!scenario) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
  const where = { scenarioId };
  const [sites, servers, nodes, links, vnfs, registries, layers, images, services, dependencies, controllers, policies, runs, experiments, artifacts] = await Promise.all([
    db.site.findMany({ where }),
    db.edgeServer.findMany({ where, include: { site: true, cachedLayers: { include: { layer: true } } } }),
    db.networkNode.findMany({ where, include: { site: true } }),
    db.link.findMany({ where, include: { aEdgeServer: true, aNode: true, bEdgeServer: true, bNode: true } }),
    db.vnf.findMany({ where, include: { hostServer: true, nextVnf: true } }),
    db.registry.findMany({ where, include: { site: true, networkNode: { select: { name: true } }, edgeServer: { select: { name: true } } } }),
    db.layer.findMany({ where }),
    db.image.findMany({ where, include: { registry: true, layers: { include: { layer: true }, orderBy: { position: 'asc' } } } }),
    db.service.findMany({ where, include: { image: true } }),
    db.serviceDependency.findMany({
      where: { fromService: { scenarioId } },
      include: { fromService: true, toService: true, chain: { include: { vnf: true }, orderBy: { position: 'asc' } } },
    }),
    db.controller.findMany({
      where,
      include: {
        hostServer: true,
        managedEdgeServers: { include: { edgeServer: true } },
        managedNodes: { include: { networkNode: true } },
        managedServices: { include: { service: true } },
        managedVnfs: { include: { vnf: true } },
      },
    }),
    db.policy.findMany({ where, include: { services: { include: { service: true } }, edgeServers: { include: { edgeServer: true } } } }),
    db.placementRun.findMany({
      where: { scenarioId, status: { notIn: ['queued', 'running'] } },
      include: { assignments: { include: { service: true, edgeServer: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.experimentRun.findMany({ where: { scenarioId, status: { in: ['done', 'cancelled', 'error'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.controlArtifact.findMany({ where, include: { controller: { select: { name: true } } } }),
  ]);

  const endpoint = (server: { name: string } | null, node: { name: string } | null) =>
    server ? { kind: 'edgeServer' as const, name: server.name } : { kind: 'networkNode' as const, name: node!.name };
  const names = (list: { name: string }[]) => list.map((x) => x.name);
  const appliedIndex = runs.findIndex((r) => r.id === scenario.appliedRunId);

  return canonicalizeScenarioDocument({
    format: 'edgestack.scenario',
    version: 1,
    scenario: { name: scenario.name, description: scenario.description },
    sites: sites.map((s) => ({
      name: s.name,
      provider: s.provider,
      region: s.region,
      latitude: s.latitude,
      longitude: s.longitude,
      position: pos(s.posX, s.posY),
    })),
    edgeServers: servers.map((s) => ({
      name: s.name,
      site: s.site?.name ?? null,
      tier: s.tier,
      arch: s.arch as ScenarioDocument['edgeServers'][number]['arch'],
      cpuCores: s.cpuCores,
      memoryMiB: s.memoryMiB,
      storageBytes: Number(s.storageBytes),
      bandwidthMbps: s.bandwidthMbps,
      accelerators: s.accelerators,
      cachedLayers: s.cachedLayers.map((c) => c.layer.digest),
      position: pos(s.posX, s.posY),
    })),
    networkNodes: nodes.map((n) => ({
      name: n.name,
      site: n.site?.name ?? null,
      kind: n.kind,
      sdnManaged: n.sdnManaged,
      latitude: n.latitude,
      longitude: n.longitude,
      position: pos(n.posX, n.posY),
    })),
    links: links.map((l) => ({
      name: l.name,
      medium: l.medium,
      bandwidthMbps: l.bandwidthMbps,
      latencyMs: l.latencyMs,
      lossPercent: l.lossPercent,
      a: endpoint(l.aEdgeServer, l.aNode),
      b: endpoint(l.bEdgeServer, l.bNode),
    })),
    vnfs: vnfs.map((v) => ({
      name: v.name,
      kind: v.kind,
      host: v.hostServer.name,
      cpuCores: v.cpuCores,
      memoryMiB: v.memoryMiB,
      next: v.nextVnf?.name ?? null,
      position: pos(v.posX, v.posY),
    })),
    registries: registries.map((r) => ({
      name: r.name,
      url: r.url,
      site: r.site?.name ?? null,
      attachedTo: r.networkNode || r.edgeServer ? endpoint(r.edgeServer, r.networkNode) : null,
      position: pos(r.posX, r.posY),
    })),
    layers: layers.map((l) => ({ digest: l.digest, sizeBytes: Number(l.sizeBytes) })),
    images: images.map((i) => ({
      repository: i.repository,
      tag: i.tag,
      arch: i.arch as ScenarioDocument['images'][number]['arch'],
      manifestDigest: i.manifestDigest,
      registry: i.registry?.name ?? null,
      layers: i.layers.map((il) => il.layer.digest),
      declaredSizeBytes: num(i.declaredSizeBytes),
    })),
    services: services.map((s) => ({
      name: s.name,
      imageRef: s.imageRef,
      image: s.image ? { repository: s.image.repository, tag: s.image.tag, arch: s.image.arch as ScenarioDocument['images'][number]['arch'] } : null,
      replicas: s.replicas,
      cpuCores: s.cpuCores,
      memoryMiB: s.memoryMiB,
      bandwidthMbps: s.bandwidthMbps,
      port: s.port,
      arch: (s.arch as ScenarioDocument['services'][number]['arch']) ?? null,
      accelerator: s.accelerator,
      position: pos(s.posX, s.posY),
    })),
    dependencies: dependencies.map((d) => ({
      from: d.fromService.name,
      to: d.toService.name,
      trafficMbps: d.trafficMbps,
      chain: d.chain.map((c) => c.vnf.name),
    })),
    controllers: controllers.map((c) => ({
      name: c.name,
      kind: c.kind,
      product: c.product,
      host: c.hostServer.name,
      cpuCores: c.cpuCores,
      memoryMiB: c.memoryMiB,
      manages: {
        edgeServers: names(c.managedEdgeServers.map((m) => m.edgeServer)),
        networkNodes: names(c.managedNodes.map((m) => m.networkNode)),
        services: names(c.managedServices.map((m) => m.service)),
        vnfs: names(c.managedVnfs.map((m) => m.vnf)),
      },
      position: pos(c.posX, c.posY),
    })),
    policies: policies.map((p) => ({
      name: p.name,
      type: policyTypeFromDb(p.type),
      fraction: p.fraction,
      services: names(p.services.map((m) => m.service)),
      edgeServers: names(p.edgeServers.map((m) => m.edgeServer)),
    })),
    placementRuns: runs.map((r) => ({
      algorithm: r.algorithm,
      engine: r.engine,
      objective: r.objective as 'storage' | 'download',
      timeLimitSec: r.timeLimitSec,
      seed: r.seed,
      status: r.status as ScenarioDocument['placementRuns'][number]['status'],
      costBytes: num(r.costBytes),
      lowerBoundBytes: num(r.lowerBoundBytes),
      noSharingBytes: num(r.noSharingBytes),
      elapsedMs: r.elapsedMs,
      message: r.message,
      weights: readStoredWeights(r.weights),
      replan: r.replan,
      problem: r.problem ?? null,
      result: r.result ?? null,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      assignments: r.assignments.map((a) => ({ service: a.service.name, replica: a.replica, edgeServer: a.edgeServer.name })),
    })),
    experimentRuns: experiments.map((e) => ({
      figure: e.figure as 'containers' | 'capacity' | 'tradeoff',
      source: e.source as 'synthetic' | 'scenario',
      params: e.params as Record<string, unknown>,
      status: e.status as 'done' | 'cancelled' | 'error',
      pointsDone: e.pointsDone,
      pointsTotal: e.pointsTotal,
      points: e.points as Record<string, unknown>[],
      message: e.message,
      createdAt: e.createdAt.toISOString(),
      startedAt: e.startedAt?.toISOString() ?? null,
      finishedAt: e.finishedAt?.toISOString() ?? null,
    })),
    controlArtifacts: artifacts.map((a) => {
      const runIndex = runs.findIndex((r) => r.id === a.placementRunId);
      return {
        kind: artifactKindFromDb(a.kind),
        controller: a.controller?.name ?? null,
        version: a.version,
        summary: a.summary,
        content: a.content,
        placementRun: runIndex >= 0 ? runIndex : null,
        createdAt: a.createdAt.toISOString(),
      };
    }),
    appliedRun: appliedIndex >= 0 ? appliedIndex : null,
  });
}
