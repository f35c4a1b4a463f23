import type { Db } from '@/lib/db';

export type ScenarioSummary = {
  id: string;
  name: string;
  description: string;
  updatedAt: string;
  counts: { edgeServers: number; networkNodes: number; links: number; services: number; images: number; controllers: number };
};

export async function listScenarios(db: Db): Promise<ScenarioSummary[]> {
  const rows = await db.scenario.findMany({
    orderBy: { name: 'asc' },
    include: { _count: { select: { edgeServers: true, networkNodes: true, links: true, services: true, images: true, controllers: true } } },
  });
  return rows.map((s) => ({ id: s.id, name: s.name, description: s.description, updatedAt: s.updatedAt.toISOString(), counts: s._count }));
}
