import type { Db } from '@/lib/db';

/** Every scenario's id and name, by name: for pickers and filters. */
export async function listScenarioNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.scenario.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
