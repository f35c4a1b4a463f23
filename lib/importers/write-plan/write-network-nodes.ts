import type { Prisma } from '@/lib/generated/prisma/client';
import type { PlannedNetworkNode } from '../import-plan';
import { mergeByName, type Merged } from './merge-by-name';
import type { SiteIdOf } from './write-sites';

/** Merges the planned network nodes by name; a re-import keeps the SDN flag when the file does not state it. */
export function writeNetworkNodes(tx: Prisma.TransactionClient, scenarioId: string, planned: readonly PlannedNetworkNode[], siteIdOf: SiteIdOf): Promise<Merged> {
  return mergeByName({
    planned,
    find: (names) => tx.networkNode.findMany({ where: { scenarioId, name: { in: names } } }),
    data: (n, old) => ({ siteId: siteIdOf(n.site), kind: n.kind, latitude: n.latitude, longitude: n.longitude, sdnManaged: n.sdnManaged ?? old?.sdnManaged ?? false }),
    update: (old, data) => tx.networkNode.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }),
    create: (rows) => tx.networkNode.createMany({ data: rows.map((row) => ({ ...row, scenarioId })) }),
  });
}
