import fs from 'node:fs';
import path from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { parseCsv } from '@/lib/importers/csv/parse-csv';
import { runImport } from '@/lib/importers/plan-import';
import { planServicesImport } from '@/lib/importers/services/plan-services-import';
import { parseYamlDocuments } from '@/lib/importers/yaml/parse-yaml-documents';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { ASSIGNMENT_COLUMNS, exportAssignmentsCsv } from './export-assignments-csv';
import { dnsLabel, exportPlacementManifests } from './export-placement-manifests';
import { exportScenarioJson } from './export-scenario-json';
import { findPlacementRun } from './find-placement-run';

let db: TestDatabase;
let scenarioId: string;
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'importers', 'fixtures', name));

beforeAll(async () => {
  db = await createTestDatabase();
  const into = { scenarioName: 'Export me', createIfMissing: true };
  await runImport(db.prisma, into, { kind: 'images', content: fixture('docker-manifest-inspect-v.json'), fileName: 'redis.json' });
  await runImport(db.prisma, into, { kind: 'nodes', content: fixture('nodes.yaml'), fileName: 'nodes.yaml' });
  await runImport(db.prisma, into, { kind: 'nodes', content: fixture('inventory.csv'), fileName: 'inventory.csv' });
  const services = await runImport(db.prisma, into, { kind: 'services', content: fixture('boutique.yaml'), fileName: 'boutique.yaml' });
  scenarioId = services.scenario.id;
  // A finished placement run, as the engine would leave it.
  const servers = await db.prisma.edgeServer.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } });
  const svc = await db.prisma.service.findMany({ where: { scenarioId }, orderBy: { name: 'asc' } });
  const run = await db.prisma.placementRun.create({ data: { scenarioId, algorithm: 'greedy', status: 'feasible', finishedAt: new Date(), costBytes: 1n } });
  const rows: { runId: string; serviceId: string; replica: number; edgeServerId: string }[] = [];
  svc.forEach((s, i) => {
    for (let r = 0; r < s.replicas; r++) rows.push({ runId: run.id, serviceId: s.id, replica: r, edgeServerId: servers[(i + (r % 2)) % servers.length].id });
  });
  await db.prisma.assignment.createMany({ data: rows });
});
afterAll(async () => db?.drop());

describe('exporters round-trip', () => {
  test('scenario JSON: export → import → export gives the same document', async () => {
    const text = await exportScenarioJson(db.prisma, scenarioId);
    const parsed = parseScenarioDocument(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const copy = await importScenarioDocument(db.prisma, parsed.document, { name: 'Export me copy' });
    const again = await exportScenarioDocument(db.prisma, copy.id);
    expect({ ...again, scenario: { ...again.scenario, name: 'Export me' } }).toEqual(parsed.document);
    expect(parsed.document.images.some((i) => i.layers.length === 0 && i.declaredSizeBytes === null)).toBe(true);
  });

  test('placement as Kubernetes Deployments: one per service and edge server, pinned, valid, and read back to the same services', async () => {
    const run = await findPlacementRun(db.prisma, scenarioId);
    const yaml = exportPlacementManifests(run);
    const docs = parseAllDocuments(yaml).map((d) => d.toJS() as IDeployment);
    const groups = new Set(run.assignments.map((a) => `${a.serviceId}/${a.edgeServerId}`));
    expect(docs).toHaveLength(groups.size);
    for (const doc of docs) {
      expect(() => new Deployment(doc).validate()).not.toThrow();
      expect(doc.metadata!.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      const terms = doc.spec!.template.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms;
      const host = terms[0].matchExpressions!.find((e) => e.key === 'kubernetes.io/hostname');
      expect(host!.values).toEqual([doc.metadata!.annotations!['edgestack.io/edge-server']]);
    }
    // Reading the manifests back with the services importer: same images, requests and replica totals.
    const back = planServicesImport(parseYamlDocuments(yaml));
    const services = await db.prisma.service.findMany({ where: { scenarioId } });
    for (const s of services) {
      const parts = back.services.filter((b) => docs.find((d) => d.metadata!.name === b.name)?.metadata!.annotations!['edgestack.io/service'] === s.name);
      expect(
        parts.reduce((n, p) => n + p.replicas, 0),
        s.name,
      ).toBe(s.replicas);
      for (const p of parts) expect(p).toMatchObject({ imageRef: s.imageRef, cpuCores: s.cpuCores, memoryMiB: s.memoryMiB, accelerator: s.accelerator });
    }
  });

  test('assignments CSV: one row per replica, read back identically', async () => {
    const run = await findPlacementRun(db.prisma, scenarioId);
    const table = parseCsv(exportAssignmentsCsv(run));
    expect(table.headers).toEqual([...ASSIGNMENT_COLUMNS]);
    const rows = table.rows.map((r) => `${r.cells[0]}#${r.cells[1]}@${r.cells[2]}`).sort();
    const expected = run.assignments.map((a) => `${a.service.name}#${a.replica}@${a.edgeServer.name}`).sort();
    expect(rows).toEqual(expected);
    expect(table.rows.find((r) => r.cells[2] === 'mec-01')?.cells[3]).toBe('Site A, north');
  });

  test('DNS-1123 names from any service or server name', () => {
    expect(dnsLabel('frontend-edge-gw-01')).toBe('frontend-edge-gw-01');
    const odd = dnsLabel('Cache Service — Melbourne PoP (2)');
    expect(odd).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(dnsLabel('x'.repeat(100))).toHaveLength(63);
    expect(dnsLabel('A_B')).not.toBe(dnsLabel('a-b'));
  });
});
