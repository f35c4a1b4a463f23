import { DomainError } from '@/lib/errors';

/** Reads a JSON request body with a size limit, refusing before buffering more than allowed. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new DomainError('TOO_LARGE', `The request body is ${declared} bytes; the limit is ${maxBytes}.`);
  const reader = request.body?.getReader();
  if (!reader) throw new DomainError('INVALID_INPUT', 'Send a JSON body.');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new DomainError('TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The HTTP face of a failed action: 4xx with the same field messages the forms show. */
export function errorResponse(errors: Record<string, string[]>, status = 400): Response {
  return Response.json({ ok: false, errors }, { status });
}
