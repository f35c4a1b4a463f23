import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM } from '@/lib/actions/action-result';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { buildDemoScenarioDocument } from '@/lib/demo/demo-scenario';
import { runImport } from '@/lib/importers/plan-import';
import { createPrng, randomInt } from '@/lib/placement/prng';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';
import { importScenarioDocument, importScenarioDocumentText } from '@/lib/scenario-document/import-scenario-document';
import { findCrossScenarioRows } from '@/lib/testing/scenario-integrity';
import { runArchitectureEdit } from './run-architecture-edit';

// Two people work on one scenario at once: each edits edge servers, deletes services and undoes
// the deletes, and imports files into the same scenario, in parallel. Every call either succeeds
// or is refused with an expected reason (a conflict to reload, a name taken), never an
// unexpected failure; no save reported as done is lost; no row ends up pointing into another
// scenario; and the scenario still exports to a document that imports again.

const OPS_PER_SESSION = Number(process.env.EDGESTACK_CONCURRENCY_OPS ?? 16);
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'importers', 'fixtures', name), 'utf8');

let db: TestDatabase;
let scenarioId = '';
beforeAll(async () => {
  db = await createTestDatabase();
  scenarioId = (await importScenarioDocumentText(db.prisma, JSON.stringify(buildDemoScenarioDocument()), { name: 'shared' })).id;
}, 180_000);
afterAll(async () => db?.drop());

type Save = { session: string; serverId: string; cpuCores: number; version: number };

describe('two sessions on one scenario', () => {
  it('edits, deletes with undo and imports in parallel: expected refusals only, no lost save, no cross-scenario row', async () => {
    const unexpected: string[] = [];
    const saves: Save[] = [];
    let refusals = 0;

    const session = async (name: string, seed: number) => {
      const random = createPrng(seed);
      for (let op = 0; op < OPS_PER_SESSION; op++) {
        const choice = randomInt(random, 0, 3);
        try {
          if (choice === 0 || choice === 1) {
            // Edit an edge server from what this person last loaded.
            const servers = await db.prisma.edgeServer.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } });
            const server = servers[randomInt(random, 0, servers.length - 1)];
            const cpuCores = 1000 + seed * 1000 + op; // unique per save, so the final value names its save
            const result = await runArchitectureEdit(db.prisma, scenarioId, { type: 'update', kind: 'edgeServer', id: server.id, version: server.version, changes: { cpuCores } });
            if (result.ok) {
              const saved = result.outcome.upserted.entities.find((e) => e.id === server.id) as { version: number } | undefined;
              saves.push({ session: name, serverId: server.id, cpuCores, version: saved?.version ?? -1 });
            } else if (result.conflict) refusals++;
            else unexpected.push(`${name} update: ${JSON.stringify(result.errors)}`);
          } else if (choice === 2) {
            // Delete a service, then undo it.
            const services = await db.prisma.service.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } });
            if (services.length === 0) continue;
            const service = services[randomInt(random, 0, services.length - 1)];
            const deleted = await runArchitectureEdit(db.prisma, scenarioId, {
              type: 'delete',
              entities: [{ kind: 'service', id: service.id, version: service.version }],
              links: [],
              dependencies: [],
              manages: [],
            });
            if (!deleted.ok) {
              if (deleted.conflict) refusals++;
              else unexpected.push(`${name} delete: ${JSON.stringify(deleted.errors)}`);
              continue;
            }
            const restored = await runArchitectureEdit(db.prisma, scenarioId, { type: 'restore', bundle: deleted.outcome.bundle });
            if (!restored.ok) {
              // Undo may meet a name someone else took meanwhile: refused with that reason.
              if (restored.conflict || (restored.errors.name ?? restored.errors[FORM] ?? []).some((m) => /taken|no longer exists|changed/i.test(m))) refusals++;
              else unexpected.push(`${name} restore: ${JSON.stringify(restored.errors)}`);
            }
          } else {
            const file =
              random() < 0.5
                ? { kind: 'services' as const, fileName: 'boutique.yaml', text: fixture('boutique.yaml') }
                : { kind: 'nodes' as const, fileName: 'nodes.yaml', text: fixture('nodes.yaml') };
            await runImport(db.prisma, { scenarioId }, { kind: file.kind, fileName: file.fileName, content: file.text });
          }
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'STALE_VERSION' || code === 'NAME_TAKEN' || code === 'P2034' || code === 'P2028') refusals++;
          else unexpected.push(`${name} op ${op}: ${(error as Error).stack ?? String(error)}`);
        }
      }
    };

    await Promise.all([session('alice', 1), session('bob', 2)]);

    expect(unexpected).toEqual([]);
    expect(saves.length).toBeGreaterThan(0);
    // No lost save: each edge server holds the value of its save with the highest version.
    const servers = await db.prisma.edgeServer.findMany({ where: { scenarioId } });
    for (const server of servers) {
      const mine = saves.filter((s) => s.serverId === server.id).sort((a, b) => b.version - a.version);
      if (mine.length === 0) continue;
      expect(server.cpuCores, `edge server ${server.name}: saves ${JSON.stringify(mine)}`).toBe(mine[0].cpuCores);
    }
    expect(await findCrossScenarioRows(db.sql)).toEqual([]);
    // The scenario is still whole: it exports, and the export imports as a new scenario.
    const document = await exportScenarioDocument(db.prisma, scenarioId);
    const copy = await importScenarioDocument(db.prisma, document, { name: 'shared (copy)' });
    expect(await db.prisma.service.count({ where: { scenarioId: copy.id } })).toBe(await db.prisma.service.count({ where: { scenarioId } }));
    console.log(`[concurrency] ${saves.length} saves, ${refusals} expected refusals`);
  }, 600_000);
});
