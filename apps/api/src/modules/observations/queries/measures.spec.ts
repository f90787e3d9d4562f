import { describe, expect, it } from 'vitest';
import { childMeasure, isMaterialRemainder, parentMeasure, rankBy, remainderFigure, resolveYoy, sumFigures, type Figure } from './measures';

const fig = (value: string | null, lastYear: string | null, extra: Partial<Figure> = {}): Figure => ({
  value,
  lastYear,
  storedYoy: null,
  storedYoyComputed: false,
  derived: false,
  ...extra,
});

describe('resolveYoy', () => {
  it('keeps a reported YoY (it may be at comparable prices) instead of recomputing it', () => {
    expect(resolveYoy(fig('110', '100', { storedYoy: '7.5' }))).toEqual({ pct: 7.5, basis: 'reported' });
  });
  it('labels a YoY stored as computed at ingest as computed', () => {
    expect(resolveYoy(fig('110', '100', { storedYoy: '10', storedYoyComputed: true }))).toEqual({ pct: 10, basis: 'computed' });
  });
  it('computes the nominal YoY when none is stored, and nothing without a base', () => {
    expect(resolveYoy(fig('565.3', '500.1'))).toEqual({ pct: 13.037392521495700860, basis: 'computed' });
    expect(resolveYoy(fig('10', null))).toEqual({ pct: null, basis: null });
    expect(resolveYoy(fig('10', '0'))).toEqual({ pct: null, basis: null });
  });
});

describe('childMeasure', () => {
  it('computes share, 拉动 and 贡献率 against the parent exactly', () => {
    // parent 1000 ← 800 last year (+25 %); child 460.98 ← 400 (+60.98)
    const m = childMeasure(fig('460.98', '400'), fig('1000', '800'));
    expect(m.sharePct).toBe(46.098);
    expect(m.contributionPp).toBe(7.6225); // 60.98 / 800 × 100
    expect(m.contributionRatePct).toBe(30.49); // 60.98 / 200 × 100
    expect(m.yoyPct).toBe(15.245);
    expect(m.yoyBasis).toBe('computed');
  });
  it('leaves everything relative null without a parent, and missing stays missing', () => {
    const m = childMeasure(fig(null, '5'), null);
    expect(m).toMatchObject({ value: null, lastYear: 5, sharePct: null, contributionPp: null, yoyPct: null });
  });
});

describe('parentMeasure', () => {
  it('is 100 % of itself and its 拉动 is its nominal growth', () => {
    expect(parentMeasure(fig('1000', '800'))).toMatchObject({ sharePct: 100, contributionPp: 25, contributionRatePct: 100, yoyPct: 25 });
  });
});

describe('sumFigures and remainderFigure', () => {
  it('sums exactly and refuses a partial sum', () => {
    expect(sumFigures([fig('0.1', '1'), fig('0.2', '2')])).toMatchObject({ value: '0.3', lastYear: '3', derived: true });
    expect(sumFigures([fig('0.1', '1'), fig(null, '2')])).toMatchObject({ value: null, lastYear: '3' });
    expect(sumFigures([])).toMatchObject({ value: null, lastYear: null });
  });
  it('gives the part of the parent the children do not cover', () => {
    const rest = remainderFigure(fig('100', '90'), [fig('60.5', '50'), fig('30', '30')]);
    expect(rest).toMatchObject({ value: '9.5', lastYear: '10' });
    expect(isMaterialRemainder(rest)).toBe(true);
    expect(isMaterialRemainder(remainderFigure(fig('90.5', '80'), [fig('60.5', '50'), fig('30', '30')]))).toBe(false);
  });
});

describe('rankBy', () => {
  it('ranks largest first, ties share a rank, missing is unranked', () => {
    expect(rankBy([3, null, 7, 3, 1], (x) => x)).toEqual([2, null, 1, 2, 4]);
  });
});
