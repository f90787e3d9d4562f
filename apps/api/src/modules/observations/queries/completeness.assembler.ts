/**
 * Completeness of the stored series for one year: for every subject series and month, whether the
 * figure is there (reported or derived), covered by a merged 1–2月, missing, not yet due or not a
 * period of the series; and how many key enterprises reported per park. Pure.
 */
import type { EnterpriseCompletenessDto, ObservationCompletenessDto, SeriesCompletenessDto, SeriesMonthStatus } from '@im/contracts';
import type { EnterpriseSumRow, PointRow } from './dashboard-query.repository';
import type { ReferenceSnapshot, SubjectSeriesRow } from './reference-snapshot';
import { ymText, type Ym } from './ym';

export interface CompletenessInput {
  year: number;
  /** The latest month with data in any monthly subject series (what the bureau has published). */
  dueThrough: Ym | null;
  ref: ReferenceSnapshot;
  series: readonly SubjectSeriesRow[];
  /** Subject points of the year. */
  points: readonly PointRow[];
  enterpriseExpected: readonly { regionId: number; indicatorId: number; count: number }[];
  /** Rollup rows of the year for the top-level industry nodes and the parks and districts. */
  enterpriseSums: readonly EnterpriseSumRow[];
}

const REGION_ORDER = { city: 0, district: 1, zone: 2, park: 3 } as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Months of the year that are due: all of a past year, up to the latest published month of the current one. */
export function dueMonths(year: number, dueThrough: Ym | null): number {
  if (!dueThrough || year > dueThrough.year) return 0;
  return year < dueThrough.year ? 12 : dueThrough.month;
}

function hasFigure(p: PointRow): boolean {
  return p.valueMonth !== null || p.valueYtd !== null || p.yoyMonthPct !== null || p.yoyYtdPct !== null;
}

function isDerivedOnly(p: PointRow): boolean {
  const reportedMonth = p.valueMonth !== null && !p.monthDerived;
  const reportedYtd = p.valueYtd !== null && !p.ytdDerived;
  const growthOnly = p.valueMonth === null && p.valueYtd === null;
  return !reportedMonth && !reportedYtd && !growthOnly;
}

export function seriesMonths(granularity: SubjectSeriesRow['granularity'], year: number, dueThrough: Ym | null, points: ReadonlyMap<number, PointRow>): SeriesMonthStatus[] {
  const due = dueMonths(year, dueThrough);
  return MONTHS.map((m): SeriesMonthStatus => {
    const expected = granularity === 'month' || (granularity === 'quarter' && m % 3 === 0) || (granularity === 'year' && m === 12);
    if (!expected) return 'not_expected';
    // Annual figures are published the following year.
    const isDue = granularity === 'year' ? dueThrough !== null && year < dueThrough.year : m <= due;
    const point = points.get(m);
    if (point && hasFigure(point)) return isDerivedOnly(point) ? 'derived' : 'reported';
    if (m === 1 && granularity === 'month' && points.get(2)?.mergedJanFeb) return 'merged';
    return isDue ? 'missing' : 'not_due';
  });
}

export function assembleCompleteness(input: CompletenessInput): ObservationCompletenessDto {
  const { ref, year } = input;
  const bySeries = new Map<number, Map<number, PointRow>>();
  for (const p of input.points) {
    const months = bySeries.get(p.seriesId) ?? new Map<number, PointRow>();
    months.set(p.month, p);
    bySeries.set(p.seriesId, months);
  }

  const series: SeriesCompletenessDto[] = [];
  const ordered = [...input.series].sort((a, b) => {
    const ra = ref.regionById.get(a.regionId);
    const rb = ref.regionById.get(b.regionId);
    const ia = a.industryNodeId === null ? -1 : (ref.industryById.get(a.industryNodeId)?.sortOrder ?? 0);
    const ib = b.industryNodeId === null ? -1 : (ref.industryById.get(b.industryNodeId)?.sortOrder ?? 0);
    return (
      (ra ? REGION_ORDER[ra.type] : 9) - (rb ? REGION_ORDER[rb.type] : 9) ||
      a.regionId - b.regionId ||
      ia - ib ||
      a.indicatorId - b.indicatorId ||
      a.granularity.localeCompare(b.granularity)
    );
  });
  for (const s of ordered) {
    const region = ref.regionById.get(s.regionId);
    const indicator = ref.indicatorById.get(s.indicatorId);
    if (!region || !indicator) continue;
    const industry = s.industryNodeId === null ? undefined : ref.industryById.get(s.industryNodeId);
    const months = seriesMonths(s.granularity, year, input.dueThrough, bySeries.get(s.id) ?? new Map());
    const missing = months.filter((m) => m === 'missing').length;
    series.push({
      indicator: { code: indicator.code, name: indicator.name },
      industry: industry ? ref.industryRef(industry) : null,
      region: ref.regionRef(region),
      granularity: s.granularity,
      months,
      complete: missing === 0,
      missing,
    });
  }

  // Key enterprises reporting per month, per region (rollup) and indicator, summed over the top-level nodes.
  const reporting = new Map<string, number[]>();
  const key = (regionId: number, indicatorId: number) => `${regionId}|${indicatorId}`;
  for (const r of input.enterpriseSums) {
    const list = reporting.get(key(r.regionId, r.indicatorId)) ?? MONTHS.map(() => 0);
    list[r.month - 1] += r.enterprises;
    reporting.set(key(r.regionId, r.indicatorId), list);
  }
  const enterprises: EnterpriseCompletenessDto[] = [];
  const expected = [...input.enterpriseExpected].sort((a, b) => a.regionId - b.regionId || a.indicatorId - b.indicatorId);
  for (const e of expected) {
    const region = ref.regionById.get(e.regionId);
    const indicator = ref.indicatorById.get(e.indicatorId);
    if (!region || !indicator || e.count <= 0) continue;
    let counts = reporting.get(key(region.id, indicator.id)) ?? MONTHS.map(() => 0);
    const outsideParks = region.type === 'district';
    if (outsideParks) {
      // The district's rollup includes its parks: the enterprises outside them are the difference.
      const parks = ref.parksIn(region).map((p) => reporting.get(key(p.id, indicator.id)) ?? MONTHS.map(() => 0));
      counts = counts.map((n, i) => n - parks.reduce((s, p) => s + p[i], 0));
    }
    enterprises.push({ region: ref.regionRef(region), outsideParks, indicatorCode: indicator.code, expected: e.count, reporting: counts });
  }
  enterprises.sort((a, b) => REGION_ORDER[a.region.type] - REGION_ORDER[b.region.type] || a.region.code.localeCompare(b.region.code));

  return {
    year,
    dueThrough: input.dueThrough ? ymText(input.dueThrough) : null,
    series,
    enterprises,
    summary: { series: series.length, complete: series.filter((s) => s.complete).length, missingMonths: series.reduce((n, s) => n + s.missing, 0) },
  };
}
