import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalRound, yoyPct } from '@im/domain';
import { planSeries, sameState, yoyScaled, type FileObservation, type PlannedChange, type StoredObservation } from './series-planner';

const NaNs = { vMonth: NaN, vYtd: NaN, yoyM: NaN, yoyY: NaN };
const file = (row: number, month: number, v: Partial<FileObservation> = {}, year = 2025): FileObservation => ({ row, year, month, merged: false, ...NaNs, ...v });
const base = { flow: true, granularity: 'month' as const, swingWarnPct: 50, label: 'x', allowDecrease: false };

/** What the series holds after applying a plan to what was stored. */
function apply(stored: StoredObservation[], changes: PlannedChange[]): StoredObservation[] {
  const byKey = new Map(stored.map((s) => [s.year * 100 + s.month, s]));
  let id = 1000;
  for (const c of changes) {
    const prev = byKey.get(c.year * 100 + c.month);
    byKey.set(c.year * 100 + c.month, { ...c.after, id: prev?.id ?? id++, year: c.year, month: c.month, batchId: 9, sourceRow: c.row ?? prev?.sourceRow ?? 0, version: (prev?.version ?? 0) + 1 });
  }
  return [...byKey.values()].sort((a, b) => a.year * 100 + a.month - (b.year * 100 + b.month));
}

describe(yoyScaled.name, () => {
  it('equals the domain YoY rounded half away from zero to 4 decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 1, max: 1e13 }), (cur, last) => {
        const expected = yoyPct(cur, last);
        const got = yoyScaled(cur, last);
        if (Number.isNaN(got)) expect(Math.abs(expected!)).toBeGreaterThan(99999.9999);
        else expect(got / 1e4).toBe(Number(decimalRound(String(expected), 4)));
      }),
      { numRuns: 2000 },
    );
    expect(Number.isNaN(yoyScaled(100, 0))).toBe(true);
    expect(Number.isNaN(yoyScaled(NaN, 100))).toBe(true);
  });
});

describe(planSeries.name, () => {
  it('derives 本月 from 累计 and marks it derived; a new series is all new', () => {
    const plan = planSeries({ ...base, file: [file(2, 1, { vYtd: 100 }), file(3, 2, { vYtd: 250 })], stored: [] });
    expect(plan.changes.map((c) => [c.kind, c.month, c.after.vMonth, c.after.monthDerived])).toEqual([
      ['new', 1, 100, true],
      ['new', 2, 150, true],
    ]);
  });

  it('keeps the 1–2月 merged: January and the single February stay unknown', () => {
    const plan = planSeries({ ...base, file: [file(2, 2, { vYtd: 500, merged: true }), file(3, 3, { vMonth: 300 })], stored: [] });
    const [feb, mar] = plan.changes.map((c) => c.after);
    expect(Number.isNaN(feb.vMonth)).toBe(true);
    expect(mar).toMatchObject({ vMonth: 300, vYtd: 800, ytdDerived: true });
  });

  it('computes nominal YoY only for rows that report none, and labels it', () => {
    const stored: StoredObservation[] = [{ id: 1, year: 2024, month: 1, vMonth: 100, vYtd: 100, yoyM: NaN, yoyY: NaN, monthDerived: false, ytdDerived: false, yoyComputed: false, merged: false, batchId: 1, sourceRow: 2, version: 1 }];
    const plan = planSeries({ ...base, file: [file(2, 1, { vMonth: 110, vYtd: 110 }), file(3, 2, { vMonth: 50, vYtd: 160, yoyM: 5 })], stored });
    expect(plan.changes[0].after).toMatchObject({ yoyM: 100000, yoyY: 100000, yoyComputed: true });
    expect(plan.changes[1].after).toMatchObject({ yoyM: 5, yoyComputed: false });
    expect(Number.isNaN(plan.changes[1].after.yoyY)).toBe(true);
  });

  it('is idempotent: applying a plan and planning the same file again changes nothing (property)', () => {
    const month = fc.integer({ min: 1, max: 12 });
    const value = fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined });
    const row = fc.record({ month, vMonth: value, vYtd: value, yoy: fc.option(fc.integer({ min: -999999, max: 999999 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.month, maxLength: 12 }), fc.boolean(), (rows, lastYear) => {
        const f = rows
          .sort((a, b) => a.month - b.month)
          .map((r, i) => file(i + 2, r.month, { vMonth: r.vMonth ?? NaN, vYtd: r.vYtd ?? NaN, yoyM: r.yoy ?? NaN }));
        const prior = lastYear ? apply([], planSeries({ ...base, file: f.map((x) => ({ ...x, year: 2024 })), stored: [] }).changes) : [];
        const once = apply(prior, planSeries({ ...base, file: f, stored: prior }).changes);
        const again = planSeries({ ...base, file: f, stored: once });
        expect(again.changes).toEqual([]);
        expect(again.unchanged).toBe(f.length);
      }),
      { numRuns: 300 },
    );
  });

  it('recomputes derived neighbours and the computed YoY depending on them, not the rest', () => {
    const s = (id: number, year: number, month: number, v: Partial<StoredObservation>): StoredObservation => ({
      id,
      year,
      month,
      ...NaNs,
      monthDerived: false,
      ytdDerived: false,
      yoyComputed: false,
      merged: false,
      batchId: 1,
      sourceRow: id,
      version: 1,
      ...v,
    });
    const stored = [
      s(1, 2024, 1, { vMonth: 100, vYtd: 100, monthDerived: true }),
      s(2, 2024, 2, { vMonth: 150, vYtd: 250, monthDerived: true }),
      s(3, 2024, 3, { vMonth: 150, vYtd: 400, monthDerived: true }),
      s(4, 2025, 1, { vMonth: 110, vYtd: 110, monthDerived: true, yoyM: 100000, yoyY: 100000, yoyComputed: true }),
      s(5, 2025, 2, { vMonth: 165, vYtd: 275, monthDerived: true, yoyM: 100000, yoyY: 100000, yoyComputed: true }),
    ];
    const plan = planSeries({ ...base, file: [file(9, 1, { vYtd: 120 }, 2024)], stored });
    expect(plan.changes.map((c) => [c.kind, c.year, c.month])).toEqual([
      ['changed', 2024, 1],
      ['recomputed', 2024, 2],
      ['recomputed', 2025, 1],
      // 2025-02's 本月 YoY compares with February 2024, whose derived 本月 changed (150 → 130).
      ['recomputed', 2025, 2],
    ]);
    expect(plan.changes[1].after.vMonth).toBe(130);
    expect(plan.changes[3].after.yoyY).toBe(100000);
    expect(plan.changes[2].after.yoyM).toBe(Math.round(((110 - 120) / 120) * 1e6));
    expect(sameState(stored[4], plan.changes[2].after)).toBe(false);
  });

  it('warns on a swing beyond the threshold and on a falling year to date', () => {
    const stored: StoredObservation[] = [{ id: 1, year: 2024, month: 2, vMonth: 100, vYtd: 200, yoyM: NaN, yoyY: NaN, monthDerived: false, ytdDerived: false, yoyComputed: false, merged: false, batchId: 1, sourceRow: 2, version: 1 }];
    const plan = planSeries({ ...base, file: [file(2, 1, { vYtd: 500 }), file(3, 2, { vYtd: 450 })], stored });
    expect(plan.warnings.map((w) => [w.row, w.code])).toEqual([
      [3, 'SWING'],
      [3, 'YTD_DECREASE'],
    ]);
  });
});
