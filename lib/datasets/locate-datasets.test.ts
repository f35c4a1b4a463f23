import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { locateDatasets } from './locate-datasets';

test('finds shared/datasets walking up, and honours EDGESTACK_DATASETS', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-ds-'));
  fs.mkdirSync(path.join(root, 'shared', 'datasets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'shared', 'datasets', 'SOURCES.md'), '#');
  fs.mkdirSync(path.join(root, 'clones', 'a', 'b'), { recursive: true });
  expect(locateDatasets({}, path.join(root, 'clones', 'a', 'b'))).toBe(path.join(root, 'shared', 'datasets'));
  expect(locateDatasets({ EDGESTACK_DATASETS: '/x/y' }, root)).toBe('/x/y');
  fs.rmSync(root, { recursive: true, force: true });
});

test('the real datasets are reachable from the checkout', () => {
  expect(fs.existsSync(path.join(locateDatasets(), 'images', 'layers.json'))).toBe(true);
});
