/**
 * What a file does to one series: the file's rows replace what was reported for their periods; the
 * other form (本月 ↔ 累计) is derived again for every year the file touches (`deriveMonthlyValues`
 * semantics: reported values kept, gaps filled and marked derived, 1–2月 merged), reported YoY is
 * kept and nominal YoY computed only for rows that report none (marked computed) — also in the year
 * after, whose computed YoY depends on this year's values. The result is every observation that
 * changes (new / changed by a file row / recomputed), with its state before and after, plus warnings
 * a statistician would want (abnormal swing against last year, year-to-date falling).
 *
 * Values are scaled integers (×10⁴, see records/scaled.ts); NaN = missing. Pure.
 */
import { deriveMonthlyValues, type MonthlyInput } from '@im/domain';
import { PERCENT_LIMIT_SCALED, sameScaled, SCALE } from '../records/scaled';
import { issueWarning, UploadIssueCode, type Issue } from '../report/issues';

export interface ObsState {
  vMonth: number;
  vYtd: number;
  yoyM: number;
  yoyY: number;
  monthDerived: boolean;
  ytdDerived: boolean;
  yoyComputed: boolean;
  merged: boolean;
}

export interface StoredObservation extends ObsState {
  id: number;
  year: number;
  month: number;
  batchId: number;
  sourceRow: number;
  version: number;
}

export interface FileObservation {
  row: number;
  year: number;
  month: number;
  merged: boolean;
  vMonth: number;
  vYtd: number;
  yoyM: number;
  yoyY: number;
}

export type ChangeKind = 'new' | 'changed' | 'recomputed';

export interface PlannedChange {
  kind: ChangeKind;
  year: number;
  month: number;
  /** File row the new values come from (null for a recomputed observation). */
  row: number | null;
  before: StoredObservation | null;
  after: ObsState;
}

export interface SeriesPlanInput {
  /** Flows are summable over months (本月 ↔ 累计); stocks, ratios and annual series are levels. */
  flow: boolean;
  granularity: 'month' | 'quarter' | 'year';
  /** Sorted by (year, month); one row per period (duplicates removed beforehand). */
  file: FileObservation[];
  /** Stored observations of the series for the years the file touches, the year before and the year after. */
  stored: StoredObservation[];
  swingWarnPct: number;
  /** `集成电路 · 厦门市 · 产值`, for warnings. */
  label: string;
  /** A YTD that falls is normal for added value (can be negative), not for output or revenue. */
  allowDecrease: boolean;
  /** Years to derive again even without file rows (checking a series after a rollback). */
  rederiveYears?: number[];
}

export interface SeriesPlan {
  changes: PlannedChange[];
  /** File rows whose observation is already stored exactly so. */
  unchanged: number;
  warnings: Issue[];
}

/** A fresh state (never shared: the planner fills it in place) from a stored observation. */
function copyState(s: ObsState, vMonth: number, vYtd: number): ObsState {
  return { vMonth, vYtd, yoyM: s.yoyM, yoyY: s.yoyY, monthDerived: s.monthDerived, ytdDerived: s.ytdDerived, yoyComputed: s.yoyComputed, merged: s.merged };
}

export function sameState(a: ObsState, b: ObsState): boolean {
  return (
    sameScaled(a.vMonth, b.vMonth) &&
    sameScaled(a.vYtd, b.vYtd) &&
    sameScaled(a.yoyM, b.yoyM) &&
    sameScaled(a.yoyY, b.yoyY) &&
    a.monthDerived === b.monthDerived &&
    a.ytdDerived === b.ytdDerived &&
    a.yoyComputed === b.yoyComputed &&
    a.merged === b.merged
  );
}

/**
 * Nominal YoY in percent, scaled ×10⁴ and rounded half away from zero to 4 decimals:
 * (current − lastYear) ÷ lastYear × 100. NaN when a value is missing or the base is not positive
 * (as `yoyPct` of @im/domain), or when the result does not fit DECIMAL(9,4).
 */
export function yoyScaled(current: number, lastYear: number): number {
  if (Number.isNaN(current) || Number.isNaN(lastYear) || lastYear <= 0) return NaN;
  const num = BigInt(current - lastYear) * 1_000_000n;
  const den = BigInt(lastYear);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  const value = Number(negative ? -q : q);
  return Math.abs(value) > PERCENT_LIMIT_SCALED ? NaN : value;
}

interface Slot {
  row: number | null;
  state: ObsState;
  /** The row's own YoY as reported (NaN = none). */
  reportedYoyM: number;
  reportedYoyY: number;
  /** YoY to compute: the row reports none (file row) or it was computed before (stored row). */
  computeYoy: boolean;
}

const key = (year: number, month: number) => year * 100 + month;

function fmt(scaled: number): string {
  const v = scaled / SCALE;
  return v.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** Index within the year: months 1–12, quarters 1–4 (month 3, 6, 9, 12). */
function slotIndex(granularity: SeriesPlanInput['granularity'], month: number): number {
  return granularity === 'quarter' ? month / 3 : month;
}

export function planSeries(input: SeriesPlanInput): SeriesPlan {
  const stored = new Map<number, StoredObservation>();
  for (const s of input.stored) stored.set(key(s.year, s.month), s);
  const fileBy = new Map<number, FileObservation>();
  for (const f of input.file) fileBy.set(key(f.year, f.month), f);
  const fileYears = [...new Set([...input.file.map((f) => f.year), ...(input.rederiveYears ?? [])])].sort((a, b) => a - b);

  // New states of every period in the years the file touches.
  const next = new Map<number, Slot>();
  for (const year of fileYears) {
    const months = new Set<number>();
    for (const s of input.stored) if (s.year === year) months.add(s.month);
    for (const f of input.file) if (f.year === year) months.add(f.month);
    const slots = new Map<number, Slot>();
    for (const month of [...months].sort((a, b) => a - b)) {
      const f = fileBy.get(key(year, month));
      const s = stored.get(key(year, month));
      if (f) {
        const reportsYoy = !Number.isNaN(f.yoyM) || !Number.isNaN(f.yoyY);
        slots.set(month, {
          row: f.row,
          state: { vMonth: f.vMonth, vYtd: f.vYtd, yoyM: f.yoyM, yoyY: f.yoyY, monthDerived: false, ytdDerived: false, yoyComputed: false, merged: f.merged },
          reportedYoyM: f.yoyM,
          reportedYoyY: f.yoyY,
          computeYoy: !reportsYoy,
        });
      } else if (s) {
        // Keep what was reported; derived parts are derived again below.
        slots.set(month, {
          row: null,
          state: copyState(s, s.monthDerived ? NaN : s.vMonth, s.ytdDerived ? NaN : s.vYtd),
          reportedYoyM: s.yoyComputed ? NaN : s.yoyM,
          reportedYoyY: s.yoyComputed ? NaN : s.yoyY,
          computeYoy: s.yoyComputed,
        });
      }
    }
    if (input.flow && input.granularity !== 'year') {
      const inputs: MonthlyInput[] = [...slots.entries()].map(([month, slot]) => ({
        month: slotIndex(input.granularity, month),
        valueMonth: Number.isNaN(slot.state.vMonth) ? null : slot.state.vMonth,
        valueYtd: Number.isNaN(slot.state.vYtd) ? null : slot.state.vYtd,
        mergedJanFeb: slot.state.merged,
      }));
      const derived = deriveMonthlyValues(inputs);
      for (const [month, slot] of slots) {
        const d = derived[slotIndex(input.granularity, month) - 1];
        const state = slot.state;
        state.vMonth = d.valueMonth ?? NaN;
        state.vYtd = d.valueYtd ?? NaN;
        state.monthDerived = d.monthDerived;
        state.ytdDerived = d.ytdDerived;
      }
    }
    for (const [month, slot] of slots) next.set(key(year, month), slot);
  }

  // The year after a touched year: computed YoY depends on this year's values.
  for (const year of fileYears) {
    if (fileYears.includes(year + 1)) continue;
    for (const s of input.stored) {
      if (s.year !== year + 1 || !s.yoyComputed || next.has(key(s.year, s.month))) continue;
      next.set(key(s.year, s.month), { row: null, state: copyState(s, s.vMonth, s.vYtd), reportedYoyM: NaN, reportedYoyY: NaN, computeYoy: true });
    }
  }

  const valueAt = (year: number, month: number): ObsState | null => {
    const n = next.get(key(year, month));
    if (n) return n.state;
    return stored.get(key(year, month)) ?? null;
  };

  // YoY: reported kept; computed (nominal) only where none is reported.
  const ordered = [...next.entries()].sort((a, b) => a[0] - b[0]);
  for (const [k, slot] of ordered) {
    const year = Math.floor(k / 100);
    const month = k % 100;
    const state = slot.state;
    if (!slot.computeYoy) {
      state.yoyM = slot.reportedYoyM;
      state.yoyY = slot.reportedYoyY;
      state.yoyComputed = false;
      continue;
    }
    const last = valueAt(year - 1, month);
    const before = slot.row === null ? stored.get(k) : undefined;
    if (before) {
      // A stored value whose YoY was computed: computed again only when its level or last year's changed
      // (otherwise it keeps what it has — no churn from rounding done by an earlier writer).
      const lastBefore = stored.get(key(year - 1, month)) ?? null;
      const unchangedInputs =
        sameScaled(state.vMonth, before.vMonth) &&
        sameScaled(state.vYtd, before.vYtd) &&
        (last === lastBefore || (last !== null && lastBefore !== null && sameScaled(last.vMonth, lastBefore.vMonth) && sameScaled(last.vYtd, lastBefore.vYtd)));
      if (unchangedInputs) {
        state.yoyM = before.yoyM;
        state.yoyY = before.yoyY;
        state.yoyComputed = before.yoyComputed;
        continue;
      }
    }
    state.yoyM = last && !state.merged ? yoyScaled(state.vMonth, last.vMonth) : NaN;
    state.yoyY = last ? yoyScaled(state.vYtd, last.vYtd) : NaN;
    state.yoyComputed = !Number.isNaN(state.yoyM) || !Number.isNaN(state.yoyY);
  }

  const changes: PlannedChange[] = [];
  let unchanged = 0;
  for (const [k, slot] of ordered) {
    const year = Math.floor(k / 100);
    const month = k % 100;
    const before = stored.get(k) ?? null;
    if (before && sameState(before, slot.state)) {
      if (slot.row !== null) unchanged++;
      continue;
    }
    if (!before && slot.row === null) continue;
    changes.push({ kind: before ? (slot.row !== null ? 'changed' : 'recomputed') : 'new', year, month, row: slot.row, before, after: slot.state });
  }

  return { changes, unchanged, warnings: warningsFor(input, next, valueAt) };
}

function warningsFor(input: SeriesPlanInput, next: Map<number, Slot>, valueAt: (y: number, m: number) => ObsState | null): Issue[] {
  const warnings: Issue[] = [];
  for (const f of input.file) {
    const now = next.get(key(f.year, f.month))?.state;
    if (!now) continue;
    // Abnormal swing against the same period last year.
    const last = valueAt(f.year - 1, f.month);
    if (last) {
      const useYtd = !Number.isNaN(now.vYtd) && !Number.isNaN(last.vYtd);
      const cur = useYtd ? now.vYtd : now.vMonth;
      const prev = useYtd ? last.vYtd : last.vMonth;
      const pct = yoyScaled(cur, prev);
      if (!Number.isNaN(pct) && Math.abs(pct) > input.swingWarnPct * SCALE) {
        warnings.push(
          issueWarning(
            UploadIssueCode.Swing,
            `${input.label} ${useYtd ? '累计' : '本月'}值 ${fmt(cur)} 比上年同期 ${fmt(prev)} ${pct > 0 ? '增长' : '下降'} ${fmt(Math.abs(pct))}%，超过 ±${input.swingWarnPct}%，请核实单位和数值`,
            { row: f.row },
          ),
        );
      }
    }
    // Year to date falling within a year.
    if (input.flow && !input.allowDecrease && input.granularity !== 'year' && !Number.isNaN(now.vYtd)) {
      const step = input.granularity === 'quarter' ? 3 : 1;
      const prevMonth = f.month - step;
      if (prevMonth >= 1) {
        const prev = valueAt(f.year, prevMonth);
        if (prev && !Number.isNaN(prev.vYtd) && now.vYtd < prev.vYtd) {
          warnings.push(
            issueWarning(UploadIssueCode.YtdDecrease, `${input.label} ${f.month}月累计值 ${fmt(now.vYtd)} 小于${prevMonth}月累计值 ${fmt(prev.vYtd)}，累计值不应下降，请核实`, {
              row: f.row,
            }),
          );
        }
      }
    }
  }
  return warnings;
}
