import type { Db } from '@/lib/db';
import { isDomainError } from '@/lib/errors';
import { toActionErrors, type ActionErrors } from '@/lib/actions/action-result';
import { applyEdit } from './apply-edit';
import { editSchema, type EditOutcome } from './edits';

/** `conflict` marks a save refused because someone else changed or deleted what it was based
 * on: the editor offers to reload instead of showing a field error. */
export type ArchitectureEditResult = { ok: true; outcome: EditOutcome } | { ok: false; conflict: boolean; errors: ActionErrors };

/** One editor edit, validated and applied in one transaction; refusals are values. */
export async function runArchitectureEdit(db: Db, scenarioId: string, edit: unknown): Promise<ArchitectureEditResult> {
  try {
    if (typeof scenarioId !== 'string' || !scenarioId) return { ok: false, conflict: false, errors: { _form: ['No scenario is selected.'] } };
    const outcome = await applyEdit(db, scenarioId, editSchema.parse(edit));
    return { ok: true, outcome };
  } catch (error) {
    const conflict = isDomainError(error) && (error.code === 'STALE_VERSION' || error.code === 'NOT_FOUND');
    return { ok: false, conflict, errors: toActionErrors(error) };
  }
}
