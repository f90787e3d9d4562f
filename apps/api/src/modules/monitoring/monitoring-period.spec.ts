import { describe, expect, it } from 'vitest';
import { monthBefore, parseYmText, ymChinese, ymIn, ymText } from './monitoring-period';

describe('monthBefore', () => {
  it('takes the month of "now" in the schedule’s time zone, not UTC', () => {
    // 1 December 00:30 in Shanghai is still 30 November in UTC.
    const at = new Date('2026-11-30T16:30:00Z');
    expect(ymIn(at, 'Asia/Shanghai')).toEqual({ year: 2026, month: 12 });
    expect(monthBefore(at, 'Asia/Shanghai')).toEqual({ year: 2026, month: 11 });
    expect(monthBefore(at, 'UTC')).toEqual({ year: 2026, month: 10 });
  });

  it('crosses the year in January', () => {
    expect(monthBefore(new Date('2027-01-10T01:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2026, month: 12 });
  });
});

describe('month texts', () => {
  it('formats and parses YYYY-MM and the Chinese month', () => {
    expect(ymText({ year: 2026, month: 3 })).toBe('2026-03');
    expect(parseYmText('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(ymChinese({ year: 2026, month: 3 })).toBe('2026年3月');
  });
});
