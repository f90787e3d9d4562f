import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, correlationIdOf, isAllowedOrigin, isStateChanging } from './http-security';

function req(headers: Record<string, string>, protocol = 'http', host = 'stats.xm.gov.cn'): Request {
  const h: Record<string, string> = { host, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  return { protocol, get: (name: string) => h[name.toLowerCase()], headers: h } as unknown as Request;
}

describe('isAllowedOrigin', () => {
  it('accepts the app’s own host (whatever the scheme a TLS proxy hides) and the allowlist', () => {
    expect(isAllowedOrigin(req({ Origin: 'http://stats.xm.gov.cn' }), [])).toBe(true);
    expect(isAllowedOrigin(req({ Origin: 'https://stats.xm.gov.cn' }), [])).toBe(true);
    expect(isAllowedOrigin(req({ Origin: 'https://screen.xm.gov.cn' }), ['https://screen.xm.gov.cn'])).toBe(true);
  });

  it('refuses foreign and opaque origins', () => {
    expect(isAllowedOrigin(req({ Origin: 'https://evil.example' }), [])).toBe(false);
    expect(isAllowedOrigin(req({ Origin: 'http://stats.xm.gov.cn.evil.example' }), [])).toBe(false);
    expect(isAllowedOrigin(req({ Origin: 'null' }), [])).toBe(false);
    expect(isAllowedOrigin(req({ Origin: 'http://stats.xm.gov.cn:8080' }), [])).toBe(false);
    expect(isAllowedOrigin(req({ Origin: 'not a url' }), [])).toBe(false);
  });

  it('without Origin, refuses what the browser marks cross-site and accepts non-browser clients', () => {
    expect(isAllowedOrigin(req({ 'Sec-Fetch-Site': 'cross-site' }), [])).toBe(false);
    expect(isAllowedOrigin(req({ 'Sec-Fetch-Site': 'same-origin' }), [])).toBe(true);
    expect(isAllowedOrigin(req({}), [])).toBe(true);
  });
});

describe('correlationIdOf', () => {
  it('keeps a well-formed caller id and replaces anything else by a UUID', () => {
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'abc-12345678' } } as never)).toBe('abc-12345678');
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'bad id\n<script>' } } as never)).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdOf({ headers: {} } as never)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts: no inline, no eval, no framing, no plugins', () => {
    const csp = contentSecurityPolicy(false);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-eval|\*/);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(contentSecurityPolicy(true)['upgrade-insecure-requests']).toEqual([]);
  });
});

describe('isStateChanging', () => {
  it('treats everything but GET, HEAD and OPTIONS as state-changing', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map(isStateChanging)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'get'].map(isStateChanging)).toEqual([true, true, true, true, false]);
  });
});
