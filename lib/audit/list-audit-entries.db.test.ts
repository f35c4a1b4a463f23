import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAsActor } from '@/lib/db/audit-actor';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { auditFilterSchema } from './audit-filter-schema';
import { listAuditEntries, listAuditFacets } from './list-audit-entries';

let db: TestDatabase;
let a = '';
let b = '';
const ann = { id: 'u-ann', name: 'ann@example.test' };
const ben = { id: 'u-ben', name: 'ben@example.test' };

beforeAll(async () => {
  db = await createTestDatabase();
  a = (await runAsActor(ann, () => db.prisma.scenario.create({ data: { name: 'Filter A' } }))).id;
  b = (await runAsActor(ben, () => db.prisma.scenario.create({ data: { name: 'Filter B' } }))).id;
  await runAsActor(ann, () => db.prisma.site.create({ data: { id: 'fa-1', scenarioId: a, name: 'One' } }));
  await runAsActor(ann, () => db.prisma.site.update({ where: { id: 'fa-1' }, data: { name: 'Uno' } }));
  await runAsActor(ben, () => db.prisma.site.create({ data: { id: 'fb-1', scenarioId: b, name: 'Two' } }));
  await runAsActor(ben, () => db.prisma.site.delete({ where: { id: 'fb-1' } }));
});
afterAll(async () => db?.drop());

const filter = (raw: Record<string, string>) => auditFilterSchema.parse(raw);

describe('the audit trail, filtered and paged', () => {
  test('by scenario, newest first, with what changed', async () => {
    const page = await listAuditEntries(db.prisma, filter({ scenarioId: a }));
    expect(page.entries.map((e) => [e.entity, e.action, e.actor])).toEqual([
      ['Site', 'update', ann.name],
      ['Site', 'insert', ann.name],
      ['Scenario', 'insert', ann.name],
    ]);
    expect(page.entries[0].changes).toEqual([{ field: 'name', before: 'One', after: 'Uno' }]);
    expect(page.entries[0].scenarioName).toBe('Filter A');
  });

  test('by user, entity, action and date range', async () => {
    expect((await listAuditEntries(db.prisma, filter({ actor: 'BEN@' }))).total).toBe(3);
    expect((await listAuditEntries(db.prisma, filter({ entity: 'Site', action: 'delete' }))).entries.map((e) => e.entityId)).toEqual(['fb-1']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(db.prisma, filter({ from: today, to: today }))).total).toBe(6);
    expect((await listAuditEntries(db.prisma, filter({ to: '2000-01-01' }))).total).toBe(0);
    expect(await listAuditFacets(db.prisma)).toEqual({ actors: [ann.name, ben.name], entities: ['Scenario', 'Site'] });
  });

  test('pages of a given size; a page past the end shows the last', async () => {
    const first = await listAuditEntries(db.prisma, filter({}), 4);
    const second = await listAuditEntries(db.prisma, filter({ page: '2' }), 4);
    expect([first.total, first.pages, first.entries.length, second.entries.length]).toEqual([6, 2, 4, 2]);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(6);
    expect((await listAuditEntries(db.prisma, filter({ page: '9' }), 4)).page).toBe(2);
  });
});
