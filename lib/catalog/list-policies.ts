import type { Db } from '@/lib/db';
import { policyTypeFromDb } from '@/lib/vocabulary/kinds-and-labels';

export async function listPolicies(db: Db, scenarioId: string) {
  const rows = await db.policy.findMany({
    where: { scenarioId },
    orderBy: { name: 'asc' },
    include: { services: { include: { service: { select: { name: true } } } }, edgeServers: { include: { edgeServer: { select: { name: true } } } } },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    type: policyTypeFromDb(p.type),
    fraction: p.fraction,
    version: p.version,
    services: p.services.map((s) => s.service.name).sort(),
    edgeServers: p.edgeServers.map((s) => s.edgeServer.name).sort(),
  }));
}
