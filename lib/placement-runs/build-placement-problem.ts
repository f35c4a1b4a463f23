import type { Db } from '@/lib/db';
import { MAX_CONTAINERS, MAX_PROBLEM_LAYER_REFERENCES } from '@/lib/limits/size-limits';
import { policyTypeFromDb } from '@/lib/vocabulary/kinds-and-labels';
import { parsePlacementProblem, type ProblemError } from '@/lib/placement/problem-schema';
import type { Objective, PlacementProblem, Policy } from '@/lib/placement/types';

/** Where each container of the problem came from, to map a result back to the scenario. */
type ContainerOrigin = { serviceId: string; service: string; replica: number };

export type BuiltProblem =
  | { ok: true; problem: PlacementProblem; origins: Record<string, ContainerOrigin>; edgeServerIds: Record<string, string> }
  | { ok: false; reason: 'missing-layer-data'; services: { name: string; imageRef: string }[] }
  | { ok: false; reason: 'no-edge-servers' }
  | { ok: false; reason: 'too-large'; containers: number; layerReferences: number }
  | { ok: false; reason: 'invalid'; errors: ProblemError[] };

/** `web-0`, `web-1`…: the name Kubernetes would give replica `r` of a StatefulSet. */
function containerIdOf(service: string, replica: number): string {
  return `${service}-${replica}`;
}

/**
 * The scenario as a PlacementProblem (docs/placement-format.md): every replica of every service is a
 * container with its image's layers; edge servers keep their site, capacities, arch,
 * accelerators and cached layers; scenario policies over services become policies over their
 * replicas. VNFs and controllers run on edge servers too: their cpu and memory are taken off
 * their host's capacity. A service whose image has no layer data blocks the build: counting it as zero bytes
 * would make every answer look better than it is.
 */
export async function buildPlacementProblem(db: Db, scenarioId: string, objective: Objective = 'storage'): Promise<BuiltProblem> {
  // Counted in SQL first: a scenario too large to hold as a problem is refused with a sentence
  // before a single row of it is loaded (every Placement page render builds the problem).
  const [size] = await db.$queryRaw<{ containers: number; refs: number }[]>`
    SELECT coalesce(sum(s.replicas::bigint), 0)::float8 AS containers,
           coalesce(sum(s.replicas::bigint * greatest(1, (SELECT count(*) FROM "ImageLayer" il WHERE il."imageId" = s."imageId"))), 0)::float8 AS refs
      FROM "Service" s WHERE s."scenarioId" = ${scenarioId}`;
  if (size.containers > MAX_CONTAINERS || size.refs > MAX_PROBLEM_LAYER_REFERENCES) {
    return { ok: false, reason: 'too-large', containers: size.containers, layerReferences: size.refs };
  }
  const [servers, services, policies, layers] = await Promise.all([
    db.edgeServer.findMany({
      where: { scenarioId },
      orderBy: { name: 'asc' },
      include: {
        site: { select: { name: true } },
        cachedLayers: { include: { layer: { select: { digest: true } } } },
        vnfs: { select: { cpuCores: true, memoryMiB: true } },
        controllers: { select: { cpuCores: true, memoryMiB: true } },
      },
    }),
    db.service.findMany({
      where: { scenarioId },
      orderBy: { name: 'asc' },
      include: { image: { include: { layers: { orderBy: { position: 'asc' }, include: { layer: { select: { digest: true } } } } } } },
    }),
    db.policy.findMany({
      where: { scenarioId },
      orderBy: { name: 'asc' },
      include: { services: { include: { service: { select: { name: true, replicas: true } } } }, edgeServers: { include: { edgeServer: { select: { name: true } } } } },
    }),
    db.layer.findMany({ where: { scenarioId }, select: { digest: true, sizeBytes: true } }),
  ]);

  // An image known only by a size the planner entered counts as one opaque layer of that size:
  // it can be placed and costed, but shares nothing with other images.
  const declaredDigest = (imageId: string) => `declared-size:${imageId}`;
  const layersOf = (service: (typeof services)[number]) =>
    service.image?.layers.length
      ? service.image.layers.map((l) => l.layer.digest)
      : service.image?.declaredSizeBytes !== null && service.image?.declaredSizeBytes !== undefined
        ? [declaredDigest(service.image.id)]
        : null;
  const missing = services.filter((s) => s.replicas > 0 && layersOf(s) === null);
  if (missing.length > 0) {
    return { ok: false, reason: 'missing-layer-data', services: missing.map((s) => ({ name: s.name, imageRef: s.imageRef })) };
  }
  if (servers.length === 0) return { ok: false, reason: 'no-edge-servers' };

  const origins: Record<string, ContainerOrigin> = {};
  const containers: PlacementProblem['containers'] = [];
  const used = new Set<string>();
  for (const service of services) {
    const digests = layersOf(service) ?? [];
    for (let replica = 0; replica < service.replicas; replica += 1) {
      const id = containerIdOf(service.name, replica);
      origins[id] = { serviceId: service.id, service: service.name, replica };
      containers.push({
        id,
        image: service.imageRef,
        layers: digests,
        cpu: service.cpuCores,
        memory: service.memoryMiB,
        bandwidth: service.bandwidthMbps,
        // An image's layers are built for one architecture: the container runs where it does.
        arch: service.arch ?? service.image!.arch,
        ...(service.accelerator ? { accelerator: service.accelerator } : {}),
      });
      digests.forEach((d) => used.add(d));
    }
  }
  for (const server of servers) server.cachedLayers.forEach((c) => used.add(c.layer.digest));

  const replicasOf = (list: { service: { name: string; replicas: number } }[]) =>
    list.flatMap(({ service }) => Array.from({ length: service.replicas }, (_, r) => containerIdOf(service.name, r)));
  const problemPolicies: Policy[] = [];
  for (const policy of policies) {
    const type = policyTypeFromDb(policy.type);
    const members = replicasOf(policy.services);
    const edgeServerNames = policy.edgeServers.map((e) => e.edgeServer.name).sort();
    if (type === 'max-utilisation') {
      problemPolicies.push({ type, fraction: policy.fraction ?? 1, ...(edgeServerNames.length ? { servers: edgeServerNames } : {}) });
    } else if (type === 'pin') {
      for (const container of members) problemPolicies.push({ type, container, servers: edgeServerNames });
    } else if (members.length >= 2) {
      // With fewer than two replicas the relation constrains nothing.
      problemPolicies.push({ type, containers: members });
    }
  }

  const declared = new Map<string, number>();
  for (const service of services) {
    if (service.image && service.image.layers.length === 0 && service.image.declaredSizeBytes !== null) {
      declared.set(declaredDigest(service.image.id), Number(service.image.declaredSizeBytes));
    }
  }
  const problem = {
    version: 1 as const,
    objective,
    layers: [
      ...layers.filter((l) => used.has(l.digest)).map((l) => ({ digest: l.digest, size: Number(l.sizeBytes) })),
      ...[...declared].map(([digest, size]) => ({ digest, size })),
    ].sort((a, b) => (a.digest < b.digest ? -1 : 1)),
    servers: servers.map((s) => ({
      id: s.name,
      ...(s.site ? { site: s.site.name } : {}),
      storage: Number(s.storageBytes),
      // What is left for containers once the VNFs and controllers hosted here have theirs; an
      // overcommitted host has nothing left (never a negative capacity).
      cpu: Math.max(0, s.cpuCores - sum([...s.vnfs, ...s.controllers], (x) => x.cpuCores)),
      memory: Math.max(0, s.memoryMiB - sum([...s.vnfs, ...s.controllers], (x) => x.memoryMiB)),
      bandwidth: s.bandwidthMbps,
      arch: s.arch,
      accelerators: s.accelerators,
      cachedLayers: s.cachedLayers.map((c) => c.layer.digest).sort(),
    })),
    containers,
    policies: problemPolicies,
  };
  const parsed = parsePlacementProblem(problem);
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  return { ok: true, problem: parsed.problem, origins, edgeServerIds: Object.fromEntries(servers.map((s) => [s.name, s.id])) };
}

const sum = <T>(list: T[], of: (item: T) => number) => list.reduce((total, item) => total + of(item), 0);

/** The sentence a person reads when a problem cannot be built. */
export function describeBuildFailure(built: Exclude<BuiltProblem, { ok: true }>): string {
  switch (built.reason) {
    case 'missing-layer-data':
      return `No layer data for the image of ${built.services.map((s) => `${s.name} (${s.imageRef})`).join(', ')}. Import its image manifest so its layers are known, or enter its size on the Images page; placement never counts an image as zero bytes.`;
    case 'no-edge-servers':
      return 'This scenario has no edge servers to place containers on.';
    case 'too-large':
      return built.containers > MAX_CONTAINERS
        ? `This scenario has ${built.containers} containers (replicas of all services); a placement problem holds at most ${MAX_CONTAINERS}. Lower some replica counts.`
        : `This scenario's containers name ${built.layerReferences} image layers in all; a placement problem holds at most ${MAX_PROBLEM_LAYER_REFERENCES}. Lower some replica counts.`;
    case 'invalid':
      return `The scenario does not make a valid placement problem: ${built.errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`;
  }
}
