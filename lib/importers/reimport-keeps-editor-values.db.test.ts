import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchitectureEdit } from '@/lib/architecture/run-architecture-edit';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { runImport } from './plan-import';

// A re-import is a merge: what the file states wins, and what it does not state (a column it
// lacks, a quantity a Kubernetes node never reports) keeps the value set in the editor instead of
// being reset to the importer's default.

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(async () => db?.drop());

async function editServer(scenarioId: string, name: string, changes: Record<string, unknown>) {
  const server = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name } });
  const result = await runArchitectureEdit(db.prisma, scenarioId, { type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes });
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

describe('re-importing edge servers', () => {
  it('a Kubernetes NodeList keeps the bandwidth set in the editor, and sets what the nodes report', async () => {
    const first = await runImport(db.prisma, { scenarioName: 'nodes', createIfMissing: true }, { kind: 'nodes', fileName: 'nodes.yaml', content: fixture('nodes.yaml') });
    const scenarioId = first.scenario.id;
    const before = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name: 'edge-gw-01' } });
    await editServer(scenarioId, 'edge-gw-01', { bandwidthMbps: 2500, cpuCores: before.cpuCores + 1 });
    await runImport(db.prisma, { scenarioId }, { kind: 'nodes', fileName: 'nodes.yaml', content: fixture('nodes.yaml') });
    const after = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name: 'edge-gw-01' } });
    expect(after.bandwidthMbps).toBe(2500);
    expect(after.cpuCores).toBe(before.cpuCores);
  });

  it('a CSV without a column keeps that field, and overwrites the fields it has', async () => {
    const first = await runImport(db.prisma, { scenarioName: 'inventory', createIfMissing: true }, { kind: 'nodes', fileName: 'inventory.csv', content: fixture('inventory.csv') });
    const scenarioId = first.scenario.id;
    const before = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name: 'mec-01' } });
    await editServer(scenarioId, 'mec-01', { bandwidthMbps: 777, tier: 'cloud' });
    await runImport(db.prisma, { scenarioId }, { kind: 'nodes', fileName: 'cpu-only.csv', content: 'name,cpu\nmec-01,12\n' });
    const after = await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name: 'mec-01' } });
    expect(after).toMatchObject({
      cpuCores: 12,
      bandwidthMbps: 777,
      tier: 'cloud',
      siteId: before.siteId,
      arch: before.arch,
      memoryMiB: before.memoryMiB,
      storageBytes: before.storageBytes,
    });
    expect(after.accelerators).toEqual(before.accelerators);
    // A new server from the same file takes the defaults.
    await runImport(db.prisma, { scenarioId }, { kind: 'nodes', fileName: 'new.csv', content: 'name,cpu\nmec-09,2\n' });
    expect(await db.prisma.edgeServer.findFirstOrThrow({ where: { scenarioId, name: 'mec-09' } })).toMatchObject({ cpuCores: 2, bandwidthMbps: 1000, tier: 'edge' });
  });
});
