import { Injectable } from '@nestjs/common';
import type {
  BatchRefDto,
  BreakdownDto,
  DashboardNoteDto,
  EnterpriseTotalsDto,
  ObservationCompletenessDto,
  SeriesDto,
} from '@im/contracts';
import { lastCompleteMonth } from '@im/seeds';
import { CatalogException } from '../catalog/catalog.exception';
import type { BreakdownQuery } from './dto/breakdown.query';
import type { CompletenessQuery } from './dto/completeness.query';
import type { SeriesQuery } from './dto/series.query';
import { ObservationsException } from './observations.exception';
import { annualValues, resolveSeriesPoints } from './observations.mapper';
import { assembleBreakdown, type BreakdownChildInput, type BreakdownParentInput, type SubjectPoints } from './queries/breakdown.assembler';
import { assembleCompleteness } from './queries/completeness.assembler';
import type { DashboardState } from './queries/dashboard-context';
import { DashboardContext } from './queries/dashboard-context';
import { DashboardQueryRepository, UNRESTRICTED, scopeKey, type EnterpriseScope, type PointRow } from './queries/dashboard-query.repository';
import { childMeasure, sumFigures, type Figure } from './queries/measures';
import { cityOf, indicatorOrThrow, industryOrThrow, regionOrThrow, resolveSubject, scopeNote, seriesFor, type ComparisonSubject } from './queries/reference-lookup';
import type { IndustryInfo, RegionInfo } from './queries/reference-snapshot';
import { batchIdsOf, commonNotes, demoSet, pointsAt, sumOfSeries } from './queries/subject-figures';
import { addMonths, monthLabel, parseYm, sameMonthLastYear, ymKey, ymText, ytdLabel, type Ym } from './queries/ym';

const DEFAULT_ENTERPRISE_LIMIT = 10;

/** Stable cache key of a query object: keys sorted, undefined left out. */
function keyOf(kind: string, query: object): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${kind}?${entries.map(([k, v]) => `${k}=${String(v)}`).join('&')}`;
}

/**
 * Read side of the observations: series, breakdowns and completeness for the dashboards. Answers are
 * cached per data version (see DashboardContext); the SQL lives in DashboardQueryRepository.
 */
@Injectable()
export class ObservationsService {
  constructor(
    private readonly context: DashboardContext,
    private readonly queries: DashboardQueryRepository,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Series

  /** The points of one series (indicator × industry × region) between two months, each with its source batch and row. */
  async series(query: SeriesQuery): Promise<SeriesDto> {
    if (query.from && query.to && ymKey(parseYm(query.from)) > ymKey(parseYm(query.to))) throw ObservationsException.invalidRange(query.from, query.to);
    return this.context.cached(keyOf('series', query), (state) => this.computeSeries(query, state));
  }

  private async computeSeries(query: SeriesQuery, { ref, subjects }: DashboardState): Promise<SeriesDto> {
    const industry = query.industry ? industryOrThrow(ref, query.industry) : null;
    const region = query.region ? regionOrThrow(ref, query.region) : cityOf(ref);
    const indicator = query.indicator
      ? indicatorOrThrow(ref, query.indicator)
      : industry?.indicatorId
        ? (ref.indicatorById.get(industry.indicatorId) ?? null)
        : null;
    if (!indicator) throw ObservationsException.indicatorRequired();

    const base: Omit<SeriesDto, 'points' | 'granularity'> = {
      indicator: { code: indicator.code, name: indicator.name, unit: indicator.unit },
      subject: { industryCode: industry?.code ?? null, industryName: industry?.name ?? null, regionCode: region.code, regionName: region.name },
    };
    const chosen = subjects.find(indicator.id, industry?.id ?? null, region.id);
    if (!chosen) return { ...base, granularity: 'month', points: [], annual: [], latestPeriod: null };

    const from = query.from ? parseYm(query.from) : undefined;
    const to = query.to ? parseYm(query.to) : undefined;
    // One year more than shown, for the YoY of points that have none stored.
    const [all, december, latest] = await Promise.all([
      this.queries.seriesPoints(chosen.id, from ? addMonths(from, -12) : undefined, to),
      this.queries.decemberPoints(chosen.id),
      this.queries.latestPeriod([chosen.id]),
    ]);
    const shown = from ? all.filter((p) => ymKey(p) >= ymKey(from)) : all;
    const demo = await this.demoBatches([...shown, ...december]);
    return {
      ...base,
      granularity: chosen.granularity,
      points: resolveSeriesPoints(shown, all, demo),
      annual: annualValues(december, indicator.kind, demo),
      latestPeriod: latest ? ymText(latest) : null,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Breakdown

  /** The children of a subject for a period: 本月, 累计, YoY, share of the parent, 拉动 and 贡献率. */
  async breakdown(query: BreakdownQuery, scope: EnterpriseScope = UNRESTRICTED): Promise<BreakdownDto> {
    
    return this.context.cached(keyOf(`breakdown:${scopeKey(scope)}`, query), (state) => this.computeBreakdown(query, state, scope));
  }

  private async computeBreakdown(query: BreakdownQuery, state: DashboardState, scope: EnterpriseScope): Promise<BreakdownDto> {
    switch (query.by) {
      case 'industry':
        return this.industryBreakdown(query, state);
      case 'district':
      case 'park':
        return this.regionBreakdown(query, state);
      case 'enterprise':
        return this.enterpriseBreakdown(query, state, scope);
    }
  }

  private async industryBreakdown(query: BreakdownQuery, { ref, subjects }: DashboardState): Promise<BreakdownDto> {
    const region = query.region ? regionOrThrow(ref, query.region) : cityOf(ref);
    const override = query.indicator ? indicatorOrThrow(ref, query.indicator) : null;
    let parentNode: IndustryInfo | null = null;
    let children: IndustryInfo[];
    if (query.parent) {
      parentNode = industryOrThrow(ref, query.parent);
      children = ref.childrenOf(parentNode.id);
    } else if (query.framework) {
      children = ref.rootsOf(query.framework);
      if (!children.length && ![...ref.industryById.values()].some((n) => n.frameworkCode === query.framework)) throw CatalogException.frameworkNotFound(query.framework);
    } else throw ObservationsException.breakdownParentRequired();

    const seriesOf = (node: IndustryInfo) => {
      const indicatorId = override?.id ?? node.indicatorId;
      return indicatorId === null ? null : subjects.find(indicatorId, node.id, region.id);
    };
    const parentSeries = parentNode ? seriesOf(parentNode) : null;
    const childSeries = children.map(seriesOf);
    const ids = [parentSeries, ...childSeries].filter((s) => s !== null).map((s) => s.id);
    const period = await this.resolvePeriod(query.period, parentSeries ? [parentSeries.id] : ids);
    const points = await this.pointsAt(ids, period);
    const at = (id: number | undefined): SubjectPoints => (id === undefined ? { current: null, lastYear: null } : (points.get(id) ?? { current: null, lastYear: null }));

    const indicatorCode = (node: IndustryInfo) => override?.code ?? (node.indicatorId !== null ? (ref.indicatorById.get(node.indicatorId)?.code ?? null) : null);
    const parentInput: BreakdownParentInput | null = parentNode
      ? { kind: 'industry', code: parentNode.code, name: parentNode.name, nameEn: parentNode.nameEn, indicatorCode: indicatorCode(parentNode), hasData: parentSeries !== null, ...at(parentSeries?.id) }
      : null;
    const childInputs: BreakdownChildInput[] = children.map((node, i) => ({
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      kind: 'industry',
      indicatorCode: indicatorCode(node),
      hasData: childSeries[i] !== null,
      industry: ref.industryRef(node),
      ...at(childSeries[i]?.id),
    }));
    const batches = await this.batchesOf(points);
    const assembled = assembleBreakdown(parentInput, childInputs, {
      other: { name: '其他', nameEn: 'Other' },
      demoBatches: demoSet(batches),
      noParent: parentNode === null,
    });
    const notes = [...assembled.notes];
    if (!parentNode) notes.push({ code: 'roots_not_summed', message: '各产业口径不同或相互交叉（如未来赛道与五大产业），不计算合计与占比' });
    return {
      by: 'industry',
      ...this.periodFields(period, points),
      industry: parentNode ? ref.industryRef(parentNode) : null,
      region: ref.regionRef(region),
      scope: null,
      parent: assembled.parent,
      items: assembled.items,
      other: assembled.other,
      enterprises: null,
      totalItems: assembled.items.length,
      notes: [...notes, ...commonNotes(yoyBases(assembled.items, assembled.parent.ytd.yoyBasis), batches)],
      sources: batches,
    };
  }

  private async regionBreakdown(query: BreakdownQuery, { ref, subjects }: DashboardState): Promise<BreakdownDto> {
    const parentRegion = query.parent ? regionOrThrow(ref, query.parent) : cityOf(ref);
    let children: RegionInfo[];
    if (query.by === 'district') {
      if (parentRegion.type !== 'city') throw ObservationsException.breakdownParentInvalid('按区分解时上级应为全市');
      children = ref.districtsOf(parentRegion.id);
    } else {
      if (parentRegion.type === 'park') throw ObservationsException.breakdownParentInvalid('按园区分解时上级应为全市、区或开发区');
      children = ref.parksIn(parentRegion);
    }
    const subject = resolveSubject(ref, query);
    const parentSeries = subject.industries.map((n) => seriesFor(subjects, subject, n, parentRegion.id));
    const childSeries = children.map((c) => subject.industries.map((n) => seriesFor(subjects, subject, n, c.id)));
    const ids = [...parentSeries, ...childSeries.flat()].filter((s) => s !== null).map((s) => s.id);
    const parentIds = parentSeries.filter((s) => s !== null).map((s) => s.id);
    const period = await this.resolvePeriod(query.period, parentIds.length ? parentIds : ids);
    const points = await this.pointsAt(ids, period);
    const empty: SubjectPoints = { current: null, lastYear: null };
    // One industry: the stored points themselves (with their sources); a scope: the exact sum of its industries.
    const singleIndustry = subject.scope ? null : subject.industries[0];
    const parentFigs = sumOfSeries(parentSeries, points);
    const parentInput: BreakdownParentInput = {
      kind: 'region',
      code: parentRegion.code,
      name: parentRegion.name,
      nameEn: parentRegion.nameEn,
      indicatorCode: subject.indicatorCode,
      hasData: parentFigs !== null,
      ...(singleIndustry && parentSeries[0] ? (points.get(parentSeries[0].id) ?? empty) : empty),
      figures: singleIndustry ? undefined : (parentFigs ?? undefined),
    };
    const childInputs: BreakdownChildInput[] = children.map((c, i) => {
      const figures = sumOfSeries(childSeries[i], points);
      const own = singleIndustry && childSeries[i][0] ? (points.get(childSeries[i][0].id) ?? empty) : empty;
      const district = ref.districtOf(c);
      return {
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        kind: query.by === 'district' ? 'district' : 'park',
        indicatorCode: subject.indicatorCode,
        hasData: figures !== null,
        region: query.by === 'park' && district ? ref.regionRef(district) : null,
        ...own,
        figures: singleIndustry ? undefined : (figures ?? undefined),
      };
    });
    const batches = await this.batchesOf(points);
    const assembled = assembleBreakdown(parentInput, childInputs, {
      other: parentRegion.type === 'zone' ? null : query.by === 'park' ? { name: '园区外', nameEn: 'Outside the parks' } : { name: '其他', nameEn: 'Other' },
      demoBatches: demoSet(batches),
    });
    const notes = [...assembled.notes];
    if (subject.scope) notes.push(scopeNote(subject.scope));
    if (query.by === 'park' && children.some((c) => !c.districtVerified)) {
      notes.push({ code: 'district_unverified', message: '部分园区所属区未经文件确认（跨区园区按其主要所在区计）' });
    }
    return {
      by: query.by,
      ...this.periodFields(period, points),
      industry: singleIndustry ? ref.industryRef(singleIndustry) : null,
      region: ref.regionRef(parentRegion),
      scope: subject.scope,
      parent: assembled.parent,
      items: assembled.items,
      other: assembled.other,
      enterprises: null,
      totalItems: assembled.items.length,
      notes: [...notes, ...commonNotes(yoyBases(assembled.items, assembled.parent.ytd.yoyBasis), batches)],
      sources: batches,
    };
  }

  private async enterpriseBreakdown(query: BreakdownQuery, { ref, subjects }: DashboardState, scope: EnterpriseScope): Promise<BreakdownDto> {
    const region = query.region ? regionOrThrow(ref, query.region) : cityOf(ref);
    const node = query.parent ? industryOrThrow(ref, query.parent) : null;
    // The parent industry (any node), or the scope's industries.
    const subject: ComparisonSubject = resolveSubject(ref, { industry: node?.code, scope: query.scope, indicator: query.indicator });
    const parentSeries = subject.industries.map((n) => seriesFor(subjects, subject, n, region.id));
    const parentIds = parentSeries.filter((s) => s !== null).map((s) => s.id);
    const period = await this.resolvePeriod(query.period, parentIds);
    const lastYear = sameMonthLastYear(period);

    const industryNodeIds = subject.industries.flatMap((n) => ref.subtreeIds(n.id));
    const regionIds = region.type === 'city' ? undefined : [region.id, ...ref.parksIn(region).map((p) => p.id)];
    const indicatorIds = subject.indicatorOverride ? [subject.indicatorOverride.id] : undefined;
    const limit = query.limit ?? DEFAULT_ENTERPRISE_LIMIT;
    const [ranked, parentPoints, sums] = await Promise.all([
      this.queries.enterpriseRanking({ scope, industryNodeIds, regionIds, indicatorIds, period, limit }),
      this.pointsAt(parentIds, period),
      this.queries.enterpriseSums({ scope, industryNodeIds: subject.industries.map((n) => n.id), regionIds: [region.id], indicatorIds, years: [period.year, lastYear.year], month: period.month }),
    ]);
    const lastYearPoints = await this.queries.pointsAtMonth(
      ranked.map((r) => r.seriesId),
      [lastYear.year],
      period.month,
    );
    const lastYearBySeries = new Map(lastYearPoints.map((p) => [p.seriesId, p]));

    const parentFigs = sumOfSeries(parentSeries, parentPoints);
    const sumOf = (year: number, pick: (r: (typeof sums)[number]) => string | null): string | null => {
      const rows = sums.filter((r) => r.year === year);
      const values = rows.map(pick).filter((v): v is string => v !== null);
      return values.length ? sumExact(values) : null;
    };
    const totalMonth: Figure = { value: sumOf(period.year, (r) => r.valueMonth), lastYear: sumOf(lastYear.year, (r) => r.valueMonth), storedYoy: null, storedYoyComputed: false, derived: true };
    const totalYtd: Figure = { value: sumOf(period.year, (r) => r.valueYtd), lastYear: sumOf(lastYear.year, (r) => r.valueYtd), storedYoy: null, storedYoyComputed: false, derived: true };
    const count = sums.filter((r) => r.year === period.year).reduce((n, r) => n + r.enterprises, 0);
    const countLastYear = sums.filter((r) => r.year === lastYear.year).reduce((n, r) => n + r.enterprises, 0);

    const children: BreakdownChildInput[] = ranked.map((r) => {
      const park = r.enterprise.parkId !== null ? ref.regionById.get(r.enterprise.parkId) : undefined;
      const district = r.enterprise.districtId !== null ? ref.regionById.get(r.enterprise.districtId) : undefined;
      const industry = ref.industryById.get(r.industryNodeId);
      return {
        code: r.enterprise.creditCode,
        name: r.enterprise.name,
        nameEn: null,
        kind: 'enterprise',
        indicatorCode: ref.indicatorById.get(r.indicatorId)?.code ?? null,
        hasData: true,
        region: park ? ref.regionRef(park) : district ? ref.regionRef(district) : null,
        industry: industry ? ref.industryRef(industry) : null,
        enterprise: {
          creditCode: r.enterprise.creditCode,
          park: park ? ref.regionRef(park) : null,
          district: district ? ref.regionRef(district) : null,
          aboveScale: r.enterprise.aboveScale,
          hnte: r.enterprise.hnte,
          littleGiant: r.enterprise.littleGiant,
          champion: r.enterprise.champion,
          chainLeader: r.enterprise.chainLeader,
        },
        current: r,
        lastYear: lastYearBySeries.get(r.seriesId) ?? null,
      };
    });

    const pointMap = new Map<number, SubjectPoints>(parentPoints);
    for (const c of children) pointMap.set(c.current!.seriesId, c);
    const batches = await this.batchesOf(pointMap);
    const single = node && parentSeries[0] ? parentPoints.get(parentSeries[0].id) : undefined;
    const assembled = assembleBreakdown(
      {
        kind: node ? 'industry' : 'scope',
        code: node?.code ?? subject.scope?.code ?? null,
        name: node?.name ?? subject.scope?.name ?? null,
        nameEn: node?.nameEn ?? subject.scope?.nameEn ?? null,
        indicatorCode: subject.indicatorCode,
        hasData: parentFigs !== null,
        current: single?.current ?? null,
        lastYear: single?.lastYear ?? null,
        figures: single ? undefined : (parentFigs ?? undefined),
      },
      children,
      {
        other: { name: '非重点企业', nameEn: 'Other enterprises' },
        demoBatches: demoSet(batches),
        coveredBy: count ? { month: totalMonth, ytd: totalYtd } : null,
        deriveParent: false,
      },
    );
    const enterprises: EnterpriseTotalsDto = {
      count,
      month: childMeasure(totalMonth, assembled.parentFigures?.month ?? null),
      ytd: childMeasure(totalYtd, assembled.parentFigures?.ytd ?? null),
    };
    const notes: DashboardNoteDto[] = [...assembled.notes];
    if (!count) {
      // Without rollup rows the remainder would be the whole parent: leave it out.
      assembled.other = null;
    }
    notes.push({ code: 'enterprise_totals', message: `重点企业合计为本期上报的 ${count} 家重点企业之和；非重点企业 = 上级数值 − 重点企业合计` });
    if (count && countLastYear && count !== countLastYear) {
      notes.push({ code: 'enterprise_panel_changed', message: `上年同期上报重点企业 ${countLastYear} 家，与本期 ${count} 家不同，合计的同比不是同口径比较` });
    }
    if (subject.scope) notes.push(scopeNote(subject.scope));
    return {
      by: 'enterprise',
      ...this.periodFields(period, pointMap),
      industry: node ? ref.industryRef(node) : null,
      region: ref.regionRef(region),
      scope: subject.scope,
      parent: assembled.parent,
      items: assembled.items,
      other: assembled.other,
      enterprises,
      totalItems: count,
      notes: [...notes, ...commonNotes(yoyBases(assembled.items, assembled.parent.ytd.yoyBasis), batches)],
      sources: batches,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Completeness

  /** Which series have data for which months of a year, and how many key enterprises reported each month. */
  async completeness(query: CompletenessQuery, scope: EnterpriseScope = UNRESTRICTED): Promise<ObservationCompletenessDto> {
    
    return this.context.cached(keyOf(`completeness:${scopeKey(scope)}`, query), async ({ ref, subjects }) => {
      const monthly = subjects.all.filter((s) => s.granularity === 'month').map((s) => s.id);
      const latest = await this.queries.latestPeriod(monthly);
      const year = query.year ?? latest?.year ?? lastCompleteMonth(new Date()).year;
      const roots = [...ref.industryById.values()].filter((n) => n.parentId === null).map((n) => n.id);
      const regionIds = [...ref.regionById.values()].filter((r) => r.type === 'park' || r.type === 'district').map((r) => r.id);
      const [points, expected, sums] = await Promise.all([
        this.queries.subjectPointsOfYear(year),
        this.queries.enterpriseSeriesCounts(scope),
        this.queries.enterpriseSums({ scope, industryNodeIds: roots, regionIds, years: [year] }),
      ]);
      return assembleCompleteness({ year, dueThrough: latest, ref, series: subjects.all, points, enterpriseExpected: expected, enterpriseSums: sums });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private async resolvePeriod(requested: string | undefined, seriesIds: readonly number[]): Promise<Ym> {
    if (requested) return parseYm(requested);
    return (await this.queries.latestPeriod(seriesIds)) ?? lastCompleteMonth(new Date());
  }

  private pointsAt(seriesIds: readonly number[], period: Ym): Promise<Map<number, SubjectPoints>> {
    return pointsAt(this.queries, seriesIds, period);
  }

  private periodFields(period: Ym, points: ReadonlyMap<number, SubjectPoints>) {
    const merged = [...points.values()].some((p) => p.current?.mergedJanFeb === true);
    return {
      period: ymText(period),
      ytdLabel: ytdLabel(period),
      monthLabel: monthLabel(period, merged),
      lastYearPeriod: ymText(sameMonthLastYear(period)),
      mergedJanFeb: merged,
    };
  }

  private batchesOf(points: ReadonlyMap<number, SubjectPoints>): Promise<BatchRefDto[]> {
    return this.queries.batches(batchIdsOf(points));
  }

  private async demoBatches(points: readonly PointRow[]): Promise<Set<number>> {
    return demoSet(await this.queries.batches(points.map((p) => p.batchId)));
  }
}

function sumExact(values: readonly string[]): string {
  return sumFigures(values.map((value) => ({ value, lastYear: value, storedYoy: null, storedYoyComputed: false, derived: false }))).value!;
}

function yoyBases(items: readonly { ytd: { yoyBasis: string | null } }[], parentBasis: string | null): (string | null)[] {
  return [parentBasis, ...items.map((i) => i.ytd.yoyBasis)];
}
