import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { DomainError } from '@/lib/errors';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';
import { cloneScenario } from './clone-scenario';
import { createScenario } from './create-scenario';
import { deleteScenario } from './delete-scenario';
import { listScenarios } from './list-scenarios';
import { renameScenario } from './rename-scenario';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof DomainError ? `${error.code}:${error.field ?? ''}` : `other:${(error as Error).name}`;
  }
  return 'resolved';
};

describe('scenario lifecycle', () => {
  test('create validates and refuses duplicates regardless of case', async () => {
    const created = await createScenario(db.prisma, { name: '  Lab  ', description: 'x' });
    expect(created.name).toBe('Lab');
    expect(await code(createScenario(db.prisma, { name: 'lab' }))).toBe('NAME_TAKEN:name');
    expect(await code(createScenario(db.prisma, { name: '' }))).toBe('other:ZodError');
    expect((await listScenarios(db.prisma)).map((s) => s.name)).toEqual(['Lab']);
  });

  test('two concurrent creates of one name: exactly one wins', async () => {
    const results = await Promise.allSettled([createScenario(db.prisma, { name: 'Race' }), createScenario(db.prisma, { name: 'Race' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as DomainError).code).toBe('NAME_TAKEN');
  });

  test('rename bumps the version and refuses a taken name', async () => {
    const a = await createScenario(db.prisma, { name: 'Alpha' });
    await createScenario(db.prisma, { name: 'Beta' });
    expect(await code(renameScenario(db.prisma, { id: a.id, name: 'BETA' }))).toBe('NAME_TAKEN:name');
    const renamed = await renameScenario(db.prisma, { id: a.id, name: 'Alpha 2' });
    expect(renamed.version).toBe(a.version + 1);
    expect(await code(renameScenario(db.prisma, { id: 'missing', name: 'Gamma' }))).toBe('NOT_FOUND:');
  });

  test('a clone is deep and independent; deleting cascades through every layer', async () => {
    const demo = (await seedDemoScenario(db.prisma, { name: 'Demo source' }))!;
    const clone = await cloneScenario(db.prisma, { id: demo.id, name: 'Demo what-if' });
    const [source, copy] = await Promise.all([exportScenarioDocument(db.prisma, demo.id), exportScenarioDocument(db.prisma, clone.id)]);
    expect({ ...copy, scenario: null }).toEqual({ ...source, scenario: null });

    await db.prisma.edgeServer.updateMany({ where: { scenarioId: clone.id, name: 'co-compute-1' }, data: { cpuCores: 2 } });
    const original = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId: demo.id, name: 'co-compute-1' } });
    expect(original.cpuCores).toBe(32);

    await deleteScenario(db.prisma, clone.id);
    for (const table of ['edgeServer', 'link', 'service', 'layer', 'controller', 'policy'] as const) {
      // @ts-expect-error the delegates share count()
      expect(await db.prisma[table].count({ where: { scenarioId: clone.id } }), table).toBe(0);
    }
    expect(await db.prisma.imageLayer.count({ where: { image: { scenarioId: clone.id } } })).toBe(0);
    expect(await db.prisma.edgeServer.count({ where: { scenarioId: demo.id } })).toBeGreaterThan(0);
    expect(await code(deleteScenario(db.prisma, clone.id))).toBe('NOT_FOUND:');
  });

  test('the database forbids orphans and half-attached links', async () => {
    const s = await createScenario(db.prisma, { name: 'Constraints' });
    const server = await db.prisma.edgeServer.create({
      data: { scenarioId: s.id, name: 'e1', cpuCores: 4, memoryMiB: 1024, storageBytes: 1n, bandwidthMbps: 100 },
    });
    const node = await db.prisma.networkNode.create({ data: { scenarioId: s.id, name: 'sw', kind: 'switch' } });
    const link = { scenarioId: s.id, medium: 'ethernet' as const, bandwidthMbps: 1000, latencyMs: 0.1 };
    // An end with two kinds set, or none, is refused by the CHECK.
    await expect(db.prisma.link.create({ data: { ...link, name: 'both', aEdgeServerId: server.id, aNodeId: node.id, bNodeId: node.id } })).rejects.toThrow();
    await expect(db.prisma.link.create({ data: { ...link, name: 'none', bNodeId: node.id } })).rejects.toThrow();
    await expect(db.prisma.link.create({ data: { ...link, name: 'ghost', aEdgeServerId: 'no-such-id', bNodeId: node.id } })).rejects.toThrow();
    await db.prisma.link.create({ data: { ...link, name: 'ok', aEdgeServerId: server.id, bNodeId: node.id } });
    // A server hosting a controller cannot be deleted out from under it.
    await db.prisma.controller.create({ data: { scenarioId: s.id, name: 'k8s', kind: 'orchestrator', hostServerId: server.id } });
    await expect(db.prisma.edgeServer.delete({ where: { id: server.id } })).rejects.toThrow();
    // Deleting the switch takes its links with it.
    await db.prisma.networkNode.delete({ where: { id: node.id } });
    expect(await db.prisma.link.count({ where: { scenarioId: s.id } })).toBe(0);
  });
});
