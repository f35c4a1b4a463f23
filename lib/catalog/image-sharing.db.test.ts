import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { datasetPath } from '@/lib/datasets/locate-datasets';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { runImport } from '@/lib/importers/plan-import';
import { loadSharingImages, sharingMatrix, summarizeSharing } from './image-sharing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

test('the sharing summary of the 2023 Docker Hub snapshot matches the counts in datasets/SOURCES.md', async () => {
  const r = await runImport(
    db.prisma,
    { scenarioName: 'hub', createIfMissing: true },
    { kind: 'images', content: fs.readFileSync(datasetPath('images', 'layers.json')), fileName: 'layers.json', options: { snapshot: 'dockerhub-2023-07' } },
  );
  const images = await loadSharingImages(db.prisma, r.scenario.id);
  const [amd64] = summarizeSharing(images);
  expect(amd64).toMatchObject({
    arch: 'amd64',
    images: 136,
    distinctLayers: 797,
    layersSharedBy2Plus: 57,
    maxSharing: 22,
    bytesWithoutSharing: 30_565_598_540,
    bytesWithSharing: 22_880_117_915,
  });
  expect(amd64.saving).toBeCloseTo(0.2514, 4);
  const m = sharingMatrix(images, 'amd64', 10);
  expect(m.images).toHaveLength(10);
  for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) expect(m.bytes[a][b]).toBe(m.bytes[b][a]);
  expect(m.max).toBeGreaterThan(0);
});
