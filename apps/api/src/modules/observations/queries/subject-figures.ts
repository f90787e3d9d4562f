/** Gathering the points of subjects for a period and summing them over a scope. */
import type { BatchRefDto, DashboardNoteDto } from '@im/contracts';
import { monthFigure, ytdFigure, type SubjectPoints } from './breakdown.assembler';
import type { DashboardQueryRepository } from './dashboard-query.repository';
import { sumFigures, type Figure } from './measures';
import type { Ym } from './ym';

export interface SubjectFigures {
  month: Figure;
  ytd: Figure;
}

/** Points of the series this period and in the same month last year. */
export async function pointsAt(queries: DashboardQueryRepository, seriesIds: readonly number[], period: Ym): Promise<Map<number, SubjectPoints>> {
  const rows = await queries.pointsAtMonth([...new Set(seriesIds)], [period.year, period.year - 1], period.month);
  const out = new Map<number, SubjectPoints>();
  for (const row of rows) {
    const entry = out.get(row.seriesId) ?? { current: null, lastYear: null };
    if (row.year === period.year) entry.current = row;
    else entry.lastYear = row;
    out.set(row.seriesId, entry);
  }
  return out;
}

/**
 * Figures of a subject summed over its industries' series (a scope), or null when it has none. An
 * industry without any series for the subject is not part of it (a park carries some industries); a
 * series without a point this period makes the sum missing, never a partial sum.
 */
export function sumOfSeries(series: readonly ({ id: number } | null)[], points: ReadonlyMap<number, SubjectPoints>): SubjectFigures | null {
  const present = series.filter((s): s is { id: number } => s !== null);
  if (!present.length) return null;
  const pairs = present.map((s) => points.get(s.id) ?? { current: null, lastYear: null });
  if (pairs.length === 1) return { month: monthFigure(pairs[0]), ytd: ytdFigure(pairs[0]) };
  return { month: sumFigures(pairs.map(monthFigure)), ytd: sumFigures(pairs.map(ytdFigure)) };
}

/** Batch ids of every point used. */
export function batchIdsOf(points: ReadonlyMap<number, SubjectPoints>): Set<number> {
  const ids = new Set<number>();
  for (const p of points.values()) {
    if (p.current) ids.add(p.current.batchId);
    if (p.lastYear) ids.add(p.lastYear.batchId);
  }
  return ids;
}

export function demoSet(batches: readonly BatchRefDto[]): Set<number> {
  return new Set(batches.filter((b) => b.demo).map((b) => b.batchId));
}

/** Notes every dashboard answer may carry: nominal YoY computed here, demo data. */
export function commonNotes(yoyBases: readonly (string | null)[], batches: readonly BatchRefDto[]): DashboardNoteDto[] {
  const notes: DashboardNoteDto[] = [];
  if (yoyBases.includes('computed')) {
    notes.push({ code: 'yoy_nominal', message: '标注“计算”的同比为名义增速（按现价计算）；文件上报的同比（可比价）原样保留' });
  }
  if (batches.some((b) => b.demo)) notes.push({ code: 'demo', message: '演示数据，非正式统计数字' });
  return notes;
}
