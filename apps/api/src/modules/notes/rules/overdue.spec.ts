import { describe, expect, it } from 'vitest';
import { daysBetween, daysOverdue, isCalendarDate, shanghaiDate } from './overdue';

describe('shanghaiDate', () => {
  it('is the Asia/Shanghai calendar day (UTC+8), not the UTC day', () => {
    expect(shanghaiDate(new Date('2025-10-31T15:59:59.999Z'))).toBe('2025-10-31');
    expect(shanghaiDate(new Date('2025-10-31T16:00:00.000Z'))).toBe('2025-11-01');
    expect(shanghaiDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(shanghaiDate(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
  });
});

describe('isCalendarDate', () => {
  it.each(['2025-12-31', '2024-02-29', '2025-01-01'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '2025-1-1', '20251231', '2025-12-31T00:00:00Z', ''])('refuses %s', (d) => expect(isCalendarDate(d)).toBe(false));
});

describe('daysBetween', () => {
  it('counts calendar days across months and leap days', () => {
    expect(daysBetween('2025-10-31', '2025-11-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-11-01', '2025-10-31')).toBe(-1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
});

describe('daysOverdue', () => {
  it('is 0 on the due date and 1 the day after (the due date is the last day to finish)', () => {
    expect(daysOverdue('2025-10-31', 'open', '2025-10-31')).toBe(0);
    expect(daysOverdue('2025-10-31', 'open', '2025-11-01')).toBe(1);
    expect(daysOverdue('2025-10-31', 'in_progress', '2025-11-20')).toBe(20);
  });

  it('is 0 before the due date and for closed problems', () => {
    expect(daysOverdue('2025-12-31', 'open', '2025-11-01')).toBe(0);
    expect(daysOverdue('2025-01-31', 'closed', '2025-11-01')).toBe(0);
  });

  it('turns at midnight Beijing time, not at midnight UTC', () => {
    // 23:30 on the due date in Beijing is 15:30 UTC: not overdue yet.
    expect(daysOverdue('2025-10-31', 'open', shanghaiDate(new Date('2025-10-31T15:30:00Z')))).toBe(0);
    // 00:30 the next day in Beijing is still 2025-10-31 in UTC: overdue already.
    expect(daysOverdue('2025-10-31', 'open', shanghaiDate(new Date('2025-10-31T16:30:00Z')))).toBe(1);
  });
});
