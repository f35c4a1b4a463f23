import type { Db } from '@/lib/db';
import { MAX_CONTAINERS, MAX_PROBLEM_LAYER_REFERENCES } from '@/lib/limits/size-limits';
import { policyTypeFromDb } from '@/lib/vocabulary/kinds-and-labels';
import { parsePlacementProblem, type ProblemError } from '@/lib/placement/problem-schema';
import type { Dependency, Objective, ObjectiveWeights, PlacementProblem, Policy } from '@/lib/placement/types';
import { measureNetworkSection } from './measure-network-section';
import { readCurrentPlacement } from './read-current-placement';
import { readScenarioTopology } from './read-scenario-topology';

/** Where each container of the problem came from, to map a result back to the scenario. */
type ContainerOrigin = { serviceId: string; service: string; replica: number };

export type BuiltProblem =
  | { ok: true; problem: PlacementProblem; origins: Record<string, ContainerOrigin>; edgeServerIds: Record<string, string> }
  | { ok: false; reason: 'missing-layer-data'; services: { name: string; imageRef: string }[] }
  | { ok: false; reason: 'no-edge-servers' }
  | { ok: false; reason: 'too-large'; containers: number; layerReferences: number }
  | { ok: false; reason: 'no-network'; needs: 'startup' | 'traffic' }
  | { ok: false; reason: 'no-registry' }
  | { ok: false; reason: 'no-applied-placement' }
  | { ok: false; reason: 'invalid'; errors: ProblemError[] };

/**
 * What makes a problem version 2 (docs/placement-format.md): the objective's weights (exchange
 * rates into bytes), and whether it re-plans the applied placement. Neither: version 1, as before.
 */
export type NetworkRequest = { weights?: ObjectiveWeights; replan?: boolean };

/** A re-plan without weights of its own: bytes stored, and moves counted at a byte per byte. */
export const REPLAN_WEIGHTS: ObjectiveWeights = { storage: 1, startup: 0, traffic: 0, moves: 1 };

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
 *
 * With weights or a re-plan (`request`) the problem is version 2: each container names its
 * service, and the network, the dependencies and the applied placement come along
 * (addNetworkSections below). Without either it is the version-1 problem it always was.
 */
export async function buildPlacementProblem(db: Db, scenarioId: string, objective: Objective = 'storage', request: NetworkRequest = {}): Promise<BuiltProblem> {
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

  const versionTwo = request.weights !== undefined || request.replan === true;
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
        ...(versionTwo ? { service: service.name } : {}),
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
  const base: PlacementProblem = {
    version: 1,
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
  let problem = base;
  if (versionTwo) {
    const withNetwork = await addNetworkSections(db, scenarioId, base, request);
    if (!withNetwork.ok) return withNetwork;
    problem = withNetwork.problem;
  }
  const parsed = parsePlacementProblem(problem);
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  return { ok: true, problem: parsed.problem, origins, edgeServerIds: Object.fromEntries(servers.map((s) => [s.name, s.id])) };
}

const sum = <T>(list: T[], of: (item: T) => number) => list.reduce((total, item) => total + of(item), 0);

/**
 * The version-2 sections: the network measured on the scenario's topology (pull paths to the
 * registries, latencies between edge servers: measure-network-section.ts), the service
 * dependencies with their traffic and chains, and, when re-planning, the applied placement.
 * Moves count only in a re-plan: without one the moves weight is taken as 0 (a problem without a
 * current placement cannot weigh them). A weight whose input the scenario lacks is refused with
 * what to add, rather than solved as if the term were zero.
 */
async function addNetworkSections(db: Db, scenarioId: string, base: PlacementProblem, request: NetworkRequest): Promise<BuiltProblem | { ok: true; problem: PlacementProblem }> {
  const given = request.weights ?? REPLAN_WEIGHTS;
  const weights: ObjectiveWeights = { ...given, moves: request.replan ? given.moves : 0 };
  const [topology, dependencies, current] = await Promise.all([
    readScenarioTopology(db, scenarioId),
    readDependencies(db, scenarioId, new Set(base.containers.map((c) => c.service!))),
    request.replan ? readCurrentPlacement(db, scenarioId) : Promise.resolve(null),
  ]);
  if (request.replan && !current) return { ok: false, reason: 'no-applied-placement' };
  // Without a single link nothing reaches anything: no network to measure.
  const network = topology.links.length > 0 ? measureNetworkSection(topology) : null;
  if (!network && weights.startup > 0) return { ok: false, reason: 'no-network', needs: 'startup' };
  if (!network && weights.traffic > 0) return { ok: false, reason: 'no-network', needs: 'traffic' };
  if (weights.startup > 0 && network!.pulls.length === 0) return { ok: false, reason: 'no-registry' };
  return {
    ok: true,
    problem: {
      ...base,
      version: 2,
      weights,
      ...(network ? { network, dependencies } : {}),
      ...(current ? { current: { assignment: current.assignment, movePenaltyBytes: movePenaltyBytes(base) } } : {}),
    },
  };
}

/**
 * Dependencies between services that have replicas in the problem (one without replicas has
 * nothing to place, and the engine refuses a dependency on it), with `via` the edge servers
 * hosting the VNFs of the dependency's service chain, in chain order.
 */
async function readDependencies(db: Db, scenarioId: string, placed: ReadonlySet<string>): Promise<Dependency[]> {
  const rows = await db.serviceDependency.findMany({
    where: { fromService: { scenarioId } },
    select: {
      trafficMbps: true,
      fromService: { select: { name: true } },
      toService: { select: { name: true } },
      chain: { orderBy: { position: 'asc' }, select: { vnf: { select: { hostServer: { select: { name: true } } } } } },
    },
  });
  return rows
    .filter((d) => placed.has(d.fromService.name) && placed.has(d.toService.name))
    .map((d) => ({
      from: d.fromService.name,
      to: d.toService.name,
      trafficMbps: d.trafficMbps,
      ...(d.chain.length ? { via: d.chain.map((c) => c.vnf.hostServer.name) } : {}),
    }))
    .sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
}

/**
 * What one move costs on top of the bytes its new server pulls: twice the largest image any
 * container runs. Moving a replica can save at most its own image's bytes of storage, so with a
 * moves weight of 1 a move never pays for itself through storage alone (with the image's size
 * only, a replica alone on its server moving beside a twin would tie), while start-up time or
 * traffic weighted above that can still justify one.
 */
function movePenaltyBytes(problem: PlacementProblem): number {
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  let largest = 0;
  for (const c of problem.containers)
    largest = Math.max(
      largest,
      sum([...new Set(c.layers)], (d) => size.get(d) ?? 0),
    );
  return 2 * largest;
}

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
    case 'no-network':
      return `${built.needs === 'startup' ? 'Start-up time' : 'Traffic cost'} is measured over the network, and this scenario has no links: connect the edge servers to network nodes on the Architecture page, or give ${built.needs === 'startup' ? 'start-up' : 'traffic'} a weight of 0.`;
    case 'no-registry':
      return 'Start-up time is measured from the registries the edge servers pull from, and no edge server reaches one: attach a registry to a network node or an edge server on the Architecture page (drag from the registry to it), or give start-up a weight of 0.';
    case 'no-applied-placement':
      return 'Re-planning moves the applied placement as little as it can, and this scenario has none: run a placement and apply it first.';
    case 'invalid':
      return `The scenario does not make a valid placement problem: ${built.errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`;
  }
}
