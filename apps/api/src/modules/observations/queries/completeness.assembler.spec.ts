import { describe, expect, it } from 'vitest';
import type { PointRow } from './dashboard-query.repository';
import { dueMonths, seriesMonths } from './completeness.assembler';

const p = (month: number, overrides: Partial<PointRow> = {}): PointRow => ({
  seriesId: 1,
  year: 2025,
  month,
  valueMonth: '1',
  valueYtd: '1',
  yoyMonthPct: null,
  yoyYtdPct: null,
  monthDerived: false,
  ytdDerived: false,
  yoyComputed: false,
  mergedJanFeb: false,
  batchId: 1,
  sourceRow: 1,
  ...overrides,
});

describe(dueMonths.name, () => {
  it('makes a past year fully due, the current year up to the latest published month, a later year not due', () => {
    const due = { year: 2025, month: 5 };
    expect([dueMonths(2024, due), dueMonths(2025, due), dueMonths(2026, due), dueMonths(2025, null)]).toEqual([12, 5, 0, 0]);
  });
});

describe(seriesMonths.name, () => {
  it('reads a monthly series: merged January, derived, missing, not due', () => {
    const points = new Map([
      [2, p(2, { valueMonth: null, mergedJanFeb: true })],
      [3, p(3, { valueYtd: null, monthDerived: true })],
      [5, p(5, { valueMonth: null, valueYtd: null, yoyYtdPct: '6.1' })],
    ]);
    expect(seriesMonths('month', 2025, { year: 2025, month: 6 }, points)).toEqual([
      'merged',
      'reported',
      'derived',
      'missing',
      'reported', // growth only is valid data
      'missing',
      ...Array(6).fill('not_due'),
    ]);
  });
  it('expects a quarterly series at quarter ends and an annual one in December of a past year', () => {
    expect(seriesMonths('quarter', 2025, { year: 2025, month: 7 }, new Map([[3, p(3)]])).slice(0, 9)).toEqual([
      'not_expected',
      'not_expected',
      'reported',
      'not_expected',
      'not_expected',
      'missing',
      'not_expected',
      'not_expected',
      'not_due',
    ]);
    expect(seriesMonths('year', 2025, { year: 2025, month: 7 }, new Map())[11]).toBe('not_due');
    expect(seriesMonths('year', 2024, { year: 2025, month: 7 }, new Map())[11]).toBe('missing');
  });
});
