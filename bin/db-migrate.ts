// `npm run db:migrate`: apply pending SQL migrations to DATABASE_URL or the embedded database.
import { applyMigrations } from '../lib/db/migrate';
import { openDatabase, resolveDatabaseTarget, type Database } from '../lib/db/open-database';

let database: Database | undefined;
try {
  database = await openDatabase(resolveDatabaseTarget());
  const report = await applyMigrations(database.sql);
  const applied = report.applied.length ? `: ${report.applied.join(', ')}` : '';
  process.stderr.write(`[edgestack] ${database.kind} (${database.location}): ${report.applied.length} migration(s) applied${applied}, ${report.alreadyApplied} already applied\n`);
} catch (error) {
  process.stderr.write(`[edgestack] migration failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database?.close();
}
