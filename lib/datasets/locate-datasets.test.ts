import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { locateDatasets, repositoryDatasets } from './locate-datasets';

const root = path.resolve(import.meta.dirname, '..', '..');

test('the datasets are the repository\'s own copy unless EDGESTACK_DATASETS overrides them', () => {
  expect(locateDatasets({})).toBe(path.join(root, 'datasets'));
  expect(repositoryDatasets()).toBe(path.join(root, 'datasets'));
  expect(locateDatasets({ EDGESTACK_DATASETS: '/x/y' })).toBe('/x/y');
});

test('every file the repository ships is credited in datasets/SOURCES.md', () => {
  const sources = fs.readFileSync(path.join(root, 'datasets', 'SOURCES.md'), 'utf8');
  const files = fs.readdirSync(path.join(root, 'datasets'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'SOURCES.md')
    .map((e) => path.relative(path.join(root, 'datasets'), path.join(e.parentPath, e.name)));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const dir = path.dirname(file);
    // A row names the file itself, or its folder with a wildcard (`topologies/*.graphml`).
    const credited = sources.includes(`\`${file}\``) || new RegExp(`\`${dir}/\\*\\.${path.extname(file).slice(1)}\``).test(sources);
    expect(credited, `${file} is not credited in datasets/SOURCES.md`).toBe(true);
  }
});
