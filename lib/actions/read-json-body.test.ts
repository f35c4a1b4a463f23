import { describe, expect, test } from 'vitest';
import { runAction } from './action-result';
import { errorResponse } from './error-response';
import { readJsonBody } from './read-json-body';

const post = (headers: Record<string, string>, body = '{"a":1}') =>
  new Request('http://127.0.0.1:3000/api/scenarios', { method: 'POST', headers: { host: '127.0.0.1:3000', ...headers }, body });

/** What a route handler answers: runAction around readJsonBody, errors through errorResponse. */
async function answer(request: Request) {
  const result = await runAction(async () => ({ body: await readJsonBody(request, 1024) }));
  return result.ok ? { status: 200, body: result.body } : { status: errorResponse(result).status, errors: result.errors };
}

describe('readJsonBody', () => {
  test('a JSON post from the same origin, or from a client that sends no Origin (curl), is read', async () => {
    expect(await answer(post({ 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' }))).toEqual({ status: 200, body: { a: 1 } });
    expect(await answer(post({ 'content-type': 'application/json; charset=utf-8' }))).toEqual({ status: 200, body: { a: 1 } });
  });

  test('a body that is not declared as JSON is refused with 415 (a no-cors text/plain post from another site)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const out = await answer(post(type ? { 'content-type': type } : {}));
      expect(out.status, type).toBe(415);
      expect(JSON.stringify(out.errors)).toMatch(/application\/json/);
    }
  });

  test('a body that is not UTF-8 is refused with the offset of the first bad byte', async () => {
    const request = new Request('http://127.0.0.1:3000/api/scenarios', {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    const out = await answer(request);
    expect(out.status).toBe(400);
    expect(JSON.stringify(out.errors)).toMatch(/not valid UTF-8 at byte 3 \(0xff\)/);
  });

  test('a body over the limit is refused with 413', async () => {
    const out = await answer(post({ 'content-type': 'application/json' }, JSON.stringify({ a: 'x'.repeat(2000) })));
    expect(out.status).toBe(413);
    expect(JSON.stringify(out.errors)).toMatch(/limit is 1024|larger than 1024/);
  });

  test('a post from another origin is refused with 403 before its body is read', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:3001', 'null']) {
      const out = await answer(post({ 'content-type': 'application/json', origin }));
      expect(out.status, origin).toBe(403);
      expect(JSON.stringify(out.errors)).toMatch(/another site/);
    }
  });
});
