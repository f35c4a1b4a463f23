import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import type { EndpointRef, PlannedLink } from '../import-plan';
import { mergeByName, type EntityCounts } from './merge-by-name';

/** Names to ids of the edge servers and network nodes the import has written. */
export type EndpointIds = { edgeServers: Map<string, string>; networkNodes: Map<string, string> };

/**
 * Merges the planned links by name. A link may end at a server or node the file does not plan but
 * the scenario has; one that ends at neither is refused.
 */
export async function writeLinks(tx: Prisma.TransactionClient, scenarioId: string, planned: readonly PlannedLink[], written: EndpointIds): Promise<EntityCounts> {
  if (planned.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const endpoints = await readEndpointIds(tx, scenarioId, planned, written);
  const end = (e: EndpointRef) => {
    const id = (e.kind === 'edgeServer' ? endpoints.edgeServers : endpoints.networkNodes).get(e.name);
    if (!id) throw new DomainError('INVALID_INPUT', `a link refers to unknown ${e.kind === 'edgeServer' ? 'edge server' : 'network node'} "${e.name}"`, 'file');
    return e.kind === 'edgeServer' ? { server: id, node: null } : { server: null, node: id };
  };
  const { counts } = await mergeByName({
    planned,
    find: (names) => tx.link.findMany({ where: { scenarioId, name: { in: names } } }),
    data: (l) => {
      const a = end(l.a);
      const b = end(l.b);
      return {
        medium: l.medium,
        bandwidthMbps: l.bandwidthMbps,
        latencyMs: l.latencyMs,
        lossPercent: l.lossPercent ?? 0,
        aEdgeServerId: a.server,
        aNodeId: a.node,
        bEdgeServerId: b.server,
        bNodeId: b.node,
      };
    },
    update: (old, data) => tx.link.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }),
    create: (rows) => tx.link.createMany({ data: rows.map((row) => ({ ...row, scenarioId })) }),
  });
  return counts;
}

/** The written ids, plus those of the scenario's servers and nodes the links name and the file does not plan. */
async function readEndpointIds(tx: Prisma.TransactionClient, scenarioId: string, planned: readonly PlannedLink[], written: EndpointIds): Promise<EndpointIds> {
  const edgeServers = new Map(written.edgeServers);
  const networkNodes = new Map(written.networkNodes);
  const ends = planned.flatMap((l) => [l.a, l.b]);
  const missingServers = ends.filter((e) => e.kind === 'edgeServer' && !edgeServers.has(e.name)).map((e) => e.name);
  const missingNodes = ends.filter((e) => e.kind === 'networkNode' && !networkNodes.has(e.name)).map((e) => e.name);
  if (missingServers.length)
    for (const s of await tx.edgeServer.findMany({ where: { scenarioId, name: { in: missingServers } }, select: { id: true, name: true } })) edgeServers.set(s.name, s.id);
  if (missingNodes.length)
    for (const n of await tx.networkNode.findMany({ where: { scenarioId, name: { in: missingNodes } }, select: { id: true, name: true } })) networkNodes.set(n.name, n.id);
  return { edgeServers, networkNodes };
}
