import fs from 'node:fs';
import path from 'node:path';

// What a production build is made from; a change in any of these makes the build stale.
const SOURCES = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];
const SKIP = new Set(['node_modules', '.next', '.data', 'generated']);

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Why the production build must be (re)made, or null when `.next` is newer than every source. */
export function reasonToBuild(root: string): string | null {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return 'there is no production build yet';
  const built = fs.statSync(buildId).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(path.join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Whether the generated Prisma client is missing or older than the schema. */
export function clientIsStale(root: string): boolean {
  const client = path.join(root, 'lib', 'generated', 'prisma', 'client.ts');
  if (!fs.existsSync(client)) return true;
  return fs.statSync(path.join(root, 'prisma', 'schema.prisma')).mtimeMs > fs.statSync(client).mtimeMs;
}
