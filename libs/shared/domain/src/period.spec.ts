import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type Period,
  addMonths,
  comparePeriods,
  formatPeriod,
  formatYearMonth,
  fromMonthIndex,
  halfPeriod,
  isMergedJanFeb,
  monthIndex,
  monthPeriod,
  monthsBetween,
  nextMonth,
  nextPeriod,
  parsePeriod,
  periodLengthInMonths,
  periodMonthRange,
  periodsBetween,
  periodsEqual,
  previousMonth,
  previousPeriod,
  quarterPeriod,
  samePeriodLastYear,
  shiftPeriod,
  yearPeriod,
  ytdPeriod,
} from './period';

const year = fc.integer({ min: 1960, max: 2050 }); // ± 40 periods stays inside PERIOD_YEAR_RANGE
const month = fc.integer({ min: 1, max: 12 });
const ym = fc.record({ year, month });
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.tuple(year, month).map(([y, m]) => monthPeriod(y, m)),
  fc.tuple(year, month).map(([y, m]) => ytdPeriod(y, m)),
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => quarterPeriod(y, q)),
  fc.tuple(year, fc.integer({ min: 1, max: 2 })).map(([y, h]) => halfPeriod(y, h)),
  year.map((y) => yearPeriod(y)),
);

function parsed(text: string, defaultYear?: number): Period {
  const result = parsePeriod(text, { defaultYear });
  if (!result.ok) throw new Error(result.error);
  return result.period;
}

function parseError(text: string, defaultYear?: number): string {
  const result = parsePeriod(text, { defaultYear });
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe(parsePeriod.name, () => {
  it('reads single months in every form clerks write', () => {
    for (const text of ['2024-10', '2024/10', '202410', '2024年10月', '2024年10月份', ' 2024 年 10 月 ', '２０２４年１０月', '2024.10']) {
      expect(parsed(text), text).toEqual(monthPeriod(2024, 10));
    }
    expect(parsed('2024-1')).toEqual(monthPeriod(2024, 1));
    expect(parsed('10月', 2024)).toEqual(monthPeriod(2024, 10));
  });

  it('reads year-to-date ranges with any dash, tilde or 至', () => {
    for (const text of ['2024年1-10月', '2024年1—10月', '2024年1–10月', '2024年1～10月', '2024年1~10月', '2024年1至10月', '2024年1月-10月', '2024年1-10月累计', '2024年10月累计', '２０２４年１－１０月']) {
      expect(parsed(text), text).toEqual(ytdPeriod(2024, 10));
    }
  });

  it('reads the merged 1–2月 as the YTD at month 2', () => {
    const p = parsed('2024年1-2月');
    expect(p).toEqual(ytdPeriod(2024, 2));
    expect(isMergedJanFeb(p)).toBe(true);
    expect(parsed('1-2月', 2025)).toEqual(ytdPeriod(2025, 2));
    expect(parsed('1—2月份', 2025)).toEqual(ytdPeriod(2025, 2));
  });

  it('reads quarters, 前三季度, halves and years', () => {
    for (const text of ['2024Q3', '2024q3', '2024-Q3', '2024年Q3', '2024年三季度', '2024年第3季度', '2024年第三季度', '2024年3季度', '２０２４Ｑ３']) {
      expect(parsed(text), text).toEqual(quarterPeriod(2024, 3));
    }
    expect(parsed('2024年一季度')).toEqual(quarterPeriod(2024, 1));
    expect(parsed('2024年前三季度')).toEqual(ytdPeriod(2024, 9));
    expect(parsed('2024年上半年')).toEqual(halfPeriod(2024, 1));
    expect(parsed('2024年下半年')).toEqual(halfPeriod(2024, 2));
    for (const text of ['2024年', '2024年全年', '2024年度', '2024']) expect(parsed(text), text).toEqual(yearPeriod(2024));
  });

  it('says in Chinese what is wrong', () => {
    expect(parseError('1-2月')).toContain('缺少年份');
    expect(parseError('2024年13月')).toContain('不在 1–12 之间');
    expect(parseError('2024-13')).toContain('不在 1–12 之间');
    expect(parseError('2024年3-5月')).toContain('不是从 1 月开始');
    expect(parseError('2024.1')).toContain('有歧义');
    expect(parseError('1800年5月')).toContain('年份');
    expect(parseError('')).toBe('期间为空');
    expect(parseError('去年')).toContain('无法识别');
    expect(parseError('20241')).toContain('无法识别');
  });

  it('reads every label formatPeriod writes back to the same period', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsed(formatPeriod(p))).toEqual(p);
        expect(parsed(formatPeriod(p, { withYear: false }), p.year)).toEqual(p);
      }),
    );
  });
});

describe(formatPeriod.name, () => {
  it('writes the Chinese labels of the monthly brief', () => {
    expect(formatPeriod(monthPeriod(2024, 10))).toBe('2024年10月');
    expect(formatPeriod(ytdPeriod(2024, 10))).toBe('2024年1-10月');
    expect(formatPeriod(ytdPeriod(2024, 2))).toBe('2024年1-2月');
    expect(formatPeriod(ytdPeriod(2024, 1))).toBe('2024年1月累计');
    expect(formatPeriod(quarterPeriod(2024, 3))).toBe('2024年三季度');
    expect(formatPeriod(halfPeriod(2024, 1))).toBe('2024年上半年');
    expect(formatPeriod(yearPeriod(2024))).toBe('2024年');
    expect(formatPeriod(ytdPeriod(2024, 10), { withYear: false })).toBe('1-10月');
    expect(formatPeriod(yearPeriod(2024), { withYear: false })).toBe('全年');
  });

  it('is the canonical form: format ∘ parse ∘ format = format', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(formatPeriod(parsed(formatPeriod(p)))).toBe(formatPeriod(p));
      }),
    );
  });
});

describe(formatYearMonth.name, () => {
  it('writes the wire form', () => {
    expect(formatYearMonth({ year: 2024, month: 3 })).toBe('2024-03');
  });
});

describe(monthPeriod.name, () => {
  it('refuses impossible months and years', () => {
    expect(() => monthPeriod(2024, 0)).toThrow(RangeError);
    expect(() => monthPeriod(2024, 13)).toThrow(RangeError);
    expect(() => monthPeriod(2024.5, 1)).toThrow(RangeError);
    expect(() => quarterPeriod(2024, 5)).toThrow(RangeError);
    expect(() => halfPeriod(2024, 3)).toThrow(RangeError);
    expect(() => yearPeriod(3000)).toThrow(RangeError);
  });
});

describe(nextMonth.name, () => {
  it('crosses year ends', () => {
    expect(nextMonth({ year: 2024, month: 12 })).toEqual({ year: 2025, month: 1 });
    expect(previousMonth({ year: 2025, month: 1 })).toEqual({ year: 2024, month: 12 });
    expect(nextMonth({ year: 2024, month: 2 })).toEqual({ year: 2024, month: 3 });
  });

  it('is undone by previousMonth', () => {
    fc.assert(
      fc.property(ym, (x) => {
        expect(previousMonth(nextMonth(x))).toEqual(x);
      }),
    );
  });
});

describe(monthsBetween.name, () => {
  it('counts months from one to the other', () => {
    expect(monthsBetween({ year: 2024, month: 1 }, { year: 2024, month: 10 })).toBe(9);
    expect(monthsBetween({ year: 2023, month: 11 }, { year: 2024, month: 2 })).toBe(3);
    expect(monthsBetween({ year: 2024, month: 5 }, { year: 2023, month: 5 })).toBe(-12);
  });

  it('is consistent with addMonths and monthIndex', () => {
    fc.assert(
      fc.property(ym, fc.integer({ min: -600, max: 600 }), (x, n) => {
        expect(monthsBetween(x, addMonths(x, n))).toBe(n);
        expect(fromMonthIndex(monthIndex(x))).toEqual(x);
      }),
    );
  });
});

describe(samePeriodLastYear.name, () => {
  it('goes back one year keeping the kind', () => {
    expect(samePeriodLastYear(ytdPeriod(2024, 2))).toEqual(ytdPeriod(2023, 2));
    expect(samePeriodLastYear(quarterPeriod(2024, 3))).toEqual(quarterPeriod(2023, 3));
  });

  it('changes the year only, and is undone by shifting forward a year of periods', () => {
    const perYear = { month: 12, ytd: 12, quarter: 4, half: 2, year: 1 } as const;
    fc.assert(
      fc.property(period, (p) => {
        expect(samePeriodLastYear(p)).toEqual({ ...p, year: p.year - 1 });
        expect(shiftPeriod(samePeriodLastYear(p), perYear[p.kind])).toEqual(p);
      }),
    );
  });
});

describe(shiftPeriod.name, () => {
  it('moves each kind by its own step', () => {
    expect(nextPeriod(quarterPeriod(2024, 4))).toEqual(quarterPeriod(2025, 1));
    expect(previousPeriod(halfPeriod(2024, 1))).toEqual(halfPeriod(2023, 2));
    expect(nextPeriod(ytdPeriod(2024, 12))).toEqual(ytdPeriod(2025, 1));
    expect(shiftPeriod(monthPeriod(2024, 10), -10)).toEqual(monthPeriod(2023, 12));
    expect(() => shiftPeriod(monthPeriod(2024, 1), 0.5)).toThrow(RangeError);
  });

  it('composes additively and agrees with periodsBetween', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), (p, a, b) => {
        expect(shiftPeriod(shiftPeriod(p, a), b)).toEqual(shiftPeriod(p, a + b));
        expect(periodsBetween(p, shiftPeriod(p, a))).toBe(a);
      }),
    );
  });
});

describe(periodsBetween.name, () => {
  it('refuses periods of different kinds', () => {
    expect(() => periodsBetween(monthPeriod(2024, 1), quarterPeriod(2024, 1))).toThrow(RangeError);
    expect(periodsBetween(yearPeriod(2020), yearPeriod(2025))).toBe(5);
  });
});

describe(periodMonthRange.name, () => {
  it('gives the months each kind covers', () => {
    expect(periodMonthRange(ytdPeriod(2024, 10))).toEqual({ start: { year: 2024, month: 1 }, end: { year: 2024, month: 10 } });
    expect(periodMonthRange(quarterPeriod(2024, 3))).toEqual({ start: { year: 2024, month: 7 }, end: { year: 2024, month: 9 } });
    expect(periodMonthRange(halfPeriod(2024, 2))).toEqual({ start: { year: 2024, month: 7 }, end: { year: 2024, month: 12 } });
    expect(periodLengthInMonths(yearPeriod(2024))).toBe(12);
    expect(periodLengthInMonths(ytdPeriod(2024, 2))).toBe(2);
  });
});

describe(comparePeriods.name, () => {
  it('sorts a mixed list by last month, shorter span first', () => {
    const list = [yearPeriod(2024), quarterPeriod(2024, 1), monthPeriod(2024, 3), ytdPeriod(2024, 3), ytdPeriod(2024, 2), monthPeriod(2023, 12)];
    expect([...list].sort(comparePeriods).map((p) => formatPeriod(p))).toEqual([
      '2023年12月',
      '2024年1-2月',
      '2024年3月',
      '2024年1-3月',
      '2024年一季度',
      '2024年',
    ]);
  });

  it('is a total order: antisymmetric, transitive, and 0 only for equal periods', () => {
    fc.assert(
      fc.property(period, period, period, (a, b, c) => {
        expect(Math.sign(comparePeriods(a, b)) + Math.sign(comparePeriods(b, a))).toBe(0);
        expect(comparePeriods(a, b) === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(periodsEqual(a, a)).toBe(true);
        if (comparePeriods(a, b) <= 0 && comparePeriods(b, c) <= 0) expect(comparePeriods(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('is consistent with arithmetic: shifting forward moves later', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: -40, max: 40 }), (p, n) => {
        expect(Math.sign(comparePeriods(shiftPeriod(p, n), p))).toBe(Math.sign(n));
      }),
    );
    fc.assert(
      fc.property(ym, ym, (a, b) => {
        expect(Math.sign(comparePeriods(monthPeriod(a.year, a.month), monthPeriod(b.year, b.month)))).toBe(Math.sign(monthsBetween(b, a)));
      }),
    );
  });
});
