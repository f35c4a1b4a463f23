import type { Db } from '@/lib/db';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';

/** The lossless scenario document (Foundation format), as the file people download. */
export async function exportScenarioJson(db: Db, scenarioId: string): Promise<string> {
  return `${JSON.stringify(await exportScenarioDocument(db, scenarioId), null, 2)}\n`;
}
