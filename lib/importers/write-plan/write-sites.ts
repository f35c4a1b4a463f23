import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import type { ImportPlan } from '../import-plan';
import { mergeByName, type EntityCounts } from './merge-by-name';

/** A site's id by name (null for none); refuses a name the scenario and the file both lack. */
export type SiteIdOf = (name: string | null) => string | null;

/**
 * Merges the planned sites by name. A re-import keeps a provider, region or position the file does
 * not state. Also looks up the existing sites the file's servers and nodes name without planning.
 */
export async function writeSites(tx: Prisma.TransactionClient, scenarioId: string, plan: ImportPlan): Promise<{ counts: EntityCounts; siteIdOf: SiteIdOf }> {
  const { ids, counts } = await mergeByName({
    planned: plan.sites,
    find: (names) => tx.site.findMany({ where: { scenarioId, name: { in: names } } }),
    data: (s, old) => ({
      provider: s.provider ?? old?.provider ?? '',
      region: s.region ?? old?.region ?? '',
      latitude: s.latitude ?? old?.latitude ?? null,
      longitude: s.longitude ?? old?.longitude ?? null,
    }),
    update: (old, data) => tx.site.updateMany({ where: { id: old.id, version: old.version }, data: { ...data, version: { increment: 1 } } }),
    create: (rows) => tx.site.createMany({ data: rows.map((row) => ({ ...row, scenarioId })) }),
  });
  const referenced = [...plan.edgeServers.map((s) => s.site), ...plan.networkNodes.map((n) => n.site)].filter((n): n is string => n !== null && !ids.has(n));
  if (referenced.length) {
    for (const s of await tx.site.findMany({ where: { scenarioId, name: { in: referenced } }, select: { id: true, name: true } })) ids.set(s.name, s.id);
  }
  const siteIdOf = (name: string | null) => {
    if (name === null) return null;
    const id = ids.get(name);
    if (!id) throw new DomainError('INVALID_INPUT', `unknown site "${name}"`, 'file');
    return id;
  };
  return { counts, siteIdOf };
}
