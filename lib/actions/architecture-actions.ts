'use server';

import { applyEdit } from '@/lib/architecture/apply-edit';
import { editSchema, type EditOutcome } from '@/lib/architecture/edits';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import type { ArchitectureSnapshot } from '@/lib/architecture/model';
import { getDb } from '@/lib/db';
import { isDomainError } from '@/lib/errors';
import { toActionErrors, type ActionErrors } from './action-result';

/** `conflict` marks a save refused because someone else changed or deleted what it was based
 * on: the editor offers to reload instead of showing a field error. */
export type ArchitectureEditResult = { ok: true; outcome: EditOutcome } | { ok: false; conflict: boolean; errors: ActionErrors };

// Role checks: the project has no users yet. When it does, check here that the caller may
// edit this scenario before anything is parsed or written.

/** Applies one editor edit in one transaction (validated with zod here and in the domain). */
export async function applyArchitectureEditAction(scenarioId: string, edit: unknown): Promise<ArchitectureEditResult> {
  try {
    if (typeof scenarioId !== 'string' || !scenarioId) return { ok: false, conflict: false, errors: { _form: ['No scenario is selected.'] } };
    const parsed = editSchema.parse(edit);
    const outcome = await applyEdit(await getDb(), scenarioId, parsed);
    // No revalidatePath: every page renders per request (the root layout is force-dynamic), and
    // revalidating would make each drag re-render the whole canvas page on the server.
    return { ok: true, outcome };
  } catch (error) {
    const conflict = isDomainError(error) && (error.code === 'STALE_VERSION' || error.code === 'NOT_FOUND');
    return { ok: false, conflict, errors: toActionErrors(error) };
  }
}

/** The scenario as saved now: what "reload" shows after a conflict. */
export async function loadArchitectureAction(scenarioId: string): Promise<{ ok: true; snapshot: ArchitectureSnapshot } | { ok: false; errors: ActionErrors }> {
  try {
    return { ok: true, snapshot: await loadArchitecture(await getDb(), scenarioId) };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
