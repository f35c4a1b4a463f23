// A new embedded database starts as a copy of a template: a data folder initialised and migrated
// once per machine, kept under `.cache/pglite-template/`. Initialising a Postgres cluster in
// WebAssembly takes seconds (10.7 s measured on this project's 2-core machine under load),
// copying the 40 MB template well under one; that is most of the first command on a new folder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { appRoot } from '@/lib/ops/app-root';
import { applyMigrations, readMigrations } from './migrate';
import { pgliteSqlRunner } from './pglite-sql-runner';

const PG_VERSION_FILE = 'PG_VERSION';

/** Same embedded engine and same migrations: the same template. */
function templateKey(): string {
  const pglite = JSON.parse(fs.readFileSync(path.join(appRoot(), 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(pglite.version);
  for (const m of readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(dir: string): Promise<void> {
  const temp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  fs.mkdirSync(temp, { recursive: true });
  const client = new PGlite(temp);
  try {
    await client.waitReady;
    await applyMigrations(pgliteSqlRunner(client));
  } finally {
    await client.close();
  }
  try {
    fs.renameSync(temp, dir);
  } catch {
    // Another process made the same template meanwhile: keep theirs.
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Fills an empty data folder from the template (made first if this machine has none), so that
 * opening it finds a migrated cluster. Does nothing to a folder that already holds one, or when
 * the template cannot be kept (a read-only checkout): PGlite then initialises the folder itself.
 */
export async function seedFromTemplate(dataDir: string): Promise<boolean> {
  if (fs.existsSync(path.join(dataDir, PG_VERSION_FILE))) return false;
  let template: string;
  try {
    template = path.join(appRoot(), '.cache', 'pglite-template', templateKey());
    if (!fs.existsSync(path.join(template, PG_VERSION_FILE))) {
      fs.mkdirSync(path.dirname(template), { recursive: true });
      await buildTemplate(template);
    }
    fs.cpSync(template, dataDir, { recursive: true });
    return true;
  } catch (error) {
    process.emitWarning(`edgestack: no embedded-database template (${(error as Error).message}); initialising ${dataDir} directly`);
    return false;
  }
}
