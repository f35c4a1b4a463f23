import type { Db } from '@/lib/db';

export async function listControllers(db: Db, scenarioId: string) {
  const rows = await db.controller.findMany({
    where: { scenarioId },
    orderBy: { name: 'asc' },
    include: {
      hostServer: { select: { name: true } },
      _count: { select: { managedEdgeServers: true, managedNodes: true, managedServices: true, managedVnfs: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    product: c.product,
    host: c.hostServer.name,
    manages: { edgeServers: c._count.managedEdgeServers, networkNodes: c._count.managedNodes, services: c._count.managedServices, vnfs: c._count.managedVnfs },
  }));
}
