import type { Db } from '@/lib/db';

export async function listNetwork(db: Db, scenarioId: string) {
  const [nodes, links, vnfs] = await Promise.all([
    db.networkNode.findMany({ where: { scenarioId }, orderBy: { name: 'asc' }, include: { site: { select: { name: true } } } }),
    db.link.findMany({
      where: { scenarioId },
      orderBy: { name: 'asc' },
      include: { aEdgeServer: { select: { name: true } }, aNode: { select: { name: true } }, bEdgeServer: { select: { name: true } }, bNode: { select: { name: true } } },
    }),
    db.vnf.findMany({
      where: { scenarioId },
      orderBy: { name: 'asc' },
      include: {
        hostServer: { select: { name: true } },
        nextVnf: { select: { name: true } },
        managedBy: { select: { controller: { select: { name: true } } } },
        inChains: { select: { dependency: { select: { fromService: { select: { name: true } }, toService: { select: { name: true } } } } } },
      },
    }),
  ]);
  return {
    nodes: nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, site: n.site?.name ?? null, sdnManaged: n.sdnManaged })),
    links: links.map((l) => ({
      id: l.id,
      name: l.name,
      medium: l.medium,
      a: l.aEdgeServer?.name ?? l.aNode?.name ?? '?',
      b: l.bEdgeServer?.name ?? l.bNode?.name ?? '?',
      bandwidthMbps: l.bandwidthMbps,
      latencyMs: l.latencyMs,
      lossPercent: l.lossPercent,
    })),
    vnfs: vnfs.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind,
      host: v.hostServer.name,
      hostServerId: v.hostServerId,
      next: v.nextVnf?.name ?? null,
      cpuCores: v.cpuCores,
      memoryMiB: v.memoryMiB,
      managedBy: v.managedBy.map((m) => m.controller.name).sort(),
      /** The dependencies whose service function chain crosses it, as "caller → callee". */
      inChains: [...new Set(v.inChains.map((c) => `${c.dependency.fromService.name} → ${c.dependency.toService.name}`))].sort(),
    })),
  };
}
