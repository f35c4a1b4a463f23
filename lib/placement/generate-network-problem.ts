import type { Container, Dependency, Layer, NetworkSection, ObjectiveWeights, PlacementProblem, Server } from './types';

/** A service of the application; `scalable` services take the replicas beyond one each. */
export type ServiceSpec = { name: string; image: string; dependsOn: string[]; scalable: boolean };

export type NetworkProblemSpec = {
  /** the edge servers by id, with the site each stands at */
  servers: { id: string; site: string }[];
  /** measured on the topology (placement-runs' measureNetworkSection), for these server ids */
  network: NetworkSection;
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
};

/**
 * A version-2 placement problem for a microservice application on a measured network: every
 * service once, the replicas beyond that round-robin over the scalable services, a dependency
 * per `dependsOn` with the same traffic, servers sized from the demand.
 */
export function generateNetworkProblem(spec: NetworkProblemSpec): PlacementProblem {
  if (spec.containers < spec.services.length) throw new RangeError(`${spec.containers} containers cannot run ${spec.services.length} services once each`);
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
  const share = (total: number) => (total * 1.6 * scale) / spec.servers.length;
  const servers: Server[] = spec.servers.map(({ id, site }) => ({
    id,
    site,
    storage: Math.round(((spec.diskScale ?? 1) * noSharingBytes) / spec.servers.length),
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
    network: spec.network,
    dependencies,
  };
}
