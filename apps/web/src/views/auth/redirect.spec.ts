import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('keeps paths of this app, with their query', () => {
    expect(safeRedirect('/industry?framework=xm-sei-5x&industry=sei.ngit.ic')).toBe('/industry?framework=xm-sei-5x&industry=sei.ngit.ic');
    expect(safeRedirect('/system/users')).toBe('/system/users');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?redirect=/x', '', undefined, 42, '/a\nb'])('refuses %j', (target) => {
    expect(safeRedirect(target)).toBe('/');
  });
});
