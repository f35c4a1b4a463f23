import { buildControlInput, describeControlInputFailure } from '@/lib/control-plans/build-control-input';
import { guardRoute } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { downloadResponse, fileStem } from '@/lib/exporters/download-response';

/** The scenario and its applied placement as the ControlInput the control engine compiles, to
 * reproduce a plan outside the dashboard. */
export const GET = guardRoute('viewer', async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return downloadResponse(async () => {
    const db = await getDb();
    const built = await buildControlInput(db, id);
    if (!built.ok) throw new DomainError(built.reason === 'not-found' ? 'NOT_FOUND' : 'INVALID_INPUT', describeControlInputFailure(built));
    const name = built.input.source.scenario ?? 'scenario';
    return { body: `${JSON.stringify(built.input, null, 2)}\n`, fileName: `${fileStem(name)}.control-input.json`, contentType: 'application/json; charset=utf-8' };
  });
});
