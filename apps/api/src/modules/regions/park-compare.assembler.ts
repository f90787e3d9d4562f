/**
 * Side-by-side figures of parks: value, YoY, share of the city and of the park's district, 拉动 of the
 * city's growth, 亩均 where the land area is known, rank among all parks, figures per industry, key
 * enterprises. Pure: the service gathers the figures.
 */
import { contributionPp, decimalSign, exactRatio, sharePct } from '@im/domain';
import type { ParkCompareItemDto, ParkIndustryFigureDto, ParkMeasureDto } from '@im/contracts';
import { resolveYoy, rankBy, toNumber, type Figure } from '../observations/queries/measures';
import type { IndustryInfo, ReferenceSnapshot, RegionInfo } from '../observations/queries/reference-snapshot';
import type { SubjectFigures } from '../observations/queries/subject-figures';

export interface ParkFiguresInput {
  park: RegionInfo;
  /** The park's figures over the compared industries; null when it has no series of them. */
  figures: SubjectFigures | null;
  perIndustry: { industry: IndustryInfo; figures: SubjectFigures | null }[];
}

export interface ParkCompareInput {
  ref: ReferenceSnapshot;
  city: SubjectFigures | null;
  cityPerIndustry: ReadonlyMap<number, SubjectFigures | null>;
  /** District id → the district's figures over the compared industries. */
  districts: ReadonlyMap<number, SubjectFigures | null>;
  /** Every park (the population of the ranks). */
  parks: readonly ParkFiguresInput[];
  /** Codes asked for, in order. */
  selected: readonly RegionInfo[];
  /** Park id → key enterprises reporting this period and their YTD sum. */
  keyEnterprises: ReadonlyMap<number, { count: number; ytd: string | null }>;
}

export function parkMeasure(f: Figure | null, city: Figure | null, district: Figure | null): ParkMeasureDto {
  if (!f) {
    return { value: null, lastYear: null, yoyPct: null, yoyBasis: null, shareOfCityPct: null, shareOfDistrictPct: null, contributionToCityPp: null, derived: false };
  }
  const yoy = resolveYoy(f);
  return {
    value: toNumber(f.value),
    lastYear: toNumber(f.lastYear),
    yoyPct: yoy.pct,
    yoyBasis: yoy.basis,
    shareOfCityPct: city ? sharePct(f.value, city.value) : null,
    shareOfDistrictPct: district ? sharePct(f.value, district.value) : null,
    contributionToCityPp: city ? contributionPp({ current: f.value, lastYear: f.lastYear }, city.lastYear) : null,
    derived: f.derived,
  };
}

/** 亩均: value ÷ land area (亩), exactly; null when the area is unknown or not positive. */
export function perMu(value: string | null, landAreaMu: string | null): number | null {
  if (value === null || landAreaMu === null || decimalSign(landAreaMu) <= 0) return null;
  return exactRatio(value, landAreaMu);
}

export function assembleParkComparison(input: ParkCompareInput): { items: ParkCompareItemDto[]; rankedParks: number; city: { month: ParkMeasureDto; ytd: ParkMeasureDto } } {
  const { ref } = input;
  const ranked = input.parks.filter((p) => p.figures?.ytd.value != null);
  const valueRanks = rankBy(ranked, (p) => toNumber(p.figures!.ytd.value));
  const growthRanks = rankBy(ranked, (p) => resolveYoy(p.figures!.ytd).pct);
  const rankOf = new Map(ranked.map((p, i) => [p.park.id, { value: valueRanks[i], growth: growthRanks[i] }]));
  const byPark = new Map(input.parks.map((p) => [p.park.id, p]));

  const items = input.selected.map((park): ParkCompareItemDto => {
    const entry = byPark.get(park.id);
    const figures = entry?.figures ?? null;
    const district = ref.districtOf(park);
    const districtFigures = district ? (input.districts.get(district.id) ?? null) : null;
    const zone = park.zoneId !== null ? ref.regionById.get(park.zoneId) : undefined;
    const industries: ParkIndustryFigureDto[] = (entry?.perIndustry ?? [])
      .filter((pi) => pi.figures !== null)
      .map((pi) => {
        const yoy = resolveYoy(pi.figures!.ytd);
        const cityIndustry = input.cityPerIndustry.get(pi.industry.id) ?? null;
        return {
          industry: ref.industryRef(pi.industry),
          ytd: toNumber(pi.figures!.ytd.value),
          yoyPct: yoy.pct,
          yoyBasis: yoy.basis,
          shareOfCityPct: cityIndustry ? sharePct(pi.figures!.ytd.value, cityIndustry.ytd.value) : null,
        };
      });
    const carried = (ref.parkIndustries.get(park.id) ?? [])
      .map((id) => ref.industryById.get(id))
      .filter((n): n is IndustryInfo => n !== undefined)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((n) => ref.industryRef(n));
    const key = input.keyEnterprises.get(park.id) ?? { count: 0, ytd: null };
    const ranks = rankOf.get(park.id);
    return {
      code: park.code,
      name: park.name,
      nameEn: park.nameEn,
      district: district ? ref.regionRef(district) : null,
      districtVerified: park.districtVerified,
      zone: zone ? ref.regionRef(zone) : null,
      landAreaMu: toNumber(park.landAreaMu),
      hasData: figures !== null,
      month: parkMeasure(figures?.month ?? null, input.city?.month ?? null, districtFigures?.month ?? null),
      ytd: parkMeasure(figures?.ytd ?? null, input.city?.ytd ?? null, districtFigures?.ytd ?? null),
      ytdPerMu: perMu(figures?.ytd.value ?? null, park.landAreaMu),
      rankByValue: ranks?.value ?? null,
      rankByGrowth: ranks?.growth ?? null,
      industries,
      carried,
      keyEnterprises: { count: key.count, ytd: toNumber(key.ytd), shareOfParkPct: sharePct(key.ytd, figures?.ytd.value ?? null) },
    };
  });

  return {
    items,
    rankedParks: ranked.length,
    city: { month: parkMeasure(input.city?.month ?? null, input.city?.month ?? null, null), ytd: parkMeasure(input.city?.ytd ?? null, input.city?.ytd ?? null, null) },
  };
}
