import type { Prisma } from '@/lib/generated/prisma/client';
import type { PlannedEdgeServer } from '../import-plan';
import { mergeByName, type Merged } from './merge-by-name';
import type { SiteIdOf } from './write-sites';

/**
 * Merges the planned edge servers by name. A field the file did not give (`defaulted`) stays as the
 * scenario holds it; a new server takes the planner's default.
 */
export function writeEdgeServers(tx: Prisma.TransactionClient, scenarioId: string, planned: readonly PlannedEdgeServer[], siteIdOf: SiteIdOf): Promise<Merged> {
  return mergeByName({
    planned,
    find: (names) => tx.edgeServer.findMany({ where: { scenarioId, name: { in: names } } }),
    data: (s, old) => {
      const keep = new Set(s.defaulted ?? []);
      return {
        siteId: old && keep.has('site') ? old.siteId : siteIdOf(s.site),
        tier: old && keep.has('tier') ? old.tier : s.tier,
        arch: old && keep.has('arch') ? old.arch : s.arch,
        cpuCores: old && keep.has('cpuCores') ? old.cpuCores : s.cpuCores,
        memoryMiB: old && keep.has('memoryMiB') ? old.memoryMiB : s.memoryMiB,
        storageBytes: old && keep.has('storageBytes') ? old.storageBytes : s.storageBytes,
        bandwidthMbps: old && keep.has('bandwidthMbps') ? old.bandwidthMbps : s.bandwidthMbps,
        accelerators: old && keep.has('accelerators') ? old.accelerators : s.accelerators,
      };
    },
    update: (old, data) => tx.edgeServer.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }),
    create: (rows) => tx.edgeServer.createMany({ data: rows.map((row) => ({ ...row, scenarioId })) }),
  });
}
