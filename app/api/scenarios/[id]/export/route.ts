import { getDb } from '@/lib/db';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return downloadResponse(async () => {
    const document = await exportScenarioDocument(await getDb(), id);
    return { body: `${JSON.stringify(document, null, 2)}\n`, fileName: `${fileStem(document.scenario.name)}.edgestack.json`, contentType: 'application/json; charset=utf-8' };
  });
}
