import type { Db } from '@/lib/db';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { buildDemoScenarioDocument } from './demo-scenario';

/** Writes the demo scenario; with `onlyIfEmpty`, only into a database with no scenario yet,
 * so that a first start shows something and later starts never resurrect a deleted demo. */
export async function seedDemoScenario(db: Db, options: { onlyIfEmpty?: boolean; name?: string } = {}) {
  if (options.onlyIfEmpty && (await db.scenario.count()) > 0) return null;
  const document = scenarioDocumentSchema.parse(buildDemoScenarioDocument());
  return importScenarioDocument(db, document, { name: options.name });
}
