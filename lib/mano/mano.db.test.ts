import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { instantiateVnf } from './instantiate-vnf';
import { listHostCapacities, loadHostCapacity } from './load-host-capacity';
import { scaleVnf } from './scale-vnf';
import { terminateVnf } from './terminate-vnf';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

/** e1: 8 cores and 8,192 MiB, hosting an SDN controller (2, 2,048) and two applied replicas of api (1, 1,024 each). */
async function scenarioWithHost(name: string) {
  const scenario = await db.prisma.scenario.create({ data: { name } });
  const e1 = await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e1', cpuCores: 8, memoryMiB: 8192, storageBytes: 10n ** 11n, bandwidthMbps: 1000 } });
  const mano = await db.prisma.controller.create({ data: { scenarioId: scenario.id, name: 'osm', kind: 'mano', hostServerId: e1.id, cpuCores: 0, memoryMiB: 0 } });
  await db.prisma.controller.create({ data: { scenarioId: scenario.id, name: 'onos', kind: 'sdn', hostServerId: e1.id, cpuCores: 2, memoryMiB: 2048 } });
  const api = await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'api', imageRef: 'api:1', cpuCores: 1, memoryMiB: 1024, replicas: 2 } });
  const run = await db.prisma.placementRun.create({
    data: {
      scenarioId: scenario.id,
      algorithm: 'greedy',
      status: 'feasible',
      assignments: { create: [0, 1].map((replica) => ({ serviceId: api.id, replica, edgeServerId: e1.id })) },
    },
  });
  await db.prisma.scenario.update({ where: { id: scenario.id }, data: { appliedRunId: run.id } });
  return { scenario, e1, mano };
}

describe('MANO actions', () => {
  test('capacity is the host minus its VNFs, controllers and applied replicas', async () => {
    const { scenario, e1 } = await scenarioWithHost('Capacity');
    const host = (await loadHostCapacity(db.prisma, scenario.id, e1.id))!;
    expect(host.controllers).toEqual({ cpuCores: 2, memoryMiB: 2048 });
    expect(host.replicas).toEqual({ cpuCores: 2, memoryMiB: 2048 });
    expect(host.free).toEqual({ cpuCores: 4, memoryMiB: 4096 });
    // The Network page's host list says the same, for every edge server at once.
    const e2 = await db.prisma.edgeServer.create({ data: { scenarioId: scenario.id, name: 'e2', cpuCores: 2, memoryMiB: 1024, storageBytes: 10n ** 11n, bandwidthMbps: 1000 } });
    const listed = await listHostCapacities(db.prisma, scenario.id);
    expect(listed.map((h) => [h.name, h.free])).toEqual([
      ['e1', { cpuCores: 4, memoryMiB: 4096 }],
      ['e2', { cpuCores: 2, memoryMiB: 1024 }],
    ]);
    expect(listed[1].edgeServerId).toBe(e2.id);
  });

  test('instantiate fits exactly, then the next one is refused with the figures and nothing is written', async () => {
    const { scenario, e1, mano } = await scenarioWithHost('Instantiate');
    const { vnfId } = await instantiateVnf(db.prisma, {
      scenarioId: scenario.id,
      name: 'fw',
      kind: 'firewall',
      hostServerId: e1.id,
      cpuCores: 4,
      memoryMiB: 4096,
      controllerId: mano.id,
    });
    expect(await db.prisma.controllerManagedVnf.count({ where: { controllerId: mano.id, vnfId } })).toBe(1);
    await expect(
      instantiateVnf(db.prisma, { scenarioId: scenario.id, name: 'ids', kind: 'ids', hostServerId: e1.id, cpuCores: 0.5, memoryMiB: 1, controllerId: mano.id }),
    ).rejects.toThrow(/Edge server “e1” lacks cpu and memory for a new VNF “ids”: it needs 0.5 cores and 1 MiB, and 0 cores and 0 B are free/);
    expect(await db.prisma.vnf.count({ where: { scenarioId: scenario.id } })).toBe(1);
  });

  test('instantiate refuses a taken name and a controller that is not MANO', async () => {
    const { scenario, e1 } = await scenarioWithHost('Refusals');
    const sdn = await db.prisma.controller.findFirstOrThrow({ where: { scenarioId: scenario.id, kind: 'sdn' } });
    await expect(
      instantiateVnf(db.prisma, { scenarioId: scenario.id, name: 'x', kind: 'nat', hostServerId: e1.id, cpuCores: 1, memoryMiB: 1, controllerId: sdn.id }),
    ).rejects.toThrow(/not a MANO controller/);
    await instantiateVnf(db.prisma, { scenarioId: scenario.id, name: 'x', kind: 'nat', hostServerId: e1.id, cpuCores: 1, memoryMiB: 1 });
    await expect(instantiateVnf(db.prisma, { scenarioId: scenario.id, name: 'x', kind: 'nat', hostServerId: e1.id, cpuCores: 1, memoryMiB: 1 })).rejects.toThrow(/already exists/);
  });

  test('scale counts the new size instead of the old one; terminate frees the host and leaves the chains', async () => {
    const { scenario, e1 } = await scenarioWithHost('Scale');
    const { vnfId } = await instantiateVnf(db.prisma, { scenarioId: scenario.id, name: 'fw', kind: 'firewall', hostServerId: e1.id, cpuCores: 3, memoryMiB: 3000 });
    // 4 cores free before fw: growing fw from 3 to 4 fits, to 4.5 does not.
    await scaleVnf(db.prisma, { vnfId, cpuCores: 4, memoryMiB: 4096 });
    expect(await db.prisma.vnf.findUniqueOrThrow({ where: { id: vnfId } })).toMatchObject({ cpuCores: 4, memoryMiB: 4096, version: 2 });
    await expect(scaleVnf(db.prisma, { vnfId, cpuCores: 4.5, memoryMiB: 4096 })).rejects.toThrow(/lacks cpu for VNF “fw” at its new size/);

    const web = await db.prisma.service.create({ data: { scenarioId: scenario.id, name: 'web', imageRef: 'web:1', cpuCores: 1, memoryMiB: 1 } });
    const api = await db.prisma.service.findFirstOrThrow({ where: { scenarioId: scenario.id, name: 'api' } });
    await db.prisma.serviceDependency.create({ data: { fromServiceId: web.id, toServiceId: api.id, chain: { create: [{ position: 0, vnfId }] } } });
    const ended = await terminateVnf(db.prisma, { vnfId });
    expect(ended).toMatchObject({ name: 'fw', chainsChanged: ['web → api'] });
    expect(await db.prisma.serviceDependencyVnf.count({ where: { fromServiceId: web.id } })).toBe(0);
    // A chain editor opened before the termination now holds a stale version.
    expect((await db.prisma.serviceDependency.findFirstOrThrow({ where: { fromServiceId: web.id } })).version).toBe(2);
    expect((await loadHostCapacity(db.prisma, scenario.id, e1.id))!.free).toEqual({ cpuCores: 4, memoryMiB: 4096 });
    await expect(terminateVnf(db.prisma, { vnfId })).rejects.toThrow(/no longer exists/);
  });

  test('bad input is refused at the boundary', async () => {
    const { scenario, e1 } = await scenarioWithHost('Bad input');
    await expect(instantiateVnf(db.prisma, { scenarioId: scenario.id, name: ' ', kind: 'firewall', hostServerId: e1.id, cpuCores: -1, memoryMiB: 1.5 })).rejects.toThrow(
      /Enter a name[\s\S]*Cores must be more than 0[\s\S]*whole number of MiB/,
    );
  });
});
