import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { reasonToBuild } from './build-freshness';

test('a build is needed when missing or older than a source, not otherwise', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgestack-build-'));
  fs.mkdirSync(path.join(root, 'app'));
  fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'x');
  expect(reasonToBuild(root)).toMatch(/no production build/);

  fs.mkdirSync(path.join(root, '.next'));
  fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'id');
  const later = new Date(Date.now() + 10_000);
  fs.utimesSync(path.join(root, '.next', 'BUILD_ID'), later, later);
  expect(reasonToBuild(root)).toBeNull();

  const evenLater = new Date(Date.now() + 20_000);
  fs.utimesSync(path.join(root, 'app', 'page.tsx'), evenLater, evenLater);
  expect(reasonToBuild(root)).toMatch(/^app changed/);
  fs.rmSync(root, { recursive: true, force: true });
});
