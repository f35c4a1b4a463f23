// `npm run db:migrate`: apply pending SQL migrations to DATABASE_URL or the embedded database.
import { closeDatabase } from '../lib/db';
import { applyMigrations } from '../lib/db/migrate';
import { openDatabase, resolveDatabaseTarget } from '../lib/db/open-database';

const database = await openDatabase(resolveDatabaseTarget());
try {
  const report = await applyMigrations(database.sql);
  process.stderr.write(
    `[edgestack] ${database.kind} (${database.location}): ${report.applied.length} migration(s) applied${report.applied.length ? `: ${report.applied.join(', ')}` : ''}, ${report.alreadyApplied} already applied\n`,
  );
} catch (error) {
  process.stderr.write(`[edgestack] migration failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
  await closeDatabase();
}
