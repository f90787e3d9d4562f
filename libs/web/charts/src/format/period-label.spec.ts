import { describe, expect, it } from 'vitest';
import { addMonths, formatPeriodLabel, formatPeriodRange, monthIndex, parsePeriod, periodKey } from './period-label';

describe('formatPeriodLabel', () => {
  it('labels a month in Chinese', () => {
    expect(formatPeriodLabel({ year: 2024, month: 3 })).toBe('2024年3月');
    expect(formatPeriodLabel({ year: 2024, month: 12 })).toBe('2024年12月');
  });
  it('labels the merged January–February figure as 1-2月', () => {
    expect(formatPeriodLabel({ year: 2024, month: 2, mergedJanFeb: true })).toBe('2024年1-2月');
    expect(formatPeriodLabel({ year: 2024, month: 2, mergedJanFeb: false })).toBe('2024年2月');
  });
  it('labels months in English', () => {
    expect(formatPeriodLabel({ year: 2024, month: 3 }, 'en')).toBe('Mar 2024');
    expect(formatPeriodLabel({ year: 2024, month: 2, mergedJanFeb: true }, 'en')).toBe('Jan–Feb 2024');
  });
});

describe('formatPeriodRange', () => {
  it('joins two labels', () => {
    expect(formatPeriodRange({ year: 2023, month: 2, mergedJanFeb: true }, { year: 2024, month: 12 })).toBe('2023年1-2月 至 2024年12月');
    expect(formatPeriodRange({ year: 2023, month: 1 }, { year: 2023, month: 6 }, 'en')).toBe('Jan 2023 – Jun 2023');
  });
});

describe('parsePeriod', () => {
  it('parses YYYY-MM and rejects anything else', () => {
    expect(parsePeriod('2024-03')).toEqual({ year: 2024, month: 3 });
    expect(parsePeriod('2024-13')).toBeNull();
    expect(parsePeriod('2024-00')).toBeNull();
    expect(parsePeriod('2024-3')).toBeNull();
    expect(parsePeriod(null)).toBeNull();
  });
});

describe('period arithmetic', () => {
  it('adds months across year boundaries', () => {
    expect(periodKey(addMonths({ year: 2024, month: 11 }, 3))).toBe('2025-02');
    expect(periodKey(addMonths({ year: 2024, month: 1 }, -1))).toBe('2023-12');
    expect(monthIndex({ year: 2024, month: 1 }) - monthIndex({ year: 2023, month: 1 })).toBe(12);
  });
});
