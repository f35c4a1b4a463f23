import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';
import { exportAssignmentsCsv } from '@/lib/exporters/export-assignments-csv';
import { exportPlacementManifests } from '@/lib/exporters/export-placement-manifests';
import { findPlacementRun } from '@/lib/exporters/find-placement-run';
import { findScenario } from '@/lib/exporters/find-scenario';

/**
 * A placement run (`?run=ID`, else the applied run, else the latest with assignments) as
 * Kubernetes Deployments pinned with node affinity (`?format=yaml`, default) or as an
 * assignments CSV (`?format=csv`).
 */
export const GET = guardRoute('viewer', async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const url = new URL(request.url);
  const csv = url.searchParams.get('format') === 'csv';
  return downloadResponse(async () => {
    const db = await getDb();
    const scenario = await findScenario(db, id);
    const run = await findPlacementRun(db, scenario.id, url.searchParams.get('run'));
    return csv
      ? { body: exportAssignmentsCsv(run), fileName: `${fileStem(scenario.name)}-assignments.csv`, contentType: 'text/csv; charset=utf-8' }
      : { body: exportPlacementManifests(run), fileName: `${fileStem(scenario.name)}-placement.yaml`, contentType: 'application/yaml; charset=utf-8' };
  });
});
