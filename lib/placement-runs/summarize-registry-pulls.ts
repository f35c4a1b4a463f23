import { chooseRegistry, pullSeconds } from '@/lib/placement/terms/compute-startup-timeline';
import type { NetworkSection, RegistryPath } from '@/lib/placement/types';
import type { Topology } from './measure-network-section';

/** The pull the Network page times each server's best registry by: 1 GiB, in the units the page shows. */
export const REFERENCE_PULL_BYTES = 2 ** 30;

export type RegistryReach = {
  name: string;
  attachedTo: Topology['registries'][number]['attachedTo'];
  /** edge servers with a path to it */
  reachedBy: number;
  /** edge servers for which it is the fastest for the reference pull */
  fastestFor: number;
};

export type ServerPull = {
  server: string;
  /** the registry the reference pull comes from soonest (null: the server reaches none) */
  registry: string | null;
  bandwidthMbps: number | null;
  latencyMs: number | null;
  /** the nodes a pull crosses, from the server to the registry */
  path: string[];
  /** seconds for the reference pull from that registry */
  referenceSeconds: number | null;
  /** registries the server reaches at all */
  reachable: number;
};

export type RegistryPullSummary = {
  referenceBytes: number;
  registries: RegistryReach[];
  servers: ServerPull[];
  /** servers that reach no registry: they can only run containers whose layers they hold */
  cutOff: string[];
  /** registries attached to nothing, which no pull can use */
  unattached: string[];
};

/**
 * What a planner reads before a network-aware placement: which registry each edge server pulls
 * from, over which path and how fast, chosen as the start-up term chooses (the path that
 * finishes the pull soonest), and the servers and registries left out of every pull.
 */
export function summarizeRegistryPulls(topology: Topology, measured: Pick<NetworkSection, 'pulls'>, referenceBytes: number = REFERENCE_PULL_BYTES): RegistryPullSummary {
  const byServer = new Map<string, RegistryPath[]>();
  for (const p of measured.pulls) {
    const paths = byServer.get(p.server);
    if (paths) paths.push(p);
    else byServer.set(p.server, [p]);
  }
  const reachedBy = new Map<string, number>();
  const fastestFor = new Map<string, number>();
  const servers: ServerPull[] = topology.edgeServers.map(({ name }) => {
    const paths = byServer.get(name) ?? [];
    for (const p of paths) reachedBy.set(p.registry, (reachedBy.get(p.registry) ?? 0) + 1);
    const best = chooseRegistry(paths, referenceBytes);
    if (!best) return { server: name, registry: null, bandwidthMbps: null, latencyMs: null, path: [], referenceSeconds: null, reachable: 0 };
    fastestFor.set(best.registry, (fastestFor.get(best.registry) ?? 0) + 1);
    return {
      server: name,
      registry: best.registry,
      bandwidthMbps: best.bandwidthMbps,
      latencyMs: best.latencyMs,
      path: best.path ?? [],
      referenceSeconds: pullSeconds(best, referenceBytes),
      reachable: paths.length,
    };
  });
  return {
    referenceBytes,
    registries: topology.registries.map((r) => ({ name: r.name, attachedTo: r.attachedTo, reachedBy: reachedBy.get(r.name) ?? 0, fastestFor: fastestFor.get(r.name) ?? 0 })),
    servers,
    cutOff: servers.filter((s) => s.registry === null).map((s) => s.server),
    unattached: topology.registries.filter((r) => r.attachedTo === null).map((r) => r.name),
  };
}
