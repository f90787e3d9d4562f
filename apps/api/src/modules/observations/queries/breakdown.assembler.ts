/**
 * Turns the stored points of a parent and its children into a breakdown: each child's 本月 and 累计
 * with YoY, share of the parent, 拉动 and 贡献率; the remainder the children do not cover; ranks.
 * Pure: the service gathers the points, this decides what they mean.
 */
import type {
  BreakdownItemDto,
  BreakdownItemKind,
  BreakdownParentDto,
  EnterpriseInfoDto,
  FigureSourceDto,
  IndustryRefDto,
  MeasureDto,
  RegionRefDto,
} from '@im/contracts';
import type { PointRow } from './dashboard-query.repository';
import { childMeasure, isMaterialRemainder, parentMeasure, rankBy, remainderFigure, sumFigures, type Figure } from './measures';

/** The points of one subject: this period and the same period last year. */
export interface SubjectPoints {
  current: PointRow | null;
  lastYear: PointRow | null;
}

export interface BreakdownChildInput extends SubjectPoints {
  code: string;
  name: string;
  nameEn: string | null;
  kind: Exclude<BreakdownItemKind, 'other'>;
  indicatorCode: string | null;
  /** False when the subject has no series at all. */
  hasData: boolean;
  region?: RegionRefDto | null;
  industry?: IndustryRefDto | null;
  enterprise?: EnterpriseInfoDto | null;
  /** Figures to use instead of points (e.g. a sum of several industries' series); takes precedence. */
  figures?: { month: Figure; ytd: Figure };
}

export interface BreakdownParentInput extends SubjectPoints {
  kind: BreakdownParentDto['kind'];
  code: string | null;
  name: string | null;
  nameEn: string | null;
  indicatorCode: string | null;
  /** False when the parent has no series: its figures are then the sum of the children. */
  hasData: boolean;
  /**
   * A figure to use instead of points (e.g. a sum of several industries' series); takes precedence.
   */
  figures?: { month: Figure; ytd: Figure };
}

export interface BreakdownAssembly {
  parent: BreakdownParentDto;
  items: BreakdownItemDto[];
  other: BreakdownItemDto | null;
  /** The parent's figures as used for shares (for callers that add their own rows, e.g. enterprise totals). */
  parentFigures: { month: Figure; ytd: Figure } | null;
  /** Notes codes raised while assembling. */
  notes: { code: string; message: string }[];
}

export interface AssembleOptions {
  /** Name of the remainder row: 其他 / 园区外 / 非重点企业. Null: no remainder row. */
  other: { name: string; nameEn: string } | null;
  /** Batches marked demo, for the sources of figures. */
  demoBatches: ReadonlySet<number>;
  /**
   * The figures the remainder is computed against, when the items are not all the children (the top
   * N enterprises of all key enterprises): parent − these, instead of parent − Σ items.
   */
  coveredBy?: { month: Figure; ytd: Figure } | null;
  /** Children never sum to the parent (framework roots): no parent at all. */
  noParent?: boolean;
  /**
   * When the parent has no series, use the sum of the items as its figures (default true). Not for a
   * top N (enterprises), whose sum is not the parent.
   */
  deriveParent?: boolean;
}

export function monthFigure(points: SubjectPoints): Figure {
  const c = points.current;
  return {
    value: c?.valueMonth ?? null,
    lastYear: points.lastYear?.valueMonth ?? null,
    storedYoy: c?.yoyMonthPct ?? null,
    storedYoyComputed: c?.yoyComputed ?? false,
    derived: c?.monthDerived ?? false,
  };
}

export function ytdFigure(points: SubjectPoints): Figure {
  const c = points.current;
  return {
    value: c?.valueYtd ?? null,
    lastYear: points.lastYear?.valueYtd ?? null,
    storedYoy: c?.yoyYtdPct ?? null,
    storedYoyComputed: c?.yoyComputed ?? false,
    derived: c?.ytdDerived ?? false,
  };
}

export function sourceOf(point: PointRow | null, demoBatches: ReadonlySet<number>): FigureSourceDto | null {
  return point ? { batchId: point.batchId, row: point.sourceRow, demo: demoBatches.has(point.batchId) } : null;
}

const EMPTY_MEASURE: MeasureDto = Object.freeze({
  value: null,
  lastYear: null,
  yoyPct: null,
  yoyBasis: null,
  sharePct: null,
  contributionPp: null,
  contributionRatePct: null,
  derived: false,
});

export function assembleBreakdown(parentInput: BreakdownParentInput | null, children: readonly BreakdownChildInput[], options: AssembleOptions): BreakdownAssembly {
  const notes: BreakdownAssembly['notes'] = [];
  const childFigures = children.map((c) => c.figures ?? { month: monthFigure(c), ytd: ytdFigure(c) });
  // Children without any series (a sub-field nobody reports, a park that does not carry the industry)
  // are not part of sums; a child with a series but no figure this period makes a sum missing.
  const counted = childFigures.filter((_f, i) => children[i].hasData);

  let parentFigures: { month: Figure; ytd: Figure } | null = null;
  let parentDerived = false;
  if (parentInput && !options.noParent) {
    if (parentInput.figures) parentFigures = parentInput.figures;
    else if (parentInput.hasData) parentFigures = { month: monthFigure(parentInput), ytd: ytdFigure(parentInput) };
    else if (children.length && options.deriveParent !== false) {
      parentDerived = true;
      parentFigures = { month: sumFigures(counted.map((f) => f.month)), ytd: sumFigures(counted.map((f) => f.ytd)) };
      notes.push({ code: 'parent_is_sum', message: '上级没有上报数据，上级数值按下级合计计算' });
    }
  }

  const items: BreakdownItemDto[] = children.map((c, i) => ({
    code: c.code,
    name: c.name,
    nameEn: c.nameEn,
    kind: c.kind,
    indicatorCode: c.indicatorCode,
    month: childMeasure(childFigures[i].month, parentFigures?.month ?? null),
    ytd: childMeasure(childFigures[i].ytd, parentFigures?.ytd ?? null),
    rank: null,
    rankByGrowth: null,
    hasData: c.hasData,
    region: c.region ?? null,
    industry: c.industry ?? null,
    enterprise: c.enterprise ?? null,
    source: c.figures ? null : sourceOf(c.current, options.demoBatches),
  }));

  let other: BreakdownItemDto | null = null;
  if (options.other && parentFigures && !parentDerived) {
    const covered = options.coveredBy ?? null;
    const month = covered ? remainderFigure(parentFigures.month, [covered.month]) : remainderFigure(parentFigures.month, counted.map((f) => f.month));
    const ytd = covered ? remainderFigure(parentFigures.ytd, [covered.ytd]) : remainderFigure(parentFigures.ytd, counted.map((f) => f.ytd));
    if (isMaterialRemainder(ytd) || isMaterialRemainder(month)) {
      other = {
        code: 'other',
        name: options.other.name,
        nameEn: options.other.nameEn,
        kind: 'other',
        indicatorCode: parentInput?.indicatorCode ?? null,
        month: childMeasure(month, parentFigures.month),
        ytd: childMeasure(ytd, parentFigures.ytd),
        rank: null,
        rankByGrowth: null,
        hasData: ytd.value !== null || month.value !== null,
        region: null,
        industry: null,
        enterprise: null,
        source: null,
      };
      if (!covered && counted.length < children.length) {
        notes.push({ code: 'other_includes_no_data', message: `“${options.other.name}”含没有数据的下级（${children.filter((c) => !c.hasData).length} 个）` });
      }
      if ((ytd.value !== null && Number(ytd.value) < 0) || (month.value !== null && Number(month.value) < 0)) {
        notes.push({ code: 'children_exceed_parent', message: '下级合计大于上级数值，请核对上报数据（口径或修订差异）' });
      }
    }
  }

  const valueRanks = rankBy(items, (it) => it.ytd.value);
  const growthRanks = rankBy(items, (it) => it.ytd.yoyPct);
  items.forEach((it, i) => {
    it.rank = valueRanks[i];
    it.rankByGrowth = growthRanks[i];
  });
  // Largest first; items without a value keep their reference order at the end.
  const order = items.map((it, i) => ({ it, i }));
  order.sort((a, b) => (a.it.rank ?? Number.MAX_SAFE_INTEGER) - (b.it.rank ?? Number.MAX_SAFE_INTEGER) || a.i - b.i);

  const parent: BreakdownParentDto = parentInput
    ? {
        kind: parentInput.kind,
        code: parentInput.code,
        name: parentInput.name,
        nameEn: parentInput.nameEn,
        indicatorCode: parentInput.indicatorCode,
        month: parentFigures ? parentMeasure(parentFigures.month) : EMPTY_MEASURE,
        ytd: parentFigures ? parentMeasure(parentFigures.ytd) : EMPTY_MEASURE,
        derived: parentDerived,
        hasData: parentInput.hasData || (parentFigures?.ytd.value ?? null) !== null,
        source: parentInput.figures ? null : sourceOf(parentInput.current, options.demoBatches),
      }
    : {
        kind: 'none',
        code: null,
        name: null,
        nameEn: null,
        indicatorCode: null,
        month: EMPTY_MEASURE,
        ytd: EMPTY_MEASURE,
        derived: false,
        hasData: false,
        source: null,
      };

  return { parent, items: order.map((o) => o.it), other, parentFigures, notes };
}

export { EMPTY_MEASURE };
