import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilter } from './audit-filter-schema';
import { diffAuditEntry, type AuditChange } from './diff-audit-entry';

const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

type AuditEntryView = {
  id: string;
  at: string;
  actor: string;
  scenarioId: string | null;
  scenarioName: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: AuditChange[];
};

export type AuditPage = { entries: AuditEntryView[]; total: number; page: number; pages: number };

function whereOf(filter: AuditFilter): Prisma.AuditEntryWhereInput {
  return {
    ...(filter.actor ? { actor: { contains: filter.actor, mode: 'insensitive' as const } } : {}),
    ...(filter.scenarioId ? { scenarioId: filter.scenarioId } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: new Date(filter.to.getTime() + DAY_MS) } : {}) } } : {}),
  };
}

/** One page of the audit trail, newest first, with what each entry changed. */
export async function listAuditEntries(db: Db, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = whereOf(filter);
  const total = await db.auditEntry.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const rows = await db.auditEntry.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * pageSize, take: pageSize });
  const scenarioIds = [...new Set(rows.map((r) => r.scenarioId).filter((id): id is string => id !== null))];
  const scenarios = scenarioIds.length ? await db.scenario.findMany({ where: { id: { in: scenarioIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(scenarios.map((s) => [s.id, s.name]));
  return {
    total,
    page,
    pages,
    entries: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actor,
      scenarioId: r.scenarioId,
      // A deleted scenario's name is in its own delete entry's "before".
      scenarioName: r.scenarioId ? (names.get(r.scenarioId) ?? null) : null,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      changes: diffAuditEntry(r.before, r.after),
    })),
  };
}

/** The choices of the filters: who wrote, and which tables. */
export async function listAuditFacets(db: Db): Promise<{ actors: string[]; entities: string[] }> {
  const [actors, entities] = await Promise.all([
    db.auditEntry.findMany({ distinct: ['actor'], select: { actor: true }, orderBy: { actor: 'asc' } }),
    db.auditEntry.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
  ]);
  return { actors: actors.map((a) => a.actor), entities: entities.map((e) => e.entity) };
}
