import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled, sameScaled, storedToScaled, toScaled } from './scaled';

describe(toScaled.name, () => {
  it('reads decimals exactly', () => {
    expect(toScaled('1234.5')).toBe(12345000);
    expect(toScaled('-0.0001')).toBe(-1);
    expect(toScaled('99999999999.9999')).toBe(999999999999999);
    expect(toScaled('0')).toBe(0);
    expect(() => toScaled('1.23456')).toThrow();
  });
});

describe(fromScaled.name, () => {
  it('writes canonical decimals and null for missing', () => {
    expect(fromScaled(12345000)).toBe('1234.5');
    expect(fromScaled(-1)).toBe('-0.0001');
    expect(fromScaled(0)).toBe('0');
    expect(fromScaled(NaN)).toBeNull();
  });

  it('round-trips every DECIMAL(15,4) value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999999999999999, max: 999999999999999 }), (n) => {
        expect(toScaled(fromScaled(n)!)).toBe(n);
      }),
    );
  });
});

describe(storedToScaled.name, () => {
  it('reads mysql2 strings, SQLite doubles and null', () => {
    expect(storedToScaled('1234.5000')).toBe(12345000);
    expect(storedToScaled(1234.5)).toBe(12345000);
    expect(storedToScaled(0.1 + 0.2)).toBe(3000);
    expect(storedToScaled('-12.0001')).toBe(-120001);
    expect(Number.isNaN(storedToScaled(null))).toBe(true);
  });

  it('compares missing as equal', () => {
    expect(sameScaled(NaN, NaN)).toBe(true);
    expect(sameScaled(1, NaN)).toBe(false);
  });
});
