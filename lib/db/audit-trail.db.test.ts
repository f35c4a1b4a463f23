import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createScenario } from '@/lib/scenarios/create-scenario';
import { renameScenario } from '@/lib/scenarios/rename-scenario';
import { runAsActor, setProcessActor } from './audit-actor';
import { createTestDatabase, type TestDatabase } from './test-database';

// The audit trigger and the actor the driver adapter sets per transaction, on the database
// under test (PGlite, or Postgres with TEST_DATABASE_URL): each kind of write Prisma makes
// (interactive transaction, batch transaction, a single statement) carries the actor into its
// own transaction, and a rolled-back write leaves no audit row.

let db: TestDatabase;
const alice = { id: 'user-alice', name: 'alice@example.test' };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());
beforeEach(() => setProcessActor(undefined));

async function entriesFor(entityId: string) {
  return db.prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: 'asc' } });
}

describe('audit trail', () => {
  test('an interactive transaction records the actor, the scenario and before/after', async () => {
    const created = await runAsActor(alice, () => createScenario(db.prisma, { name: 'Audit A', description: '' }));
    await runAsActor(alice, () => renameScenario(db.prisma, { id: created.id, name: 'Audit A2' }));
    const entries = await entriesFor(created.id);
    expect(entries.map((e) => [e.action, e.actor, e.actorId, e.entity, e.scenarioId])).toEqual([
      ['insert', alice.name, alice.id, 'Scenario', created.id],
      ['update', alice.name, alice.id, 'Scenario', created.id],
    ]);
    expect(entries[0].before).toBeNull();
    expect((entries[0].after as { name: string }).name).toBe('Audit A');
    expect((entries[1].before as { name: string }).name).toBe('Audit A');
    expect((entries[1].after as { name: string; version: number }).name).toBe('Audit A2');
  });

  test('a batch transaction and a single statement record the actor too', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'Audit B' } });
    await runAsActor(alice, () =>
      db.prisma.$transaction([
        db.prisma.site.create({ data: { id: 'site-b1', scenarioId: scenario.id, name: 'North' } }),
        db.prisma.scenario.update({ where: { id: scenario.id }, data: { version: { increment: 1 } } }),
      ]),
    );
    await runAsActor({ id: null, name: 'cli' }, () => db.prisma.site.update({ where: { id: 'site-b1' }, data: { name: 'South' } }));
    const site = await entriesFor('site-b1');
    expect(site.map((e) => [e.action, e.actor, e.scenarioId])).toEqual([
      ['insert', alice.name, scenario.id],
      ['update', 'cli', scenario.id],
    ]);
    expect((site[1].before as { name: string }).name).toBe('North');
    expect((site[1].after as { name: string }).name).toBe('South');
    // The unattributed create at the top is the system's.
    expect((await entriesFor(scenario.id)).map((e) => e.actor)).toEqual(['system', alice.name]);
  });

  test('the process actor (the command line) applies outside any request', async () => {
    setProcessActor({ id: null, name: 'cli' });
    const scenario = await createScenario(db.prisma, { name: 'Audit C', description: '' });
    expect((await entriesFor(scenario.id)).map((e) => e.actor)).toEqual(['cli']);
  });

  test('a transaction that fails leaves no audit row', async () => {
    const before = await db.prisma.auditEntry.count();
    await expect(
      runAsActor(alice, () =>
        db.prisma.$transaction(async (tx) => {
          await tx.scenario.create({ data: { id: 'rolled-back', name: 'Audit D' } });
          throw new Error('changed my mind');
        }),
      ),
    ).rejects.toThrow('changed my mind');
    expect(await db.prisma.auditEntry.count()).toBe(before);
    expect(await db.prisma.scenario.findUnique({ where: { id: 'rolled-back' } })).toBeNull();
  });

  test('a database error mid-transaction, then parallel queries: each gets its own result (prisma/orm#30374)', async () => {
    const taken = await db.prisma.scenario.create({ data: { name: 'Audit taken' } });
    const before = await db.prisma.auditEntry.count();
    await expect(
      runAsActor(alice, () =>
        db.prisma.$transaction(async (tx) => {
          await tx.scenario.create({ data: { id: 'doomed', name: 'Audit doomed' } });
          await tx.site.create({ data: { id: 'doomed-site', scenarioId: 'doomed', name: 'Doomed site' } });
          await tx.scenario.create({ data: { name: 'Audit taken' } }); // unique violation
        }),
      ),
    ).rejects.toMatchObject({ code: 'P2002' });
    const names = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
    const created = await Promise.all(
      names.map((name) => runAsActor(alice, () => db.prisma.scenario.create({ data: { name: `Audit ${name}` }, select: { id: true, name: true } }))),
    );
    const reads = await Promise.all([
      ...created.map((s) => db.prisma.scenario.findUnique({ where: { id: s.id }, select: { name: true } })),
      db.prisma.scenario.findUnique({ where: { id: taken.id }, select: { name: true } }),
      db.prisma.site.count({ where: { id: 'doomed-site' } }),
      db.prisma.scenario.count({ where: { id: 'doomed' } }),
    ]);
    expect(created.map((s) => s.name)).toEqual(names.map((n) => `Audit ${n}`));
    expect(reads).toEqual([...names.map((n) => ({ name: `Audit ${n}` })), { name: 'Audit taken' }, 0, 0]);
    // Nothing of the failed transaction, audit rows included; one audit row per new scenario.
    expect(await db.prisma.auditEntry.count({ where: { entityId: { in: ['doomed', 'doomed-site'] } } })).toBe(0);
    const entries = await db.prisma.auditEntry.findMany({ where: { id: { gt: 0 } }, orderBy: { id: 'asc' }, skip: before });
    expect(entries.map((e) => e.entityId).sort()).toEqual(created.map((s) => s.id).sort());
    expect(entries.every((e) => e.actor === alice.name && e.action === 'insert')).toBe(true);
  });

  test('updates that change nothing are not recorded; the queue updating runs is not recorded', async () => {
    const scenario = await db.prisma.scenario.create({ data: { name: 'Audit E' } });
    await db.prisma.site.create({ data: { id: 'site-e', scenarioId: scenario.id, name: 'Same' } });
    await runAsActor(alice, () => db.prisma.site.update({ where: { id: 'site-e' }, data: { name: 'Same' } }));
    expect((await entriesFor('site-e')).map((e) => e.action)).toEqual(['insert']);
    const run = await runAsActor(alice, () => db.prisma.placementRun.create({ data: { scenarioId: scenario.id, algorithm: 'greedy' } }));
    await db.prisma.placementRun.update({ where: { id: run.id }, data: { status: 'running', heartbeatAt: new Date() } });
    await runAsActor(alice, () => db.prisma.placementRun.update({ where: { id: run.id }, data: { cancelRequested: true } }));
    expect((await entriesFor(scenario.id)).map((e) => e.actor)).toEqual(['system']);
    expect((await entriesFor(run.id)).map((e) => [e.action, e.actor])).toEqual([
      ['insert', alice.name],
      ['update', alice.name],
    ]);
  });
});
