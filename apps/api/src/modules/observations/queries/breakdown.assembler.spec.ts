import { describe, expect, it } from 'vitest';
import { assembleBreakdown, monthFigure, ytdFigure, type BreakdownChildInput } from './breakdown.assembler';
import type { PointRow } from './dashboard-query.repository';

function point(ytd: string | null, overrides: Partial<PointRow> = {}): PointRow {
  return {
    seriesId: 1,
    year: 2025,
    month: 5,
    valueMonth: null,
    valueYtd: ytd,
    yoyMonthPct: null,
    yoyYtdPct: null,
    monthDerived: false,
    ytdDerived: false,
    yoyComputed: false,
    mergedJanFeb: false,
    batchId: 7,
    sourceRow: 3,
    ...overrides,
  };
}
const child = (code: string, cur: string | null, ly: string | null, hasData = true): BreakdownChildInput => ({
  code,
  name: code,
  nameEn: null,
  kind: 'industry',
  indicatorCode: 'output',
  hasData,
  current: cur === null ? null : point(cur),
  lastYear: ly === null ? null : point(ly, { year: 2024 }),
});
const parent = { kind: 'industry' as const, code: 'p', name: 'P', nameEn: null, indicatorCode: 'output', hasData: true, current: point('100'), lastYear: point('80', { year: 2024 }) };

describe(assembleBreakdown.name, () => {
  it('relates every child to the parent and adds the remainder', () => {
    const r = assembleBreakdown(parent, [child('a', '60', '50'), child('b', '30', '20')], { other: { name: '其他', nameEn: 'Other' }, demoBatches: new Set([7]) });
    expect(r.items.map((i) => [i.code, i.rank, i.ytd.sharePct, i.ytd.contributionPp])).toEqual([
      ['a', 1, 60, 12.5],
      ['b', 2, 30, 12.5],
    ]);
    expect(r.other?.ytd).toMatchObject({ value: 10, lastYear: 10, contributionPp: 0 });
    expect(r.items[0].source).toEqual({ batchId: 7, row: 3, demo: true });
    expect(r.parent.ytd).toMatchObject({ value: 100, yoyPct: 25, sharePct: 100, contributionPp: 25 });
  });

  it('leaves children without a series out of sums and says so', () => {
    const r = assembleBreakdown(parent, [child('a', '60', '50'), child('x', null, null, false)], { other: { name: '其他', nameEn: 'Other' }, demoBatches: new Set() });
    expect(r.other?.ytd.value).toBe(40);
    expect(r.notes.map((n) => n.code)).toContain('other_includes_no_data');
    expect(r.items[1]).toMatchObject({ code: 'x', rank: null, hasData: false });
  });

  it('uses the sum of the children when the parent has no series, and then has no remainder', () => {
    const r = assembleBreakdown({ ...parent, hasData: false, current: null, lastYear: null }, [child('a', '60', '50'), child('b', '30', '20')], {
      other: { name: '其他', nameEn: 'Other' },
      demoBatches: new Set(),
    });
    expect(r.parent).toMatchObject({ derived: true, ytd: { value: 90, lastYear: 70 } });
    expect(r.other).toBeNull();
    expect(r.notes.map((n) => n.code)).toEqual(['parent_is_sum']);
  });

  it('refuses a partial sum when a child with a series has no figure this period', () => {
    const r = assembleBreakdown({ ...parent, hasData: false, current: null, lastYear: null }, [child('a', '60', '50'), child('b', null, '20')], { other: null, demoBatches: new Set() });
    expect(r.parent.ytd.value).toBeNull();
    expect(r.items[0].ytd.sharePct).toBeNull();
  });

  it('flags children that exceed their parent', () => {
    const r = assembleBreakdown(parent, [child('a', '120', '70')], { other: { name: '其他', nameEn: 'Other' }, demoBatches: new Set() });
    expect(r.other?.ytd.value).toBe(-20);
    expect(r.notes.map((n) => n.code)).toContain('children_exceed_parent');
  });
});

describe('monthFigure and ytdFigure', () => {
  it('take the stored YoY (reported or computed at ingest) and the derived flags', () => {
    const current = point('10', { valueMonth: '4', yoyMonthPct: '3.2', yoyYtdPct: '5.5', yoyComputed: true, monthDerived: true });
    expect(monthFigure({ current, lastYear: point('8', { valueMonth: '3' }) })).toEqual({ value: '4', lastYear: '3', storedYoy: '3.2', storedYoyComputed: true, derived: true });
    expect(ytdFigure({ current, lastYear: null })).toEqual({ value: '10', lastYear: null, storedYoy: '5.5', storedYoyComputed: true, derived: false });
  });
});
