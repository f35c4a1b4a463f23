import { getDb } from '@/lib/db';
import { buildPlacementProblem, describeBuildFailure } from '@/lib/placement-runs/build-placement-problem';

/** The scenario as the exact PlacementProblem (spec v1) a run would solve, to reproduce it with
 * `npx edgestack placement solve`. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const db = await getDb();
  const scenario = await db.scenario.findUnique({ where: { id }, select: { name: true } });
  if (!scenario) return Response.json({ error: 'This scenario no longer exists.' }, { status: 404 });
  const objective = new URL(request.url).searchParams.get('objective') === 'download' ? 'download' : 'storage';
  const built = await buildPlacementProblem(db, id, objective);
  if (!built.ok) return Response.json({ error: describeBuildFailure(built) }, { status: 422 });
  const fileName = `${scenario.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-|-$/g, '') || 'scenario'}.placement-problem.json`;
  return new Response(`${JSON.stringify(built.problem, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}"`,
      'cache-control': 'no-store',
    },
  });
}
