import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastCompleteMonth } from './last-complete-month';

describe(lastCompleteMonth.name, () => {
  it('is the calendar month before today', () => {
    expect(lastCompleteMonth(new Date(2026, 10, 21))).toEqual({ year: 2026, month: 10 });
    expect(lastCompleteMonth(new Date(2027, 0, 5))).toEqual({ year: 2026, month: 12 });
    expect(lastCompleteMonth(new Date(2026, 2, 1, 0, 0, 1))).toEqual({ year: 2026, month: 2 });
  });

  it('is always the month right before the month of the date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), (d) => {
        const { year, month } = lastCompleteMonth(d);
        const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
        expect(next).toEqual({ year: d.getFullYear(), month: d.getMonth() + 1 });
      }),
    );
  });

  it('rejects an invalid date', () => {
    expect(() => lastCompleteMonth(new Date(NaN))).toThrow(RangeError);
  });
});
