import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { isDomainError } from '@/lib/errors';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { applyEdit } from './apply-edit';
import type { Edit } from './edits';
import { loadArchitecture } from './load-architecture';
import type { ArchitectureSnapshot, EdgeServerEntity, EntityKind } from './snapshot';

let db: TestDatabase;
let scenarioId: string;

const fixture = path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'small-edge.json');

beforeAll(async () => {
  db = await createTestDatabase();
  const parsed = parseScenarioDocument(readFileSync(fixture, 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  scenarioId = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Architecture edits' })).id;
});
afterAll(async () => db?.drop());

const load = () => loadArchitecture(db.prisma, scenarioId);
const find = <K extends EntityKind>(s: ArchitectureSnapshot, kind: K, name: string) =>
  s.entities.find((e) => e.kind === kind && e.name === name) as Extract<ArchitectureSnapshot['entities'][number], { kind: K }>;

async function refused(edit: Edit): Promise<string> {
  try {
    await applyEdit(db.prisma, scenarioId, edit);
  } catch (error) {
    if (isDomainError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('the edit was not refused');
}

describe('architecture edits', () => {
  test('a registry is created, attached, moved from a node to a server, refused on both, and detached by deleting what it sits on (undo reattaches it)', async () => {
    const s0 = await load();
    const core = find(s0, 'networkNode', 'core');
    const server = find(s0, 'edgeServer', 'north-1');
    const registryId = randomUUID();
    const created = await applyEdit(db.prisma, scenarioId, {
      type: 'create',
      entities: [{ kind: 'registry', id: registryId, name: 'hub', url: 'https://hub.example', siteId: null, networkNodeId: core.id, edgeServerId: null, posX: 10, posY: 20 }],
      links: [],
      dependencies: [],
      manages: [],
    });
    expect(created.upserted.entities).toEqual([expect.objectContaining({ kind: 'registry', networkNodeId: core.id, edgeServerId: null, version: 1 })]);

    // Attaching it to an edge server detaches it from the node.
    const moved = await applyEdit(db.prisma, scenarioId, { type: 'update', kind: 'registry', id: registryId, version: 1, changes: { edgeServerId: server.id } });
    expect(moved.upserted.entities).toEqual([expect.objectContaining({ networkNodeId: null, edgeServerId: server.id, version: 2 })]);
    expect(await refused({ type: 'update', kind: 'registry', id: registryId, version: 2, changes: { networkNodeId: core.id, edgeServerId: server.id } })).toMatch(
      /^INVALID_INPUT: .*not both/,
    );
    // Drawn on the canvas as an attachment edge (and audited like every row).
    const drawn = (await load()).entities.find((e) => e.id === registryId);
    expect(drawn).toMatchObject({ kind: 'registry', edgeServerId: server.id });
    const audit = await db.prisma.auditEntry.findMany({ where: { entity: 'Registry', entityId: registryId }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);

    // Deleting the server leaves the registry unattached, one version on; undo puts it back.
    const s1 = await load();
    const hosted = s1.entities.filter((e) => (e.kind === 'vnf' || e.kind === 'controller') && e.hostServerId === server.id);
    const links = s1.links.filter((l) => l.a.id === server.id || l.b.id === server.id);
    const deleted = await applyEdit(db.prisma, scenarioId, {
      type: 'delete',
      entities: [server, ...hosted].map((e) => ({ kind: e.kind, id: e.id, version: e.version })),
      links: links.map((l) => ({ id: l.id, version: l.version })),
      dependencies: [],
      manages: s1.manages.filter((m) => m.targetId === server.id || hosted.some((h) => h.id === m.controllerId)),
    });
    expect(deleted.bundle?.registryAttachments).toEqual([{ registryId, kind: 'edgeServer', id: server.id }]);
    expect(deleted.upserted.entities).toEqual(expect.arrayContaining([expect.objectContaining({ id: registryId, edgeServerId: null, version: 3 })]));
    const restored = await applyEdit(db.prisma, scenarioId, { type: 'restore', bundle: deleted.bundle! });
    expect(restored.upserted.entities).toEqual(expect.arrayContaining([expect.objectContaining({ id: registryId, edgeServerId: server.id, version: 4 })]));

    // Deleting the registry takes it off the images that named it; undo gives it back to them.
    const image = await db.prisma.image.findFirstOrThrow({ where: { scenarioId }, select: { id: true } });
    await db.prisma.image.update({ where: { id: image.id }, data: { registryId } });
    const gone = await applyEdit(db.prisma, scenarioId, { type: 'delete', entities: [{ kind: 'registry', id: registryId, version: 4 }], links: [], dependencies: [], manages: [] });
    expect(await db.prisma.image.findUniqueOrThrow({ where: { id: image.id }, select: { registryId: true } })).toEqual({ registryId: null });
    await applyEdit(db.prisma, scenarioId, { type: 'restore', bundle: gone.bundle! });
    expect(await db.prisma.image.findUniqueOrThrow({ where: { id: image.id }, select: { registryId: true } })).toEqual({ registryId });
  });

  test('load maps every layer, the relations and the hosting', async () => {
    const s = await load();
    expect(s.entities.filter((e) => e.kind === 'edgeServer')).toHaveLength(3);
    expect(s.entities.filter((e) => e.kind === 'site')).toHaveLength(2);
    expect(s.links).toHaveLength(2);
    expect(s.dependencies).toEqual([expect.objectContaining({ trafficMbps: 40, version: 1 })]);
    expect(s.manages).toHaveLength(4);
    const k8s = find(s, 'controller', 'k8s');
    expect(k8s.hostServerId).toBe(find(s, 'edgeServer', 'north-2').id);
    expect(find(s, 'edgeServer', 'north-1').storageBytes).toBe(200_000_000_000);
  });

  test('update bumps the version; a stale update is refused and changes nothing', async () => {
    const server = find(await load(), 'edgeServer', 'north-1');
    const out = await applyEdit(db.prisma, scenarioId, { type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes: { cpuCores: 12 } });
    const updated = out.upserted.entities[0] as EdgeServerEntity;
    expect(updated.cpuCores).toBe(12);
    expect(updated.version).toBe(server.version + 1);
    const message = await refused({ type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes: { cpuCores: 4 } });
    expect(message).toMatch(/^STALE_VERSION: .*changed by someone else/);
    expect(find(await load(), 'edgeServer', 'north-1').cpuCores).toBe(12);
  });

  test('invalid values and taken names are refused at their field', async () => {
    const server = find(await load(), 'edgeServer', 'north-2');
    await expect(applyEdit(db.prisma, scenarioId, { type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes: { cpuCores: -1 } })).rejects.toThrow(
      /Cores must be more than 0/,
    );
    const message = await refused({ type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes: { name: 'north-1' } });
    expect(message).toMatch(/^NAME_TAKEN/);
    expect(find(await load(), 'edgeServer', 'north-2').version).toBe(server.version);
  });

  test('create, move, delete with everything that goes with it, and undo by restore', async () => {
    const before = await load();
    const serverId = randomUUID();
    const switchId = randomUUID();
    const linkId = randomUUID();
    await applyEdit(db.prisma, scenarioId, {
      type: 'create',
      entities: [
        {
          kind: 'edgeServer',
          id: serverId,
          name: 'east-1',
          siteId: null,
          tier: 'edge',
          arch: 'arm64',
          cpuCores: 4,
          memoryMiB: 8192,
          storageBytes: 1e11,
          bandwidthMbps: 1000,
          accelerators: [],
          posX: 10,
          posY: 900,
        },
        { kind: 'networkNode', id: switchId, name: 'sw-east', siteId: null, nodeKind: 'switch', sdnManaged: false, latitude: null, longitude: null, posX: 10, posY: 600 },
      ],
      links: [
        {
          id: linkId,
          name: 'east',
          medium: 'ethernet',
          bandwidthMbps: 1000,
          latencyMs: 1,
          lossPercent: 0,
          a: { kind: 'edgeServer', id: serverId },
          b: { kind: 'networkNode', id: switchId },
        },
      ],
      dependencies: [],
      manages: [{ controllerId: find(before, 'controller', 'k8s').id, targetKind: 'edgeServer', targetId: serverId }],
    });
    await applyEdit(db.prisma, scenarioId, { type: 'move', positions: [{ kind: 'edgeServer', id: serverId, x: 321.5, y: 987 }] });
    let s = await load();
    expect(find(s, 'edgeServer', 'east-1')).toMatchObject({ posX: 321.5, posY: 987, version: 1 });
    expect(s.links.map((l) => l.name)).toContain('east');

    // Deleting the switch without naming its link is stale: the confirmation did not list it.
    expect(await refused({ type: 'delete', entities: [{ kind: 'networkNode', id: switchId, version: 1 }], links: [], dependencies: [], manages: [] })).toMatch(/Link “east”/);

    const deleted = await applyEdit(db.prisma, scenarioId, {
      type: 'delete',
      entities: [{ kind: 'edgeServer', id: serverId, version: 1 }],
      links: [{ id: linkId, version: 1 }],
      dependencies: [],
      manages: [],
    });
    expect(deleted.bundle!.manages).toHaveLength(1);
    s = await load();
    expect(s.entities.some((e) => e.id === serverId)).toBe(false);
    expect(s.links.some((l) => l.id === linkId)).toBe(false);

    // A stale save of the deleted server cannot bring it back.
    expect(await refused({ type: 'update', kind: 'edgeServer', id: serverId, version: 1, changes: { cpuCores: 64 } })).toMatch(/deleted by someone else/);
    await applyEdit(db.prisma, scenarioId, { type: 'move', positions: [{ kind: 'edgeServer', id: serverId, x: 0, y: 0 }] });
    expect((await load()).entities.some((e) => e.id === serverId)).toBe(false);

    // Undo: everything comes back, one version later.
    await applyEdit(db.prisma, scenarioId, { type: 'restore', bundle: deleted.bundle! });
    s = await load();
    expect(find(s, 'edgeServer', 'east-1')).toMatchObject({ id: serverId, version: 2, posX: 321.5 });
    expect(s.links.find((l) => l.id === linkId)).toMatchObject({ version: 2 });
    expect(s.manages.some((m) => m.targetId === serverId)).toBe(true);
    expect(await refused({ type: 'update', kind: 'edgeServer', id: serverId, version: 1, changes: { cpuCores: 64 } })).toMatch(/changed by someone else/);
  });

  test('deleting an edge server takes what it hosts only when the confirmation named it', async () => {
    const s = await load();
    const host = find(s, 'edgeServer', 'north-2');
    const k8s = find(s, 'controller', 'k8s');
    expect(await refused({ type: 'delete', entities: [{ kind: 'edgeServer', id: host.id, version: host.version }], links: [], dependencies: [], manages: [] })).toMatch(
      /Controller “k8s” is hosted/,
    );
    const out = await applyEdit(db.prisma, scenarioId, {
      type: 'delete',
      entities: [
        { kind: 'edgeServer', id: host.id, version: host.version },
        { kind: 'controller', id: k8s.id, version: k8s.version },
      ],
      links: [],
      dependencies: [],
      manages: [],
    });
    expect(out.removed.entities).toHaveLength(2);
    await applyEdit(db.prisma, scenarioId, { type: 'restore', bundle: out.bundle! });
    expect(find(await load(), 'controller', 'k8s').hostServerId).toBe(host.id);
  });

  test('references must exist in the scenario', async () => {
    const s = await load();
    const k8s = find(s, 'controller', 'k8s');
    expect(await refused({ type: 'update', kind: 'controller', id: k8s.id, version: k8s.version, changes: { hostServerId: randomUUID() } })).toMatch(/no longer exists/);
  });
});

describe('ids from another scenario', () => {
  test('a restore replayed on scenario A with ids of scenario B is refused and changes neither', async () => {
    const parsed = parseScenarioDocument(readFileSync(fixture, 'utf8'));
    if (!parsed.ok) throw new Error('fixture');
    const a = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Cross A' })).id;
    const b = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Cross B' })).id;
    const sa = await loadArchitecture(db.prisma, a);
    const sb = await loadArchitecture(db.prisma, b);
    // A's edge server leaves its site, so that a siteMembers entry would put it back somewhere.
    const aServer = find(sa, 'edgeServer', 'north-1');
    await applyEdit(db.prisma, a, { type: 'update', kind: 'edgeServer', id: aServer.id, version: aServer.version, changes: { siteId: null } });
    const bSite = sb.entities.find((e) => e.kind === 'site')!;
    const bServer = find(sb, 'edgeServer', 'north-1');
    const bService = sb.entities.find((e) => e.kind === 'service')!;
    const aLayer = (await db.prisma.layer.findFirstOrThrow({ where: { scenarioId: a } })).id;
    const aPolicy = (await db.prisma.policy.findFirstOrThrow({ where: { scenarioId: a } })).id;
    const aVnfs = sa.entities.filter((e) => e.kind === 'vnf');

    const snapshot = async () => ({
      servers: await db.prisma.edgeServer.findMany({ where: { scenarioId: { in: [a, b] } }, orderBy: { id: 'asc' } }),
      cached: await db.prisma.edgeServerCachedLayer.findMany({ orderBy: [{ edgeServerId: 'asc' }, { layerId: 'asc' }] }),
      policyServices: await db.prisma.policyService.findMany({ orderBy: [{ policyId: 'asc' }, { serviceId: 'asc' }] }),
      policyServers: await db.prisma.policyEdgeServer.findMany({ orderBy: [{ policyId: 'asc' }, { edgeServerId: 'asc' }] }),
      vnfs: await db.prisma.vnf.findMany({ where: { scenarioId: { in: [a, b] } }, orderBy: { id: 'asc' } }),
    });
    const empty = {
      entities: [],
      links: [],
      dependencies: [],
      manages: [],
      siteMembers: [],
      vnfChain: [],
      registryAttachments: [],
      imageRegistries: [],
      cachedLayers: [],
      policyServices: [],
      policyEdgeServers: [],
      assignments: [],
    };
    const attempts: Edit[] = [
      { type: 'restore', bundle: { ...empty, siteMembers: [{ kind: 'edgeServer', id: aServer.id, siteId: bSite.id }] } },
      { type: 'restore', bundle: { ...empty, cachedLayers: [{ edgeServerId: bServer.id, layerId: aLayer }] } },
      { type: 'restore', bundle: { ...empty, policyServices: [{ policyId: aPolicy, serviceId: bService.id }] } },
      { type: 'restore', bundle: { ...empty, policyEdgeServers: [{ policyId: aPolicy, edgeServerId: bServer.id }] } },
      ...aVnfs.map((v): Edit => ({ type: 'restore', bundle: { ...empty, vnfChain: [{ vnfId: v.id, nextVnfId: sb.entities.find((e) => e.kind === 'vnf')?.id ?? bServer.id }] } })),
    ];
    const before = await snapshot();
    for (const edit of attempts) {
      let message = '';
      try {
        await applyEdit(db.prisma, a, edit);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        message = `${error.code}: ${error.message}`;
      }
      expect(message, JSON.stringify(edit)).toMatch(/^INVALID_INPUT: .*another scenario/);
    }
    expect(await snapshot()).toEqual(before);
  });
});
