import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type PastYearYtd, completionPct, describeProgressGap, naiveTimeProgressPct, progressGapPp, shareOfYearPct, timeProgress } from './time-progress';

// Two past years of the same series (亿元): 1–2月 is 12 % of the year (Spring Festival), 1–5月 40 % on average.
const y2022: PastYearYtd = { year: 2022, ytd: { 2: 120, 5: 380, 12: 1000 } };
const y2023: PastYearYtd = { year: 2023, ytd: { 2: '132', 5: '462', 12: '1100' } };
const partial: PastYearYtd = { year: 2024, ytd: { 2: 140, 5: 500 } }; // no annual total yet

describe(naiveTimeProgressPct.name, () => {
  it('is m/12 × 100', () => {
    expect(naiveTimeProgressPct(6)).toBe(50);
    expect(naiveTimeProgressPct(5)).toBeCloseTo(41.6667, 4);
    expect(naiveTimeProgressPct(12)).toBe(100);
    expect(() => naiveTimeProgressPct(0)).toThrow(RangeError);
  });
});

describe(completionPct.name, () => {
  it('is YTD ÷ annual target × 100, null without data', () => {
    expect(completionPct(565, 1000)).toBe(56.5);
    expect(completionPct(null, 1000)).toBeNull();
    expect(completionPct(565, 0)).toBeNull();
  });
});

describe(describeProgressGap.name, () => {
  it('writes the sentence of the brief: target 1000, 1–5月 565 → 快于时序进度 14.8 个百分点', () => {
    const completion = completionPct(565, 1000) as number; // 56.5 %
    const naive = naiveTimeProgressPct(5); // 5/12 = 41.666… → 41.7 %
    expect(completion).toBe(56.5);
    expect(naive.toFixed(1)).toBe('41.7');
    expect(describeProgressGap(completion, naive)).toBe('快于时序进度 14.8 个百分点'); // 56.5 − 41.7
  });

  it('says 慢于 or 持平', () => {
    expect(describeProgressGap(48.2, 50)).toBe('慢于时序进度 1.8 个百分点');
    expect(describeProgressGap(50.04, 50)).toBe('与时序进度持平');
    expect(describeProgressGap(8.33, 100 / 12)).toBe('与时序进度持平'); // 8.3 − 8.3
  });

  it('states the difference of the figures as printed beside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15000 }), fc.integer({ min: 1, max: 12 }), (tenthsOfCompletion, month) => {
        const completion = tenthsOfCompletion / 10;
        const progress = naiveTimeProgressPct(month);
        const printedGap = Math.round(completion * 10) - Math.round(progress * 10); // in tenths
        const sentence = describeProgressGap(completion, progress);
        if (printedGap === 0) expect(sentence).toBe('与时序进度持平');
        else expect(sentence).toBe(`${printedGap > 0 ? '快于' : '慢于'}时序进度 ${(Math.abs(printedGap) / 10).toFixed(1)} 个百分点`);
      }),
    );
  });
});

describe(progressGapPp.name, () => {
  it('is completion − time progress without floating noise', () => {
    expect(progressGapPp(56.5, 41.7)).toBe(14.8);
    expect(progressGapPp(48.2, 50)).toBe(-1.8);
  });
});

describe(shareOfYearPct.name, () => {
  it('is YTD(m) over the annual total of one past year', () => {
    expect(shareOfYearPct(y2022, 5)).toBe(38);
    expect(shareOfYearPct(y2023, 5)).toBe(42);
    expect(shareOfYearPct(partial, 5)).toBeNull();
    expect(shareOfYearPct(y2022, 1)).toBeNull(); // published as 1–2月: no January
  });
});

describe(timeProgress.name, () => {
  it('uses the seasonal time progress when two complete past years exist', () => {
    const tp = timeProgress(5, [y2023, y2022, partial]);
    expect(tp.naivePct).toBeCloseTo(41.6667, 4);
    expect(tp.seasonalPct).toBe(40); // (38 + 42) / 2
    expect(tp.basis).toBe('seasonal');
    expect(tp.pct).toBe(40);
    expect(tp.yearsUsed).toEqual([2022, 2023]);
    expect(tp.note).toContain('2022、2023年');
    expect(timeProgress(2, [y2022, y2023]).seasonalPct).toBe(12); // 1–2月 is 12 %, not 16.7 %
  });

  it('falls back to m/12 with fewer complete past years, and says so', () => {
    const one = timeProgress(5, [y2022, partial]);
    expect(one).toMatchObject({ basis: 'naive', seasonalPct: null, yearsUsed: [2022] });
    expect(one.pct).toBe(one.naivePct);
    expect(one.note).toContain('只有 1 年');
    expect(timeProgress(1, [y2022, y2023]).note).toContain('没有');
    expect(timeProgress(5, [y2022], 1).basis).toBe('seasonal');
    expect(() => timeProgress(5, [y2022, y2022])).toThrow(RangeError);
  });

  it('lies between the smallest and largest past share, and is 100 at December', () => {
    const pastYear = fc.tuple(fc.integer({ min: 2000, max: 2023 }), fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 6 }));
    fc.assert(
      fc.property(fc.uniqueArray(pastYear, { minLength: 2, maxLength: 6, selector: (p) => p[0] }), fc.integer({ min: 1, max: 11 }), (years, month) => {
        const past = years.map(([year, a, b]) => ({ year, ytd: { [month]: Math.min(a, b), 12: Math.max(a, b) } }));
        const shares = past.map((p) => shareOfYearPct(p, month) as number);
        const tp = timeProgress(month, past);
        expect(tp.basis).toBe('seasonal');
        expect(tp.pct).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-9);
        expect(tp.pct).toBeLessThanOrEqual(Math.max(...shares) + 1e-9);
        expect(timeProgress(12, past).pct).toBe(100);
      }),
    );
  });
});
