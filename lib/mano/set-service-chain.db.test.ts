import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { setServiceChain } from './set-service-chain';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

/** web → api, and three VNFs on e1: fw, ids, nat. */
async function scenarioWithDependency(name: string) {
  const scenario = await db.prisma.scenario.create({ data: { name } });
  const e1 = await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 8, memoryMiB: 8192, storageBytes: 10n ** 11n, bandwidthMbps: 1000 } });
  const vnf = (n: string, kind: 'firewall' | 'ids' | 'nat') =>
    db.prisma.vnf.create({ data: { scenarioId: scenario.id, name: n, kind, hostServerId: e1.id, cpuCores: 1, memoryMiB: 512 } });
  const [fw, ids, nat] = [await vnf('fw', 'firewall'), await vnf('ids', 'ids'), await vnf('nat', 'nat')];
  const web = await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'web', imageRef: 'web:1', cpuCores: 1, memoryMiB: 1 } });
  const api = await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'api', imageRef: 'api:1', cpuCores: 1, memoryMiB: 1 } });
  await db.prisma.serviceDependency.create({ data: { fromServiceId: web.id, toServiceId: api.id } });
  const base = { scenarioId: scenario.id, fromServiceId: web.id, toServiceId: api.id };
  return { scenario, e1, fw, ids, nat, web, api, base };
}

async function chainOf(fromServiceId: string, toServiceId: string) {
  const rows = await db.prisma.serviceDependencyVnf.findMany({
    where: { fromServiceId, toServiceId },
    orderBy: { position: 'asc' },
    select: { position: true, vnf: { select: { name: true } } },
  });
  return rows.map((r) => `${r.position}:${r.vnf.name}`);
}

const versions = async (scenarioId: string, fromServiceId: string, toServiceId: string) => ({
  scenario: (await db.prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).version,
  dependency: (await db.prisma.serviceDependency.findUniqueOrThrow({ where: { fromServiceId_toServiceId: { fromServiceId, toServiceId } } })).version,
});

describe('setServiceChain', () => {
  test('sets a chain, reorders it and empties it, bumping the scenario and dependency versions', async () => {
    const { scenario, fw, ids, nat, web, api, base } = await scenarioWithDependency('Chain valid');
    const result = await setServiceChain(db.prisma, { ...base, vnfIds: [fw.id, ids.id], version: 1 });
    expect(result).toEqual({ scenarioId: scenario.id, dependency: 'web → api', chain: ['fw', 'ids'] });
    expect(await chainOf(web.id, api.id)).toEqual(['0:fw', '1:ids']);
    expect(await versions(scenario.id, web.id, api.id)).toEqual({ scenario: 2, dependency: 2 });

    await setServiceChain(db.prisma, { ...base, vnfIds: [nat.id, ids.id, fw.id], version: 2 });
    expect(await chainOf(web.id, api.id)).toEqual(['0:nat', '1:ids', '2:fw']);

    await setServiceChain(db.prisma, { ...base, vnfIds: [] });
    expect(await chainOf(web.id, api.id)).toEqual([]);
    expect(await versions(scenario.id, web.id, api.id)).toEqual({ scenario: 4, dependency: 4 });
  });

  test('refuses a VNF of another scenario, a VNF twice, an unknown dependency and a stale version, writing nothing', async () => {
    const { scenario, fw, ids, web, api, base } = await scenarioWithDependency('Chain refusals');
    const other = await scenarioWithDependency('Chain refusals, other');
    await setServiceChain(db.prisma, { ...base, vnfIds: [fw.id] });
    const before = { chain: await chainOf(web.id, api.id), versions: await versions(scenario.id, web.id, api.id) };
    const unchanged = async () => expect({ chain: await chainOf(web.id, api.id), versions: await versions(scenario.id, web.id, api.id) }).toEqual(before);

    await expect(setServiceChain(db.prisma, { ...base, vnfIds: [ids.id, other.fw.id] })).rejects.toThrow(/VNF “fw” belongs to another scenario/);
    await unchanged();
    await expect(setServiceChain(db.prisma, { ...base, vnfIds: [ids.id, fw.id, ids.id] })).rejects.toThrow(/VNF “ids” appears twice/);
    await unchanged();
    // A dependency of the other scenario is unknown in this one, as is a pair that calls nothing.
    await expect(setServiceChain(db.prisma, { ...base, fromServiceId: other.web.id, toServiceId: other.api.id, vnfIds: [fw.id] })).rejects.toThrow(/dependency no longer exists/);
    await expect(setServiceChain(db.prisma, { ...base, fromServiceId: api.id, toServiceId: web.id, vnfIds: [fw.id] })).rejects.toThrow(/dependency no longer exists/);
    await unchanged();
    await expect(setServiceChain(db.prisma, { ...base, vnfIds: [ids.id], version: 1 })).rejects.toThrow(/changed by someone else/);
    await unchanged();
    await expect(setServiceChain(db.prisma, { ...base, vnfIds: ['not-a-uuid'] })).rejects.toThrow(/Choose a VNF/);
    await unchanged();
    expect(await chainOf(other.web.id, other.api.id)).toEqual([]);
  });

  test('the audit trail records the chain edit', async () => {
    const { fw, base } = await scenarioWithDependency('Chain audit');
    await setServiceChain(db.prisma, { ...base, vnfIds: [fw.id] });
    const rows = await db.sql.query<{ entity: string; action: string }>(
      `SELECT "entity", "action" FROM "AuditEntry" WHERE "entity" = 'ServiceDependencyVnf' AND "scenarioId" = $1`,
      [base.scenarioId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
