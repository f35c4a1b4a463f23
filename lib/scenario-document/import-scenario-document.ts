import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { digestArtifactContent } from '@/lib/control-plans/artifact-digest';
import { artifactKindToDb } from '@/lib/control-plans/artifact-kinds';
import { recomputeAfterChange } from '@/lib/control-plans/recompute-control-plan';
import { decodeUtf8 } from '@/lib/importers/decode-utf8';
import { POLICY_TYPES } from '@/lib/vocabulary/kinds-and-labels';
import { assertScenarioNameFree } from '@/lib/scenarios/assert-scenario-name-free';
import { formatIssuePath, scenarioDocumentSchema, type ScenarioDocument } from './scenario-document-schema';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DocumentIssue = { path: string; message: string };

/** Parses and validates a document; failures are values listing every offending path. */
export function parseScenarioDocument(input: unknown): { ok: true; document: ScenarioDocument } | { ok: false; errors: DocumentIssue[] } {
  let raw = input;
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > MAX_DOCUMENT_BYTES) {
      return { ok: false, errors: [{ path: '', message: `the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB` }] };
    }
    try {
      raw = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = scenarioDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 50).map((i) => ({ path: formatIssuePath(i.path), message: i.message })) };
  }
  return { ok: true, document: parsed.data };
}

/**
 * The whole import path from text: validate, then write in one transaction. A document that
 * fails validation is refused with its first problems by path (`INVALID_DOCUMENT`) before the
 * database is touched; `source` names the file in that message.
 */
export async function importScenarioDocumentText(db: Db, input: string | Uint8Array, options: { name?: string; source?: string } = {}): Promise<{ id: string; name: string }> {
  if (typeof input !== 'string' && input.byteLength > MAX_DOCUMENT_BYTES) {
    throw new DomainError('TOO_LARGE', `${options.source ?? 'The document'} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB.`, 'file');
  }
  // Uploaded bytes must be UTF-8: refused with the offset of the first bad byte, never patched.
  const text = typeof input === 'string' ? input : decodeUtf8(input, options.source ?? 'The document');
  const parsed = parseScenarioDocument(text);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 8).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
    const more = parsed.errors.length > 8 ? [`…and ${parsed.errors.length - 8} more problems`] : [];
    throw new DomainError(
      'INVALID_DOCUMENT',
      [`${options.source ?? 'The document'} is not a valid scenario document; nothing was imported.`, ...shown, ...more].join('\n'),
      'file',
    );
  }
  return importScenarioDocument(db, parsed.document, { name: options.name });
}

/**
 * Creates a new scenario from a validated document, in one transaction: on any failure
 * nothing is written. `name` overrides the document's scenario name (clone, import-as).
 */
export async function importScenarioDocument(db: Db, document: ScenarioDocument, options: { name?: string } = {}): Promise<{ id: string; name: string }> {
  const name = (options.name ?? document.scenario.name).trim();
  const created = await db.$transaction(
    async (tx) => {
      await assertScenarioNameFree(tx, name);
      const scenarioId = randomUUID();
      await tx.scenario.create({ data: { id: scenarioId, name, description: document.scenario.description } });
      await writeEntities(tx, scenarioId, document);
      return { id: scenarioId, name };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  // A document keeps the control plan it carries, exactly (a copy is a copy); one with an applied
  // placement and no plan (written before the control layer, or by hand) gets its plan now.
  if (document.appliedRun !== null && document.controlArtifacts.length === 0) await recomputeAfterChange(db, created.id);
  return created;
}

type Tx = Prisma.TransactionClient;

async function writeEntities(tx: Tx, scenarioId: string, doc: ScenarioDocument) {
  const ids = () => new Map<string, string>();
  const siteIds = ids();
  const serverIds = ids();
  const nodeIds = ids();
  const vnfIds = ids();
  const registryIds = ids();
  const layerIds = ids();
  const imageIds = ids();
  const serviceIds = ids();
  const idFor = (map: Map<string, string>, key: string) => {
    const id = randomUUID();
    map.set(key, id);
    return id;
  };
  const ref = (map: Map<string, string>, key: string | null) => (key === null ? null : map.get(key)!);
  const xy = (p: { x: number; y: number } | null) => ({ posX: p?.x ?? null, posY: p?.y ?? null });
  const imageKey = (i: { repository: string; tag: string; arch: string }) => `${i.repository}\u0000${i.tag}\u0000${i.arch}`;

  await tx.site.createMany({
    data: doc.sites.map((s) => ({
      id: idFor(siteIds, s.name),
      scenarioId,
      name: s.name,
      provider: s.provider,
      region: s.region,
      latitude: s.latitude,
      longitude: s.longitude,
      ...xy(s.position),
    })),
  });
  await tx.layer.createMany({
    data: doc.layers.map((l) => ({ id: idFor(layerIds, l.digest), scenarioId, digest: l.digest, sizeBytes: BigInt(l.sizeBytes) })),
  });
  await tx.edgeServer.createMany({
    data: doc.edgeServers.map((s) => ({
      id: idFor(serverIds, s.name),
      scenarioId,
      siteId: ref(siteIds, s.site),
      name: s.name,
      tier: s.tier,
      arch: s.arch,
      cpuCores: s.cpuCores,
      memoryMiB: s.memoryMiB,
      storageBytes: BigInt(s.storageBytes),
      bandwidthMbps: s.bandwidthMbps,
      accelerators: s.accelerators,
      ...xy(s.position),
    })),
  });
  await tx.edgeServerCachedLayer.createMany({
    data: doc.edgeServers.flatMap((s) => [...new Set(s.cachedLayers)].map((digest) => ({ edgeServerId: serverIds.get(s.name)!, layerId: layerIds.get(digest)! }))),
  });
  await tx.networkNode.createMany({
    data: doc.networkNodes.map((n) => ({
      id: idFor(nodeIds, n.name),
      scenarioId,
      siteId: ref(siteIds, n.site),
      name: n.name,
      kind: n.kind,
      sdnManaged: n.sdnManaged,
      latitude: n.latitude,
      longitude: n.longitude,
      ...xy(n.position),
    })),
  });
  const end = (e: { kind: 'edgeServer' | 'networkNode'; name: string }) =>
    e.kind === 'edgeServer' ? { server: serverIds.get(e.name)!, node: null } : { server: null, node: nodeIds.get(e.name)! };
  await tx.link.createMany({
    data: doc.links.map((l) => {
      const a = end(l.a);
      const b = end(l.b);
      return {
        scenarioId,
        name: l.name,
        medium: l.medium,
        bandwidthMbps: l.bandwidthMbps,
        latencyMs: l.latencyMs,
        lossPercent: l.lossPercent,
        aEdgeServerId: a.server,
        aNodeId: a.node,
        bEdgeServerId: b.server,
        bNodeId: b.node,
      };
    }),
  });
  // VNFs first without their chain, since a chain may point forward in the list.
  await tx.vnf.createMany({
    data: doc.vnfs.map((v) => ({
      id: idFor(vnfIds, v.name),
      scenarioId,
      name: v.name,
      kind: v.kind,
      hostServerId: serverIds.get(v.host)!,
      cpuCores: v.cpuCores,
      memoryMiB: v.memoryMiB,
      ...xy(v.position),
    })),
  });
  for (const v of doc.vnfs.filter((v) => v.next !== null)) {
    await tx.vnf.update({ where: { id: vnfIds.get(v.name)! }, data: { nextVnfId: vnfIds.get(v.next!)! } });
  }
  await tx.registry.createMany({
    data: doc.registries.map((r) => ({
      id: idFor(registryIds, r.name),
      scenarioId,
      name: r.name,
      url: r.url,
      siteId: ref(siteIds, r.site),
      networkNodeId: r.attachedTo?.kind === 'networkNode' ? nodeIds.get(r.attachedTo.name)! : null,
      edgeServerId: r.attachedTo?.kind === 'edgeServer' ? serverIds.get(r.attachedTo.name)! : null,
      ...xy(r.position),
    })),
  });
  await tx.image.createMany({
    data: doc.images.map((i) => ({
      id: idFor(imageIds, imageKey(i)),
      scenarioId,
      registryId: ref(registryIds, i.registry),
      repository: i.repository,
      tag: i.tag,
      arch: i.arch,
      manifestDigest: i.manifestDigest,
      declaredSizeBytes: i.declaredSizeBytes === null ? null : BigInt(i.declaredSizeBytes),
    })),
  });
  await tx.imageLayer.createMany({
    data: doc.images.flatMap((i) => i.layers.map((digest, position) => ({ imageId: imageIds.get(imageKey(i))!, position, layerId: layerIds.get(digest)! }))),
  });
  await tx.service.createMany({
    data: doc.services.map((s) => ({
      id: idFor(serviceIds, s.name),
      scenarioId,
      name: s.name,
      imageRef: s.imageRef,
      imageId: s.image ? imageIds.get(imageKey(s.image))! : null,
      replicas: s.replicas,
      cpuCores: s.cpuCores,
      memoryMiB: s.memoryMiB,
      bandwidthMbps: s.bandwidthMbps,
      port: s.port,
      arch: s.arch,
      accelerator: s.accelerator,
      ...xy(s.position),
    })),
  });
  await tx.serviceDependency.createMany({
    data: doc.dependencies.map((d) => ({ fromServiceId: serviceIds.get(d.from)!, toServiceId: serviceIds.get(d.to)!, trafficMbps: d.trafficMbps })),
  });
  await tx.serviceDependencyVnf.createMany({
    data: doc.dependencies.flatMap((d) =>
      d.chain.map((vnf, position) => ({ fromServiceId: serviceIds.get(d.from)!, toServiceId: serviceIds.get(d.to)!, position, vnfId: vnfIds.get(vnf)! })),
    ),
  });
  const controllerIds = ids();
  for (const c of doc.controllers) {
    const controllerId = idFor(controllerIds, c.name);
    await tx.controller.create({
      data: {
        id: controllerId,
        scenarioId,
        name: c.name,
        kind: c.kind,
        product: c.product,
        hostServerId: serverIds.get(c.host)!,
        cpuCores: c.cpuCores,
        memoryMiB: c.memoryMiB,
        ...xy(c.position),
      },
    });
    const uniq = (list: string[]) => [...new Set(list)];
    await tx.controllerManagedEdgeServer.createMany({ data: uniq(c.manages.edgeServers).map((n) => ({ controllerId, edgeServerId: serverIds.get(n)! })) });
    await tx.controllerManagedNetworkNode.createMany({ data: uniq(c.manages.networkNodes).map((n) => ({ controllerId, networkNodeId: nodeIds.get(n)! })) });
    await tx.controllerManagedService.createMany({ data: uniq(c.manages.services).map((n) => ({ controllerId, serviceId: serviceIds.get(n)! })) });
    await tx.controllerManagedVnf.createMany({ data: uniq(c.manages.vnfs).map((n) => ({ controllerId, vnfId: vnfIds.get(n)! })) });
  }
  for (const p of doc.policies) {
    const policyId = randomUUID();
    await tx.policy.create({ data: { id: policyId, scenarioId, name: p.name, type: POLICY_TYPES[p.type].db, fraction: p.fraction } });
    await tx.policyService.createMany({ data: [...new Set(p.services)].map((n) => ({ policyId, serviceId: serviceIds.get(n)! })) });
    await tx.policyEdgeServer.createMany({ data: [...new Set(p.edgeServers)].map((n) => ({ policyId, edgeServerId: serverIds.get(n)! })) });
  }
  const runIds: string[] = [];
  for (const r of doc.placementRuns) {
    const runId = randomUUID();
    runIds.push(runId);
    const big = (v: number | null) => (v === null ? null : BigInt(v));
    await tx.placementRun.create({
      data: {
        id: runId,
        scenarioId,
        algorithm: r.algorithm,
        engine: r.engine,
        objective: r.objective,
        timeLimitSec: r.timeLimitSec,
        seed: r.seed,
        status: r.status,
        costBytes: big(r.costBytes),
        lowerBoundBytes: big(r.lowerBoundBytes),
        noSharingBytes: big(r.noSharingBytes),
        elapsedMs: r.elapsedMs,
        message: r.message,
        weights: r.weights ?? undefined,
        replan: r.replan,
        problem: r.problem ?? undefined,
        result: r.result ?? undefined,
        createdAt: new Date(r.createdAt),
        startedAt: r.startedAt ? new Date(r.startedAt) : null,
        finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
      },
    });
    await tx.assignment.createMany({
      data: r.assignments.map((a) => ({ runId, serviceId: serviceIds.get(a.service)!, replica: a.replica, edgeServerId: serverIds.get(a.edgeServer)! })),
    });
  }
  await tx.experimentRun.createMany({
    data: doc.experimentRuns.map((e) => ({
      scenarioId,
      figure: e.figure,
      source: e.source,
      params: e.params as Prisma.InputJsonValue,
      status: e.status,
      pointsDone: e.pointsDone,
      pointsTotal: e.pointsTotal,
      points: e.points as Prisma.InputJsonValue,
      message: e.message,
      createdAt: new Date(e.createdAt),
      startedAt: e.startedAt ? new Date(e.startedAt) : null,
      finishedAt: e.finishedAt ? new Date(e.finishedAt) : null,
    })),
  });
  await tx.controlArtifact.createMany({
    data: doc.controlArtifacts.map((a) => ({
      scenarioId,
      controllerId: ref(controllerIds, a.controller),
      kind: artifactKindToDb(a.kind),
      version: a.version,
      summary: a.summary,
      content: a.content as Prisma.InputJsonValue,
      digest: digestArtifactContent(a.content),
      placementRunId: a.placementRun === null ? null : runIds[a.placementRun],
      createdAt: new Date(a.createdAt),
    })),
  });
  if (doc.appliedRun !== null) {
    await tx.scenario.update({ where: { id: scenarioId }, data: { appliedRunId: runIds[doc.appliedRun] } });
  }
}
