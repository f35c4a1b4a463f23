import { ZodError } from 'zod';
import { describeDatabaseError } from '@/lib/db/describe-database-error';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/db/database-unavailable';
import { isDomainError } from '@/lib/errors';

/** What every server action returns: expected failures are values, keyed by form field
 * (`_form` for the form as a whole), never thrown at the page. */
export type ActionErrors = Record<string, string[]>;
export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; errors: ActionErrors };

export const FORM = '_form';

/** Turns a thrown error into field messages a person can act on; unknown errors are logged
 * on the server and shown as a generic message, never as a stack trace. */
export function toActionErrors(error: unknown): ActionErrors {
  if (error instanceof ZodError) {
    const errors: ActionErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.length ? issue.path.join('.') : FORM;
      (errors[key] ??= []).push(issue.message);
    }
    return errors;
  }
  if (isDomainError(error)) return { [error.field ?? FORM]: [error.message] };
  if (isDatabaseUnavailable(error)) return { [FORM]: [DATABASE_UNAVAILABLE_MESSAGE] };
  const sentence = describeDatabaseError(error);
  if (sentence) return { [FORM]: [sentence] };
  console.error('[edgestack] unexpected error in a server action:', error);
  return { [FORM]: ['Something went wrong and nothing was changed. Try again; if it persists, check the server log.'] };
}

export async function runAction<T extends object>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
