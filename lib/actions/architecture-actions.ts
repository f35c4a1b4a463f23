'use server';

import { asRole } from '@/lib/auth/require-role';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { runArchitectureEdit, type ArchitectureEditResult } from '@/lib/architecture/run-architecture-edit';
import type { ArchitectureSnapshot } from '@/lib/architecture/snapshot';
import { getDb } from '@/lib/db';
import { toActionErrors, type ActionErrors } from './action-result';

export type { ArchitectureEditResult } from '@/lib/architecture/run-architecture-edit';

/** Applies one editor edit in one transaction (validated with zod here and in the domain). */
export async function applyArchitectureEditAction(scenarioId: string, edit: unknown): Promise<ArchitectureEditResult> {
  // No revalidatePath: every page renders per request (the root layout is force-dynamic), and
  // revalidating would make each drag re-render the whole canvas page on the server.
  try {
    return await asRole('planner', async () => runArchitectureEdit(await getDb(), scenarioId, edit));
  } catch (error) {
    // Only the role check throws here; the edit's own refusals are values.
    return { ok: false, conflict: false, errors: toActionErrors(error) };
  }
}

/** The scenario as saved now: what "reload" shows after a conflict. */
export async function loadArchitectureAction(scenarioId: string): Promise<{ ok: true; snapshot: ArchitectureSnapshot } | { ok: false; errors: ActionErrors }> {
  try {
    return await asRole('viewer', async () => ({ ok: true as const, snapshot: await loadArchitecture(await getDb(), scenarioId) }));
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
