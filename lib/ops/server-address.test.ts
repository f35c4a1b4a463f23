import { describe, expect, test } from 'vitest';
import nextConfig, { SECURITY_HEADERS } from '../../next.config.js';
import { serverAddress } from './server-address';

describe('serving', () => {
  test('npm start binds 127.0.0.1 unless HOST says otherwise', () => {
    expect(serverAddress({}).args).toEqual(['-H', '127.0.0.1', '-p', '3000']);
    expect(serverAddress({ HOST: '0.0.0.0', PORT: '8080' }).args).toEqual(['-H', '0.0.0.0', '-p', '8080']);
  });

  test('every page carries a Content-Security-Policy, frame-ancestors none, nosniff and a Referrer-Policy', async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([{ source: '/:path*', headers: SECURITY_HEADERS }]);
    const byName = new Map(SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value]));
    expect(byName.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(byName.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(byName.get('x-content-type-options')).toBe('nosniff');
    expect(byName.get('referrer-policy')).toBe('same-origin');
  });
});
