import { Injectable } from '@nestjs/common';
import type { ParkCompareDto } from '@im/contracts';
import { decimalSum } from '@im/domain';
import { lastCompleteMonth } from '@im/seeds';
import { AccessScope } from '../../core/security/access-scope';
import { ScopeException } from '../../core/security/scope.exception';
import { DashboardContext, type DashboardState } from '../observations/queries/dashboard-context';
import { DashboardQueryRepository, scopeKey, type EnterpriseScope } from '../observations/queries/dashboard-query.repository';
import { cityOf, regionOrThrow, resolveSubject, scopeNote, seriesFor } from '../observations/queries/reference-lookup';
import { batchIdsOf, commonNotes, pointsAt, sumOfSeries } from '../observations/queries/subject-figures';
import { monthLabel, parseYm, sameMonthLastYear, ymText, ytdLabel } from '../observations/queries/ym';
import type { ParkCompareQuery } from './dto/park-compare.query';
import { assembleParkComparison, type ParkFiguresInput } from './park-compare.assembler';
import { RegionsException } from './regions.exception';

/** Comparisons of parks and districts (district users: how do my parks compare, with each other and with the city). */
@Injectable()
export class RegionsService {
  constructor(
    private readonly context: DashboardContext,
    private readonly queries: DashboardQueryRepository,
  ) {}

  async compareParks(query: ParkCompareQuery, access: AccessScope = AccessScope.unrestricted(null, null)): Promise<ParkCompareDto> {
    // Parks are below the city: lead units compare parks only for the industries they lead.
    if (!access.seesEverything) {
      const { ref } = await this.context.current();
      if (!access.canSeeBelowCity(resolveSubject(ref, { industry: query.industry, scope: query.scope }).industries.map((n) => n.id))) throw ScopeException.outOfScope();
    }
    const scope: EnterpriseScope = access.enterprises;
    const seen = new Set<string>();
    for (const code of query.codes) {
      if (seen.has(code)) throw RegionsException.duplicatePark(code);
      seen.add(code);
    }
    const key = `parks-compare:${scopeKey(scope)}?${query.codes.join(',')}|${query.period ?? ''}|${query.industry ?? ''}|${query.scope ?? ''}`;
    return this.context.cached(key, (state) => this.compute(query, state, scope));
  }

  private async compute(query: ParkCompareQuery, { ref, subjects }: DashboardState, scope: EnterpriseScope): Promise<ParkCompareDto> {
    const selected = query.codes.map((code) => {
      const region = regionOrThrow(ref, code);
      if (region.type !== 'park') throw RegionsException.notAPark(code);
      return region;
    });
    const subject = resolveSubject(ref, { industry: query.industry, scope: query.scope });
    const city = cityOf(ref);
    const parks = ref.parksIn(city);
    const districts = ref.districtsOf(city.id);
    const seriesOfRegion = (regionId: number) => subject.industries.map((n) => seriesFor(subjects, subject, n, regionId));
    const citySeries = seriesOfRegion(city.id);
    const parkSeries = new Map(parks.map((p) => [p.id, seriesOfRegion(p.id)]));
    const districtSeries = new Map(districts.map((d) => [d.id, seriesOfRegion(d.id)]));
    const all = [citySeries, ...parkSeries.values(), ...districtSeries.values()].flat().filter((s) => s !== null).map((s) => s.id);

    const cityIds = citySeries.filter((s) => s !== null).map((s) => s.id);
    const period = query.period ? parseYm(query.period) : ((await this.queries.latestPeriod(cityIds.length ? cityIds : all)) ?? lastCompleteMonth(new Date()));
    const lastYear = sameMonthLastYear(period);
    const [points, sums] = await Promise.all([
      pointsAt(this.queries, all, period),
      this.queries.enterpriseSums({
        scope,
        industryNodeIds: subject.industries.map((n) => n.id),
        regionIds: selected.map((p) => p.id),
        indicatorIds: subject.indicatorOverride ? [subject.indicatorOverride.id] : undefined,
        years: [period.year],
        month: period.month,
      }),
    ]);

    const keyEnterprises = new Map<number, { count: number; ytd: string | null }>();
    for (const park of selected) {
      const rows = sums.filter((r) => r.regionId === park.id);
      const values = rows.map((r) => r.valueYtd).filter((v): v is string => v !== null);
      keyEnterprises.set(park.id, { count: rows.reduce((n, r) => n + r.enterprises, 0), ytd: values.length ? decimalSum(values) : null });
    }
    const parkInputs: ParkFiguresInput[] = parks.map((park) => {
      const series = parkSeries.get(park.id)!;
      return {
        park,
        figures: sumOfSeries(series, points),
        perIndustry: subject.industries.map((industry, i) => ({ industry, figures: sumOfSeries([series[i]], points) })),
      };
    });
    const assembled = assembleParkComparison({
      ref,
      city: sumOfSeries(citySeries, points),
      cityPerIndustry: new Map(subject.industries.map((n, i) => [n.id, sumOfSeries([citySeries[i]], points)])),
      districts: new Map(districts.map((d) => [d.id, sumOfSeries(districtSeries.get(d.id)!, points)])),
      parks: parkInputs,
      selected,
      keyEnterprises,
    });

    const batches = await this.queries.batches(batchIdsOf(points));
    const notes = [];
    if (subject.scope) notes.push(scopeNote(subject.scope));
    if (selected.some((p) => p.landAreaMu === null)) notes.push({ code: 'land_area_unknown', message: '未登记占地面积的园区不计算亩均产值' });
    if (selected.some((p) => !p.districtVerified)) notes.push({ code: 'district_unverified', message: '部分园区所属区未经文件确认（跨区园区按其主要所在区计）' });
    notes.push(...commonNotes([assembled.city.ytd.yoyBasis, ...assembled.items.map((i) => i.ytd.yoyBasis)], batches));
    const merged = [...points.values()].some((p) => p.current?.mergedJanFeb === true);
    return {
      period: ymText(period),
      ytdLabel: ytdLabel(period),
      monthLabel: monthLabel(period, merged),
      lastYearPeriod: ymText(lastYear),
      mergedJanFeb: merged,
      scope: subject.scope ?? { code: subject.industries[0].code, name: subject.industries[0].name, nameEn: subject.industries[0].nameEn, industries: subject.industries.map((n) => ref.industryRef(n)) },
      industry: subject.scope ? null : ref.industryRef(subject.industries[0]),
      city: assembled.city,
      parks: assembled.items,
      rankedParks: assembled.rankedParks,
      notes,
      sources: batches,
    };
  }
}
