import { ZodError } from 'zod';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/db/database-unavailable';
import { translatePrismaError } from '@/lib/db/translate-prisma-error';
import { ERROR_CODES } from '@/lib/error-codes';
import { isDomainError, type ErrorCode } from '@/lib/errors';

/** What every server action returns: expected failures are values, keyed by form field
 * (`_form` for the form as a whole), never thrown at the page. */
export type ActionErrors = Record<string, string[]>;
export type ActionFailure = {
  ok: false;
  errors: ActionErrors;
  /** What failed, for a route to answer with its HTTP status (lib/error-codes.ts). */
  code?: ErrorCode;
};
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export const FORM = '_form';

/** Turns a thrown error into field messages a person can act on, and its domain code; unknown
 * errors are logged on the server and shown as a generic message, never as a stack trace. */
function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof ZodError) {
    const errors: ActionErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.length ? issue.path.join('.') : FORM;
      (errors[key] ??= []).push(issue.message);
    }
    return { ok: false, errors, code: 'INVALID_INPUT' };
  }
  if (isDomainError(error)) return { ok: false, errors: { [error.field ?? FORM]: [error.message] }, code: error.code };
  if (isDatabaseUnavailable(error)) return { ok: false, errors: { [FORM]: [DATABASE_UNAVAILABLE_MESSAGE] }, code: 'DATABASE_UNAVAILABLE' };
  const translated = translatePrismaError(error);
  if (translated) return { ok: false, errors: { [FORM]: [translated.message] }, code: translated.code };
  console.error('[edgestack] unexpected error in a server action:', error);
  return { ok: false, errors: { [FORM]: [ERROR_CODES.INTERNAL.message] }, code: 'INTERNAL' };
}

export function toActionErrors(error: unknown): ActionErrors {
  return toActionFailure(error).errors;
}

export async function runAction<T extends object>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    return toActionFailure(error);
  }
}
