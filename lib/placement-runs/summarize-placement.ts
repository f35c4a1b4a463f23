import { evaluate, placedOn } from '@/lib/placement/evaluate';
import type { Assignment, PlacementProblem } from '@/lib/placement/types';

export type EdgeServerUsage = {
  edgeServer: string;
  site: string | null;
  containers: string[];
  cpu: { used: number; capacity: number };
  memory: { used: number; capacity: number };
  bandwidth: { used: number; capacity: number };
  /** bytes on disk, cached layers included */
  storageSharing: number;
  storageNoSharing: number;
  storageCapacity: number;
  layers: { digest: string; size: number; usedBy: number; cached: boolean }[];
};

/** Per edge server: what a placement puts there, with and without layer sharing. */
export function summarizePlacement(problem: PlacementProblem, assignment: Assignment): EdgeServerUsage[] {
  const sharing = evaluate(problem, assignment, 'sharing');
  const noSharing = evaluate(problem, assignment, 'no-sharing');
  const size = new Map(problem.layers.map((l) => [l.digest, l.size]));
  const byServer = new Map<string, PlacementProblem['containers']>();
  for (const container of problem.containers) {
    const server = placedOn(assignment, container.id);
    if (!server) continue;
    if (!byServer.has(server)) byServer.set(server, []);
    byServer.get(server)!.push(container);
  }
  return problem.servers.map((server) => {
    const placed = byServer.get(server.id) ?? [];
    const cached = new Set(server.cachedLayers ?? []);
    const usedBy = new Map<string, number>();
    for (const c of placed) for (const d of new Set(c.layers)) usedBy.set(d, (usedBy.get(d) ?? 0) + 1);
    const digests = new Set([...cached, ...usedBy.keys()]);
    const sum = (f: (c: PlacementProblem['containers'][number]) => number) => placed.reduce((acc, c) => acc + f(c), 0);
    return {
      edgeServer: server.id,
      site: server.site ?? null,
      containers: placed.map((c) => c.id),
      cpu: { used: sum((c) => c.cpu), capacity: server.cpu },
      memory: { used: sum((c) => c.memory), capacity: server.memory },
      bandwidth: { used: sum((c) => c.bandwidth), capacity: server.bandwidth },
      storageSharing: sharing.storageUsed[server.id] ?? [...cached].reduce((a, d) => a + (size.get(d) ?? 0), 0),
      storageNoSharing: noSharing.storageUsed[server.id] ?? [...cached].reduce((a, d) => a + (size.get(d) ?? 0), 0),
      storageCapacity: server.storage,
      layers: [...digests].map((digest) => ({ digest, size: size.get(digest) ?? 0, usedBy: usedBy.get(digest) ?? 0, cached: cached.has(digest) })).sort((a, b) => b.size - a.size),
    };
  });
}
