import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainScaled, readAmount, readGranularity, readPercent, readPeriod } from './cells';

const TODAY = { year: 2025, month: 6 };

describe(readPeriod.name, () => {
  it('reads months, 1–m月 and the merged 1–2月 for monthly datasets', () => {
    expect(readPeriod('2025-03', 'industry-monthly', TODAY)).toEqual({ ok: true, value: { year: 2025, month: 3, granularity: 'month', merged: false, kind: 'month' } });
    expect(readPeriod('2025年1-5月', 'industry-monthly', TODAY)).toMatchObject({ ok: true, value: { month: 5, kind: 'ytd', merged: false } });
    expect(readPeriod('2025年1-2月', 'industry-monthly', TODAY)).toMatchObject({ ok: true, value: { month: 2, merged: true } });
  });

  it('reads quarters and years for macro figures only', () => {
    expect(readPeriod('2025年一季度', 'macro', TODAY)).toMatchObject({ ok: true, value: { month: 3, granularity: 'quarter', kind: 'quarter' } });
    expect(readPeriod('2024年前三季度', 'macro', TODAY)).toMatchObject({ ok: true, value: { month: 9, granularity: 'quarter', kind: 'ytd' } });
    expect(readPeriod('2024年', 'macro', TODAY)).toMatchObject({ ok: true, value: { month: 12, granularity: 'year' } });
    expect(readPeriod('2025年一季度', 'industry-monthly', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('不是月度期间') });
    expect(readPeriod('2024年上半年', 'macro', TODAY)).toMatchObject({ ok: false });
  });

  it('refuses periods after this month and obeys an explicit 频度', () => {
    expect(readPeriod('2025-07', 'industry-monthly', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('晚于本月') });
    expect(readPeriod('2024年1-9月', 'macro', TODAY, 'quarter')).toMatchObject({ ok: true, value: { granularity: 'quarter', month: 9 } });
    expect(readPeriod('2024-05', 'macro', TODAY, 'quarter')).toMatchObject({ ok: false, message: expect.stringContaining('频度') });
  });
});

describe(readGranularity.name, () => {
  it('reads 月 / 季 / 年 in Chinese and English', () => {
    expect(['月', '季度', '年', 'Quarter', ''].map(readGranularity)).toEqual(['month', 'quarter', 'year', 'quarter', null]);
    expect(readGranularity('周')).toBeUndefined();
  });
});

describe(readAmount.name, () => {
  it('converts exactly to 万元 (×10⁴ scaled) from 元, 千元, 万元, 亿元', () => {
    expect(readAmount('1,234.5', '亿元')).toEqual({ ok: true, value: { scaled: 123450000000, rounded: false } });
    expect(readAmount('3200500', '千元')).toEqual({ ok: true, value: { scaled: 3200500000, rounded: false } });
    expect(readAmount('12345.67', '元')).toMatchObject({ ok: true, value: { scaled: 12346, rounded: true } });
    expect(readAmount('—', '万元')).toMatchObject({ ok: true, value: { rounded: false } });
  });

  it('refuses negatives (unless allowed), percents and out-of-range values', () => {
    expect(readAmount('-5', '万元')).toMatchObject({ ok: false, message: expect.stringContaining('负数') });
    expect(readAmount('-5', '万元', { allowNegative: true })).toEqual({ ok: true, value: { scaled: -50000, rounded: false } });
    expect(readAmount('5%', '万元')).toMatchObject({ ok: false });
    expect(readAmount('99999999999', '亿元')).toMatchObject({ ok: false, message: expect.stringContaining('范围') });
  });
});

describe(readPercent.name, () => {
  it('reads growth rates, refuses below −100 %', () => {
    expect(readPercent('5.2')).toEqual({ ok: true, value: 52000 });
    expect(readPercent('（3.1）')).toEqual({ ok: true, value: -31000 });
    expect(readPercent('-120')).toMatchObject({ ok: false });
  });
});

describe(plainScaled.name, () => {
  it('agrees with the full reading wherever it answers (property)', () => {
    const decimalText = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(decimalText, fc.constantFrom('元', '千元', '万元', '亿元') as fc.Arbitrary<'元' | '千元' | '万元' | '亿元'>, (text, unit) => {
        const exponent = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 }[unit];
        const fast = plainScaled(text, exponent);
        if (fast === null) return;
        const full = readAmount(` ${text} `, unit, { allowNegative: true });
        if (full.ok) expect(full.value.scaled).toBe(fast);
      }),
      { numRuns: 2000 },
    );
  });
});
