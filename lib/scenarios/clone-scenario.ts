import type { Db } from '@/lib/db';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { cloneScenarioSchema } from './scenario-schema';
import { withUniqueNameGuard } from './with-unique-name-guard';

/** A deep copy for what-if planning: the clone goes through the same lossless document as
 * export/import, so a clone can never drift from what a backup would restore. */
export async function cloneScenario(db: Db, input: { id: string; name: string }) {
  const { id, name } = cloneScenarioSchema.parse(input);
  const document = await exportScenarioDocument(db, id);
  return withUniqueNameGuard(() => importScenarioDocument(db, document, { name }));
}
