import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';

/** A scenario by name (case-insensitive, as names are unique that way) or by id. */
export async function findScenario(db: Db, nameOrId: string): Promise<{ id: string; name: string }> {
  const s =
    (await db.scenario.findFirst({ where: { name: { equals: nameOrId.trim(), mode: 'insensitive' } }, select: { id: true, name: true } })) ??
    (/^[0-9a-f-]{36}$/i.test(nameOrId) ? await db.scenario.findUnique({ where: { id: nameOrId }, select: { id: true, name: true } }) : null);
  if (!s) throw new DomainError('NOT_FOUND', `There is no scenario named "${nameOrId}". List them with: edgestack scenarios`);
  return s;
}
