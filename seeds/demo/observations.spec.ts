import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHundredths, monthlyObservations, quarterlyObservations, yearlyObservations, yoyPct } from './observations';

describe(yoyPct.name, () => {
  it('is the nominal growth in % with 2 decimals, rounded half away from zero', () => {
    expect(yoyPct(110, 100)).toBe('10.00');
    expect(yoyPct(95, 100)).toBe('-5.00');
    expect(yoyPct(100, 100)).toBe('0.00');
    expect(yoyPct(200005, 200000)).toBe('0.00');
    expect(yoyPct(200010, 200000)).toBe('0.01'); // 0.005 % → 0.01
    expect(yoyPct(199990, 200000)).toBe('-0.01');
    expect(yoyPct(2, 3)).toBe('-33.33');
  });

  it('is null without a positive base or a value', () => {
    expect(yoyPct(5, 0)).toBeNull();
    expect(yoyPct(null, 5)).toBeNull();
    expect(yoyPct(5, null)).toBeNull();
  });

  it('agrees with floating-point division to within rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), (cur, prev) => {
        const exact = ((cur - prev) / prev) * 100;
        expect(Math.abs(Number(yoyPct(cur, prev)) - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe(formatHundredths.name, () => {
  it('formats hundredths', () => {
    expect(formatHundredths(1050)).toBe('10.50');
    expect(formatHundredths(7)).toBe('0.07');
    expect(formatHundredths(-125)).toBe('-1.25');
  });
});

describe(monthlyObservations.name, () => {
  const twoYears = Array.from({ length: 24 }, (_, i) => 100 + i);

  it('publishes 1–2月 merged at month 2 and never a month-1 observation', () => {
    const obs = monthlyObservations(twoYears, { year: 2021, month: 12 });
    expect(obs.map((o) => o.month)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(obs[0]).toEqual({ year: 2020, month: 2, valueMonth: null, valueYtd: '201', yoyMonthPct: null, yoyYtdPct: null, mergedJanFeb: true });
    expect(obs[1]).toMatchObject({ month: 3, valueMonth: '102', valueYtd: '303', mergedJanFeb: false });
    expect(obs[11]).toMatchObject({ year: 2021, month: 2, valueMonth: null, valueYtd: '225', yoyYtdPct: '11.94', mergedJanFeb: true });
    expect(obs[12]).toMatchObject({ year: 2021, month: 3, valueMonth: '114', yoyMonthPct: '11.76' });
  });

  it('stops at `through` (nothing in a January)', () => {
    expect(monthlyObservations(twoYears, { year: 2021, month: 1 })).toHaveLength(11);
    expect(monthlyObservations(twoYears, { year: 2021, month: 4 }).at(-1)).toMatchObject({ year: 2021, month: 4 });
  });
});

describe(quarterlyObservations.name, () => {
  it('gives YTD by quarter at months 3, 6, 9, 12', () => {
    const obs = quarterlyObservations([10, 20, 30, 40, 11, 22, 33, 44], { year: 2021, month: 7 });
    expect(obs.map((o) => `${o.year}-${o.month}:${o.valueYtd}`)).toEqual(['2020-3:10', '2020-6:30', '2020-9:60', '2020-12:100', '2021-3:11', '2021-6:33']);
    expect(obs.every((o) => o.valueMonth === null)).toBe(true);
    expect(obs[5].yoyYtdPct).toBe('10.00');
  });
});

describe(yearlyObservations.name, () => {
  it('gives one observation per complete year at month 12', () => {
    const obs = yearlyObservations([100, 120, 150], { year: 2022, month: 11 });
    expect(obs).toEqual([
      { year: 2020, month: 12, valueMonth: '100', valueYtd: '100', yoyMonthPct: null, yoyYtdPct: null, mergedJanFeb: false },
      { year: 2021, month: 12, valueMonth: '120', valueYtd: '120', yoyMonthPct: '20.00', yoyYtdPct: '20.00', mergedJanFeb: false },
    ]);
  });
});
