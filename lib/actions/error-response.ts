import { httpStatusOf } from '@/lib/error-codes';
import type { ActionFailure } from './action-result';

/** The HTTP face of a failed action: the status of its error code, with the same field messages
 * the forms show. */
export function errorResponse(failure: Pick<ActionFailure, 'errors' | 'code'>): Response {
  return Response.json({ ok: false, errors: failure.errors }, { status: httpStatusOf(failure.code) });
}
