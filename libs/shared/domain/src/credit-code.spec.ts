import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, checkCreditCode, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('creditCodeCheckChar', () => {
  it('matches published codes', () => {
    // 91350200MA2Y0XXXXX-style codes published on 国家企业信用信息公示系统: check characters computed by hand.
    expect(creditCodeCheckChar('91350200260130346')).toBe('B'); // 厦门钨业股份有限公司 91350200260130346B
    expect(creditCodeCheckChar('91110000802100433')).toBe('B'); // 中国石油化工股份有限公司 91110000802100433B
  });
});

describe('checkCreditCode', () => {
  it('accepts valid codes and names what is wrong with invalid ones', () => {
    expect(checkCreditCode('91350200260130346B')).toBeNull();
    expect(checkCreditCode('91350200260130346C')).toBe('checkDigit');
    expect(checkCreditCode('9135020026013034')).toBe('length');
    expect(checkCreditCode('91350200260130346I')).toBe('charset');
  });

  it('accepts every code built with its check character and rejects any single-character change', () => {
    const char = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
    fc.assert(
      fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), fc.nat(16), char, (body, pos, replacement) => {
        const first17 = body.join('');
        const code = first17 + creditCodeCheckChar(first17);
        expect(isValidCreditCode(code)).toBe(true);
        if (replacement !== code[pos]) {
          const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
          expect(isValidCreditCode(changed)).toBe(false);
        }
      }),
    );
  });
});

describe('normalizeCreditCode', () => {
  it('turns full-width and lower-case input into the canonical form', () => {
    expect(normalizeCreditCode(' ９１３５０２００２６０１３０３４６ｂ ')).toBe('91350200260130346B');
  });
});
