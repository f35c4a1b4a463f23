import { DomainError } from '@/lib/errors';
import { decodeUtf8 } from '@/lib/importers/decode-utf8';

// The fields these refusals are filed under.
const CONTENT_TYPE_FIELD = 'contentType';
const ORIGIN_FIELD = 'origin';

/**
 * A browser on another site can post to us without a preflight only as text/plain, form or
 * multipart, and it always says where it comes from: so a body must be declared as JSON, and an
 * Origin, when sent, must be ours. Clients that send no Origin (curl, scripts) are not browsers
 * carrying someone's session, and are let through.
 */
function assertJsonFromSameOrigin(request: Request) {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
    let originHost: string | null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== host) {
      throw new DomainError(
        'FORBIDDEN_ORIGIN',
        `Requests from another site (${origin}) are refused; use the dashboard at ${host}, or a client that sends no Origin.`,
        ORIGIN_FIELD,
      );
    }
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the body as JSON with "Content-Type: application/json"${type ? ` (this one is ${type})` : ''}.`, CONTENT_TYPE_FIELD);
  }
}

/** Reads a JSON request body with a size limit, refusing before buffering more than allowed.
 * Only JSON, and only from this site or from clients that are not browsers (see above). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  assertJsonFromSameOrigin(request);
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
  const text = decodeUtf8(Buffer.concat(chunks), 'The request body');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `The body is not valid JSON: ${(error as Error).message}`);
  }
}
