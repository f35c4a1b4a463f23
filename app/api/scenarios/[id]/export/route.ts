import { getDb } from '@/lib/db';
import { isDomainError } from '@/lib/errors';
import { exportScenarioDocument } from '@/lib/scenario-document/export-scenario-document';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  try {
    const document = await exportScenarioDocument(await getDb(), id);
    const fileName = `${document.scenario.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-|-$/g, '') || 'scenario'}.edgestack.json`;
    return new Response(`${JSON.stringify(document, null, 2)}\n`, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
