import { describe, expect, it } from 'vitest';
import { normalizeDecimal } from './decimal';

describe(normalizeDecimal.name, () => {
  it('gives the same string for what mysql2 and better-sqlite3 return for one stored value', () => {
    expect(normalizeDecimal('1234.5000', 4)).toBe('1234.5');
    expect(normalizeDecimal(1234.5, 4)).toBe('1234.5');
    expect(normalizeDecimal(0.1 + 0.2, 4)).toBe('0.3');
    expect(normalizeDecimal(99999999999.9999, 4)).toBe('99999999999.9999');
    expect(normalizeDecimal('-0.0000', 4)).toBe('0');
    expect(normalizeDecimal('007.10', 4)).toBe('7.1');
  });

  it('keeps missing as missing, never zero', () => {
    expect(normalizeDecimal(null, 4)).toBeNull();
    expect(normalizeDecimal(undefined, 4)).toBeNull();
    expect(normalizeDecimal('', 4)).toBeNull();
  });

  it('rejects what is not a decimal', () => {
    expect(() => normalizeDecimal('1e5', 4)).toThrow();
    expect(() => normalizeDecimal('abc', 4)).toThrow();
  });
});
