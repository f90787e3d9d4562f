import type { AnnualValueDto, SeriesPointDto } from '@im/contracts';
import type { Observation } from './entities/observation.entity';
import type { PointRow } from './queries/dashboard-query.repository';
import { monthFigure, ytdFigure } from './queries/breakdown.assembler';
import { resolveYoy, toNumber } from './queries/measures';
import { ymKey, ymText } from './queries/ym';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** A stored observation as it is (no computed YoY): used where an entity is at hand. */
export function toSeriesPoint(o: Observation, demoBatches: Set<number>): SeriesPointDto {
  return {
    period: `${o.periodYear}-${String(o.periodMonth).padStart(2, '0')}`,
    year: o.periodYear,
    month: o.periodMonth,
    valueMonth: num(o.valueMonth),
    valueYtd: num(o.valueYtd),
    yoyMonthPct: num(o.yoyMonthPct),
    yoyYtdPct: num(o.yoyYtdPct),
    monthDerived: o.monthDerived,
    ytdDerived: o.ytdDerived,
    yoyComputed: o.yoyComputed,
    mergedJanFeb: o.mergedJanFeb,
    source: { batchId: o.batchId, row: o.sourceRow, demo: demoBatches.has(o.batchId) },
  };
}

/**
 * A point with its YoY resolved: the stored YoY when there is one (reported, or computed at ingest),
 * else the nominal YoY against the same month of the previous year of the same series, labelled computed.
 */
export function toResolvedSeriesPoint(point: PointRow, lastYear: PointRow | null, demoBatches: ReadonlySet<number>): SeriesPointDto {
  const month = resolveYoy(monthFigure({ current: point, lastYear }));
  const ytd = resolveYoy(ytdFigure({ current: point, lastYear }));
  return {
    period: ymText(point),
    year: point.year,
    month: point.month,
    valueMonth: toNumber(point.valueMonth),
    valueYtd: toNumber(point.valueYtd),
    yoyMonthPct: month.pct,
    yoyYtdPct: ytd.pct,
    monthDerived: point.monthDerived,
    ytdDerived: point.ytdDerived,
    yoyComputed: month.basis === 'computed' || ytd.basis === 'computed',
    yoyMonthBasis: month.basis,
    yoyYtdBasis: ytd.basis,
    mergedJanFeb: point.mergedJanFeb,
    source: { batchId: point.batchId, row: point.sourceRow, demo: demoBatches.has(point.batchId) },
  };
}

/** Points of a series in order, each with the same month of the previous year looked up among `all`. */
export function resolveSeriesPoints(shown: readonly PointRow[], all: readonly PointRow[], demoBatches: ReadonlySet<number>): SeriesPointDto[] {
  const byKey = new Map(all.map((p) => [ymKey(p), p]));
  return shown.map((p) => toResolvedSeriesPoint(p, byKey.get(ymKey(p) - 100) ?? null, demoBatches));
}

/**
 * The value of each complete year from the December points: the 1–12月 YTD of a flow, the year-end
 * level of a stock or ratio (its 本月 value, else its YTD column where a year-level series stores it).
 */
export function annualValues(decemberPoints: readonly PointRow[], indicatorKind: string, demoBatches: ReadonlySet<number>): AnnualValueDto[] {
  const out: AnnualValueDto[] = [];
  for (const p of decemberPoints) {
    const value = indicatorKind === 'flow' ? p.valueYtd : (p.valueMonth ?? p.valueYtd);
    if (value === null) continue;
    out.push({ year: p.year, value: Number(value), source: { batchId: p.batchId, row: p.sourceRow, demo: demoBatches.has(p.batchId) } });
  }
  return out;
}
