import type { Db } from '@/lib/db';
import type { Topology } from './measure-network-section';

/** The scenario's topology by name, as measureNetworkSection reads it. */
export async function readScenarioTopology(db: Db, scenarioId: string): Promise<Topology> {
  const where = { scenarioId };
  const name = { select: { name: true } } as const;
  const [servers, nodes, links, registries] = await Promise.all([
    db.edgeServer.findMany({ where, orderBy: { name: 'asc' }, select: { name: true, bandwidthMbps: true } }),
    db.networkNode.findMany({ where, orderBy: { name: 'asc' }, select: { name: true } }),
    db.link.findMany({
      where,
      orderBy: { name: 'asc' },
      select: { name: true, bandwidthMbps: true, latencyMs: true, aEdgeServer: name, aNode: name, bEdgeServer: name, bNode: name },
    }),
    db.registry.findMany({ where, orderBy: { name: 'asc' }, select: { name: true, networkNode: name, edgeServer: name } }),
  ]);
  const end = (server: { name: string } | null, node: { name: string } | null) =>
    server ? { kind: 'edgeServer' as const, name: server.name } : { kind: 'networkNode' as const, name: node!.name };
  return {
    edgeServers: servers,
    networkNodes: nodes,
    links: links.map((l) => ({ name: l.name, bandwidthMbps: l.bandwidthMbps, latencyMs: l.latencyMs, a: end(l.aEdgeServer, l.aNode), b: end(l.bEdgeServer, l.bNode) })),
    registries: registries.map((r) => ({ name: r.name, attachedTo: r.networkNode || r.edgeServer ? end(r.edgeServer, r.networkNode) : null })),
  };
}
