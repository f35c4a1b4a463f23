import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';

export const GET = guardRoute('viewer', async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return downloadResponse(async () => {
    const document = await exportScenarioDocument(await getDb(), id);
    return { body: `${JSON.stringify(document, null, 2)}\n`, fileName: `${fileStem(document.scenario.name)}.edgestack.json`, contentType: 'application/json; charset=utf-8' };
  });
});
