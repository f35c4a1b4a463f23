'use server';

import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { runArchitectureEdit, type ArchitectureEditResult } from '@/lib/architecture/run-architecture-edit';
import type { ArchitectureSnapshot } from '@/lib/architecture/model';
import { getDb } from '@/lib/db';
import { toActionErrors, type ActionErrors } from './action-result';

export type { ArchitectureEditResult } from '@/lib/architecture/run-architecture-edit';

// Role checks: the project has no users yet. When it does, check here that the caller may
// edit this scenario before anything is parsed or written.

/** Applies one editor edit in one transaction (validated with zod here and in the domain). */
export async function applyArchitectureEditAction(scenarioId: string, edit: unknown): Promise<ArchitectureEditResult> {
  // No revalidatePath: every page renders per request (the root layout is force-dynamic), and
  // revalidating would make each drag re-render the whole canvas page on the server.
  return runArchitectureEdit(await getDb(), scenarioId, edit);
}

/** The scenario as saved now: what "reload" shows after a conflict. */
export async function loadArchitectureAction(scenarioId: string): Promise<{ ok: true; snapshot: ArchitectureSnapshot } | { ok: false; errors: ActionErrors }> {
  try {
    return { ok: true, snapshot: await loadArchitecture(await getDb(), scenarioId) };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
