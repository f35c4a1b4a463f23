import type { Db } from '@/lib/db';

/** Every service dependency of the scenario (caller → callee) with the VNFs its traffic crosses, in order. */
export async function listServiceChains(db: Db, scenarioId: string) {
  const rows = await db.serviceDependency.findMany({
    where: { fromService: { scenarioId } },
    orderBy: [{ fromService: { name: 'asc' } }, { toService: { name: 'asc' } }],
    select: {
      fromServiceId: true,
      toServiceId: true,
      version: true,
      trafficMbps: true,
      fromService: { select: { name: true } },
      toService: { select: { name: true } },
      chain: { orderBy: { position: 'asc' }, select: { vnf: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((d) => ({
    fromServiceId: d.fromServiceId,
    toServiceId: d.toServiceId,
    from: d.fromService.name,
    to: d.toService.name,
    version: d.version,
    trafficMbps: d.trafficMbps,
    chain: d.chain.map((c) => c.vnf),
  }));
}
