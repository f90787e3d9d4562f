import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decimalAdd,
  decimalCompare,
  decimalDivide,
  decimalMul,
  decimalRound,
  decimalShift,
  decimalSign,
  decimalSub,
  decimalSum,
  decimalToFixed,
  exactRatio,
  isDecimalLike,
  toDecimalString,
} from './decimal';

/** Decimals as clerks and DECIMAL columns have them: up to 12 integer digits, up to 4 decimals. */
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }))
  .map(([c, scale]) => {
    const negative = c < 0n;
    const digits = (negative ? -c : c).toString().padStart(scale + 1, '0');
    return `${negative ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
  });

describe(toDecimalString.name, () => {
  it('gives the canonical form of strings from the database and of numbers', () => {
    expect(toDecimalString('1234.5000')).toBe('1234.5');
    expect(toDecimalString('-0.000')).toBe('0');
    expect(toDecimalString(' +007.10 ')).toBe('7.1');
    expect(toDecimalString(0.1)).toBe('0.1');
    expect(toDecimalString(1e-7)).toBe('0.0000001');
    expect(toDecimalString(1.5e21)).toBe('1500000000000000000000');
    expect(toDecimalString('.5')).toBe('0.5');
  });

  it('refuses what is not a decimal', () => {
    expect(() => toDecimalString('1,234')).toThrow(RangeError);
    expect(() => toDecimalString('')).toThrow(RangeError);
    expect(() => toDecimalString(Number.NaN)).toThrow(RangeError);
    expect(() => toDecimalString(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe(decimalSub.name, () => {
  it('has no floating noise where plain numbers have it', () => {
    expect(565.3 - 500.1).not.toBe(65.2);
    expect(decimalSub(565.3, 500.1)).toBe('65.2');
    expect(decimalSub('0.3', 0.1)).toBe('0.2');
  });

  it('undoes decimalAdd exactly', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(decimalSub(decimalAdd(a, b), b)).toBe(toDecimalString(a));
      }),
    );
  });
});

describe(decimalAdd.name, () => {
  it('adds 0.1 and 0.2 to 0.3', () => {
    expect(decimalAdd(0.1, 0.2)).toBe('0.3');
  });

  it('is commutative and associative', () => {
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        expect(decimalAdd(a, b)).toBe(decimalAdd(b, a));
        expect(decimalAdd(decimalAdd(a, b), c)).toBe(decimalAdd(a, decimalAdd(b, c)));
      }),
    );
  });
});

describe(decimalSum.name, () => {
  it('sums ten times 0.1 to exactly 1', () => {
    expect(decimalSum(Array(10).fill(0.1))).toBe('1');
    expect(decimalSum([])).toBe('0');
  });
});

describe(decimalMul.name, () => {
  it('multiplies exactly', () => {
    expect(decimalMul('1.1', '1.1')).toBe('1.21');
    expect(decimalMul(25, '3.5')).toBe('87.5');
  });
});

describe(decimalShift.name, () => {
  it('moves the decimal point both ways and round-trips', () => {
    expect(decimalShift('12345.6789', -4)).toBe('1.23456789');
    expect(decimalShift('1.23456789', 4)).toBe('12345.6789');
    expect(() => decimalShift(1, 0.5)).toThrow(RangeError);
    fc.assert(
      fc.property(amount, fc.integer({ min: -12, max: 12 }), (a, e) => {
        expect(decimalShift(decimalShift(a, e), -e)).toBe(toDecimalString(a));
      }),
    );
  });
});

describe(decimalCompare.name, () => {
  it('orders like the real numbers', () => {
    expect(decimalCompare('2500', 2500.0)).toBe(0);
    expect(decimalCompare('2500.0001', 2500)).toBe(1);
    expect(decimalCompare(-1, '-0.5')).toBe(-1);
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(decimalCompare(a, b)).toBe(decimalSign(decimalSub(a, b)));
      }),
    );
  });
});

describe(decimalRound.name, () => {
  it('rounds half away from zero (四舍五入), unlike toFixed on binary doubles', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(decimalRound(1.005, 2)).toBe('1.01');
    expect(decimalRound('2.5', 0)).toBe('3');
    expect(decimalRound('-2.45', 1)).toBe('-2.5');
    expect(decimalRound(41.666666666666664, 1)).toBe('41.7');
    expect(decimalRound('-0.04', 1)).toBe('0');
    expect(() => decimalRound(1, -1)).toThrow(RangeError);
  });

  it('stays within half a unit of the last place', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 3 }), (a, d) => {
        const diff = decimalSub(decimalRound(a, d), a);
        const half = decimalShift('0.5', -d);
        expect(decimalCompare(diff.replace('-', ''), half)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe(decimalToFixed.name, () => {
  it('prints a fixed number of places', () => {
    expect(decimalToFixed(1.5, 2)).toBe('1.50');
    expect(decimalToFixed('0.005', 2)).toBe('0.01');
    expect(decimalToFixed(-0.004, 2)).toBe('0.00');
    expect(decimalToFixed('-12.345', 2)).toBe('-12.35');
    expect(decimalToFixed(7, 0)).toBe('7');
  });
});

describe(decimalDivide.name, () => {
  it('divides exactly when the quotient terminates, else to 20 significant digits', () => {
    expect(decimalDivide(46098, '1024.4')).toBe('45');
    expect(decimalDivide(1, 8)).toBe('0.125');
    expect(decimalDivide(500, 12)).toBe('41.666666666666666667');
    expect(decimalDivide(-2, 3, 3)).toBe('-0.667');
    expect(decimalDivide('0.0001', 3, 2)).toBe('0.000033');
    expect(decimalDivide(12, '0.0004')).toBe('30000');
    expect(decimalDivide(0, 7)).toBe('0');
    expect(decimalDivide(1, '0.00')).toBeNull();
    expect(() => decimalDivide(1, 3, 0)).toThrow(RangeError);
  });

  it('is undone by decimalMul when the quotient terminates', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (a, twos, fives) => {
        const divisor = 2 ** twos * 5 ** fives; // a ÷ 2^i·5^j terminates
        const q = decimalDivide(a, divisor, 40) as string;
        expect(decimalMul(q, divisor)).toBe(toDecimalString(a));
      }),
    );
  });
});

describe(exactRatio.name, () => {
  it('computes percentages on exact decimals', () => {
    expect(exactRatio(565, 1000, 100)).toBe(56.5);
    expect(0.565 * 100).not.toBe(56.5);
    expect(exactRatio(460.98, 1024.4, 100)).toBe(45);
    expect((460.98 * 100) / 1024.4).not.toBe(45);
    expect(exactRatio(1, 0)).toBeNull();
  });

  it('is within one unit in the last place of the true ratio', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        fc.pre(Number(b) !== 0);
        const r = exactRatio(a, b) as number;
        expect(Math.abs(r - Number(a) / Number(b))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(r));
      }),
    );
  });
});

describe(isDecimalLike.name, () => {
  it('accepts finite numbers and decimal strings only', () => {
    expect(isDecimalLike('12.5')).toBe(true);
    expect(isDecimalLike(3)).toBe(true);
    expect(isDecimalLike('—')).toBe(false);
    expect(isDecimalLike(Number.NaN)).toBe(false);
    expect(isDecimalLike(null)).toBe(false);
  });
});
