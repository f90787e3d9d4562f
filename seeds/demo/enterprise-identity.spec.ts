import { isValidCreditCode } from '@im/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIVISION_CODES, makeCreditCode, makeEnterpriseName, orgCodeCheckChar } from './enterprise-identity';
import { rng } from './prng';

describe(orgCodeCheckChar.name, () => {
  it('follows GB 11714 (weights 3 7 9 10 5 8 4 2, modulo 11, 10 → X, 11 → 0)', () => {
    // 1·3 + 2·7 + 3·9 + 4·10 + 5·5 + 6·8 + 7·4 + 8·2 = 201 ≡ 3 (mod 11) → 11 − 3 = 8
    expect(orgCodeCheckChar('12345678')).toBe('8');
    // 0 → 11 → '0'
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // 9·5 = 45 ≡ 1 → 10 → 'X'
    expect(orgCodeCheckChar('00009000')).toBe('X');
    // 1·3 + 4·2 = 11 ≡ 0 → '0'
    expect(orgCodeCheckChar('10000004')).toBe('0');
  });

  it('rejects anything but 8 digits', () => {
    expect(() => orgCodeCheckChar('1234567')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1234567A')).toThrow(RangeError);
  });
});

describe(makeCreditCode.name, () => {
  it('draws valid 18-character codes of Xiamen companies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...Object.keys(DIVISION_CODES)), (seed, district) => {
        const code = makeCreditCode(rng(seed, 'test'), district);
        expect(isValidCreditCode(code)).toBe(true);
        expect(code.slice(0, 8)).toBe(`91${DIVISION_CODES[district]}`);
        expect(code[16]).toBe(orgCodeCheckChar(code.slice(8, 16)));
      }),
    );
  });
});

describe(makeEnterpriseName.name, () => {
  it('gives unique, clearly fictional names', () => {
    const taken = new Set<string>();
    const r = rng(1, 'names');
    for (let i = 0; i < 400; i++) {
      const name = makeEnterpriseName(r, 'sei.ngit.ic', taken);
      expect(name).toMatch(/^厦门示例.+集成电路.*有限公司$/);
    }
    expect(taken.size).toBe(400);
  });
});
