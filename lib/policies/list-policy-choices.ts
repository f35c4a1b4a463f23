import type { Db } from '@/lib/db';

/** What a policy can name in this scenario: its services (with replica counts, since policies
 * act on replicas) and its edge servers (with their sites, which spread depends on). */
export async function listPolicyChoices(db: Db, scenarioId: string) {
  const [services, edgeServers] = await Promise.all([
    db.service.findMany({ where: { scenarioId }, orderBy: { name: 'asc' }, select: { name: true, replicas: true } }),
    db.edgeServer.findMany({ where: { scenarioId }, orderBy: { name: 'asc' }, select: { name: true, site: { select: { name: true } } } }),
  ]);
  return {
    services: services.map((s) => ({ name: s.name, replicas: s.replicas })),
    edgeServers: edgeServers.map((e) => ({ name: e.name, site: e.site?.name ?? null })),
  };
}

export type PolicyChoices = Awaited<ReturnType<typeof listPolicyChoices>>;
