import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';
import { exportTopologyGraphml } from '@/lib/exporters/export-topology-graphml';
import { findScenario } from '@/lib/exporters/find-scenario';

/** The scenario's network (network nodes, edge servers, links) as GraphML. */
export const GET = guardRoute('viewer', async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return downloadResponse(async () => {
    const db = await getDb();
    const scenario = await findScenario(db, id);
    return { body: await exportTopologyGraphml(db, scenario.id), fileName: `${fileStem(scenario.name)}.graphml`, contentType: 'application/graphml+xml; charset=utf-8' };
  });
});
