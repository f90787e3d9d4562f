import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalAdd } from './decimal';
import { type MonthlyInput, deriveMonthlyValues, monthFromYtd, ytdFromMonths } from './ytd';

/** Twelve monthly values with up to two decimals, like 亿元 figures in a release. */
const months = fc.array(
  fc.integer({ min: -5_000, max: 900_000 }).map((cents) => cents / 100),
  { minLength: 12, maxLength: 12 },
);

function runningSums(values: readonly number[]): number[] {
  let sum = '0';
  return values.map((v) => {
    sum = decimalAdd(sum, v);
    return Number(sum);
  });
}

describe(deriveMonthlyValues.name, () => {
  it('derives single months from a YTD-only release, keeping the merged 1–2月 as YTD only', () => {
    // 规上工业产值 (亿元) as a bureau prints it: 1–2月 1020.5, 1–3月 1650.3, 1–4月 2210.8.
    const result = deriveMonthlyValues([
      { month: 2, valueYtd: '1020.5', mergedJanFeb: true },
      { month: 3, valueYtd: '1650.3' },
      { month: 4, valueYtd: '2210.8' },
    ]);
    expect(result).toHaveLength(12);
    expect(result[0]).toEqual({ month: 1, valueMonth: null, valueYtd: null, monthDerived: false, ytdDerived: false, mergedJanFeb: false });
    expect(result[1]).toEqual({ month: 2, valueMonth: null, valueYtd: 1020.5, monthDerived: false, ytdDerived: false, mergedJanFeb: true });
    expect(result[2]).toMatchObject({ valueMonth: 629.8, monthDerived: true, valueYtd: 1650.3, ytdDerived: false }); // 1650.3 − 1020.5
    expect(result[3]).toMatchObject({ valueMonth: 560.5, monthDerived: true }); // 2210.8 − 1650.3, not 560.5000000000002
    expect(result[4]).toMatchObject({ valueMonth: null, valueYtd: null });
  });

  it('takes January as its own YTD and builds YTD from months only while every month is present', () => {
    const result = deriveMonthlyValues([
      { month: 1, valueMonth: 80 },
      { month: 2, valueMonth: 70.5 },
      { month: 4, valueMonth: 90 },
    ]);
    expect(result[0]).toMatchObject({ valueMonth: 80, valueYtd: 80, ytdDerived: true, monthDerived: false });
    expect(result[1]).toMatchObject({ valueYtd: 150.5, ytdDerived: true });
    expect(result[2]).toMatchObject({ valueMonth: null, valueYtd: null });
    expect(result[3]).toMatchObject({ valueMonth: 90, valueYtd: null }); // March missing: no YTD at April
  });

  it('reads the 本月 of a merged 1–2月 row as the two-month figure, never as February', () => {
    const result = deriveMonthlyValues([
      { month: 2, valueMonth: 300, mergedJanFeb: true },
      { month: 3, valueMonth: 160, valueYtd: 460 },
    ]);
    expect(result[0].valueMonth).toBeNull();
    expect(result[1]).toMatchObject({ valueMonth: null, valueYtd: 300, ytdDerived: false });
    expect(result[2]).toMatchObject({ valueMonth: 160, valueYtd: 460, monthDerived: false, ytdDerived: false });
  });

  it('keeps reported values as reported, even when they do not add up (revisions)', () => {
    const result = deriveMonthlyValues([
      { month: 9, valueYtd: 900 },
      { month: 10, valueMonth: 95, valueYtd: 1000 },
    ]);
    expect(result[9]).toMatchObject({ valueMonth: 95, valueYtd: 1000, monthDerived: false, ytdDerived: false });
  });

  it('continues a YTD from a reported YTD with reported months', () => {
    const result = deriveMonthlyValues([
      { month: 5, valueYtd: '565' },
      { month: 6, valueMonth: '120.4' },
      { month: 7, valueMonth: '99.6' },
    ]);
    expect(result[5]).toMatchObject({ valueYtd: 685.4, ytdDerived: true });
    expect(result[6]).toMatchObject({ valueYtd: 785, ytdDerived: true });
  });

  it('refuses programming errors', () => {
    expect(() => deriveMonthlyValues([{ month: 13, valueYtd: 1 }])).toThrow(RangeError);
    expect(() => deriveMonthlyValues([{ month: 3 }, { month: 3 }])).toThrow(RangeError);
    expect(() => deriveMonthlyValues([{ month: 3, mergedJanFeb: true }])).toThrow(RangeError);
  });

  it('round-trips: months → YTD → months and YTD → months → YTD, exactly', () => {
    fc.assert(
      fc.property(months, (monthly) => {
        const ytd = runningSums(monthly);
        const fromYtd = deriveMonthlyValues(ytd.map((v, i) => ({ month: i + 1, valueYtd: v })));
        expect(fromYtd.map((r) => r.valueMonth)).toEqual(monthly);
        expect(fromYtd.every((r) => r.monthDerived && !r.ytdDerived)).toBe(true);
        const fromMonths = deriveMonthlyValues(monthly.map((v, i) => ({ month: i + 1, valueMonth: v })));
        expect(fromMonths.map((r) => r.valueYtd)).toEqual(ytd);
        expect(fromMonths.every((r) => r.ytdDerived && !r.monthDerived)).toBe(true);
        expect(deriveMonthlyValues(fromMonths.map((r) => ({ month: r.month, valueYtd: r.valueYtd }))).map((r) => r.valueMonth)).toEqual(monthly);
      }),
    );
  });

  it('never invents January or February under a merged 1–2月', () => {
    fc.assert(
      fc.property(months, fc.boolean(), (monthly, withMonthColumn) => {
        const ytd = runningSums(monthly);
        const rows: MonthlyInput[] = ytd.slice(1).map((v, i) => ({
          month: i + 2,
          valueYtd: v,
          valueMonth: withMonthColumn ? (i === 0 ? v : monthly[i + 1]) : undefined,
          mergedJanFeb: i === 0,
        }));
        const result = deriveMonthlyValues(rows);
        expect(result[0].valueMonth).toBeNull();
        expect(result[0].valueYtd).toBeNull();
        expect(result[1].valueMonth).toBeNull();
        expect(result[1].valueYtd).toBe(ytd[1]);
        expect(result.slice(2).map((r) => r.valueMonth)).toEqual(monthly.slice(2));
      }),
    );
  });

  it('only ever fills in true values, and marks exactly what it filled in', () => {
    const mask = fc.array(fc.constantFrom('none', 'month', 'ytd', 'both'), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(months, mask, (monthly, shown) => {
        const ytd = runningSums(monthly);
        const rows: MonthlyInput[] = shown.map((s, i) => ({
          month: i + 1,
          valueMonth: s === 'month' || s === 'both' ? monthly[i] : null,
          valueYtd: s === 'ytd' || s === 'both' ? ytd[i] : null,
        }));
        deriveMonthlyValues(rows).forEach((r, i) => {
          if (r.valueMonth !== null) expect(r.valueMonth).toBe(monthly[i]);
          if (r.valueYtd !== null) expect(r.valueYtd).toBe(ytd[i]);
          expect(r.monthDerived).toBe(r.valueMonth !== null && rows[i].valueMonth === null);
          expect(r.ytdDerived).toBe(r.valueYtd !== null && rows[i].valueYtd === null);
        });
      }),
    );
  });
});

describe(monthFromYtd.name, () => {
  it('subtracts the previous YTD, or takes January as is', () => {
    expect(monthFromYtd(5, 565, 470.3)).toBe(94.7);
    expect(monthFromYtd(1, '80.5', null)).toBe(80.5);
    expect(monthFromYtd(5, 565, null)).toBeNull();
    expect(monthFromYtd(5, null, 470)).toBeNull();
  });
});

describe(ytdFromMonths.name, () => {
  it('sums months only when every month is present', () => {
    expect(ytdFromMonths([0.1, 0.2, '0.3'])).toBe(0.6);
    expect(ytdFromMonths([0.1, null, 0.3])).toBeNull();
    expect(ytdFromMonths([])).toBeNull();
  });

  it('agrees with the running sums', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: 1, max: 12 }), (monthly, m) => {
        expect(ytdFromMonths(monthly.slice(0, m))).toBe(runningSums(monthly)[m - 1]);
      }),
    );
  });
});
