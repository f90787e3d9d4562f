import type { AnnualTargetDto, PlanDetailDto, PlanDto, SeriesRefDto, TargetDto } from '@im/contracts';
import type { Indicator } from '../catalog/entities/indicator.entity';
import type { IndustryNode } from '../catalog/entities/industry-node.entity';
import type { Region } from '../catalog/entities/region.entity';
import type { AnnualTarget } from './entities/annual-target.entity';
import type { Plan } from './entities/plan.entity';
import type { Target } from './entities/target.entity';
import { targetFields, type TargetFields } from './targets-csv/target-fields';
import type { ReferenceIndex } from './targets-csv/validate-target';

/** The catalog by id (CatalogService.lookup()). */
export interface CatalogLookup {
  industries: ReadonlyMap<number, IndustryNode>;
  regions: ReadonlyMap<number, Region>;
  indicators: ReadonlyMap<number, Indicator>;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export function toPlanDto(p: Plan): PlanDto {
  return { code: p.code, name: p.name, nameEn: p.nameEn, startYear: p.startYear, endYear: p.endYear, ownerUnit: p.ownerUnit, source: p.source };
}

export function toPlanDetailDto(p: Plan, targets: TargetDto[]): PlanDetailDto {
  return { ...toPlanDto(p), targets };
}

/** The catalog by code, for validating codes typed by users. */
export function toReferenceIndex(lookup: CatalogLookup): ReferenceIndex {
  return {
    industries: new Map([...lookup.industries.values()].map((n) => [n.code, { id: n.id, code: n.code, name: n.name }])),
    regions: new Map([...lookup.regions.values()].map((r) => [r.code, { id: r.id, code: r.code, name: r.name, type: r.type }])),
    indicators: new Map([...lookup.indicators.values()].map((i) => [i.code, { id: i.id, code: i.code, name: i.name, unit: i.unit, kind: i.kind }])),
  };
}

/** A series a target names, as stored (a null region means the city). */
export function toSeriesRefDto(indicatorId: number, industryNodeId: number | null, regionId: number | null, lookup: CatalogLookup): SeriesRefDto {
  const indicator = lookup.indicators.get(indicatorId);
  const industry = industryNodeId === null ? undefined : lookup.industries.get(industryNodeId);
  const region = regionId === null ? undefined : lookup.regions.get(regionId);
  return {
    indicatorCode: indicator?.code ?? `#${indicatorId}`,
    indicatorName: indicator?.name ?? `#${indicatorId}`,
    industryCode: industry?.code ?? null,
    industryName: industry?.name ?? null,
    regionCode: region?.code ?? null,
    regionName: region?.name ?? null,
  };
}

export function toAnnualTargetDto(a: AnnualTarget): AnnualTargetDto {
  return { year: a.year, value: Number(a.value), note: a.note };
}

export function toTargetDto(t: Target, planCode: string, lookup: CatalogLookup, annualTargets: readonly AnnualTarget[]): TargetDto {
  return {
    planCode,
    code: t.code,
    name: t.name,
    subjectType: t.subjectType,
    numerator: toSeriesRefDto(t.indicatorId, t.industryNodeId, t.regionId, lookup),
    denominator: t.denominatorIndicatorId === null ? null : toSeriesRefDto(t.denominatorIndicatorId, t.denominatorIndustryNodeId, t.denominatorRegionId, lookup),
    kind: t.kind,
    comparator: t.comparator,
    targetValue: Number(t.targetValue),
    targetYear: t.targetYear,
    baselineValue: num(t.baselineValue),
    baselineYear: t.baselineYear,
    baselineScopeLabel: t.baselineScopeLabel,
    unit: t.unit,
    sourceDocument: t.sourceDocument,
    sourceArticle: t.sourceArticle,
    note: t.note,
    annualTargets: [...annualTargets].sort((a, b) => a.year - b.year).map(toAnnualTargetDto),
  };
}

/** A stored target in the text form of the CSV file (export, import diffs, PATCH merges). */
export function toTargetFields(t: Target, planCode: string, lookup: CatalogLookup): TargetFields {
  const code = <E extends { code: string }>(map: ReadonlyMap<number, E>, id: number | null): string | null => (id === null ? null : (map.get(id)?.code ?? `#${id}`));
  return targetFields({
    planCode,
    code: t.code,
    name: t.name,
    subjectType: t.subjectType,
    industryCode: code(lookup.industries, t.industryNodeId),
    regionCode: code(lookup.regions, t.regionId),
    indicatorCode: code(lookup.indicators, t.indicatorId),
    denominatorIndustryCode: code(lookup.industries, t.denominatorIndustryNodeId),
    denominatorRegionCode: code(lookup.regions, t.denominatorRegionId),
    denominatorIndicatorCode: code(lookup.indicators, t.denominatorIndicatorId),
    kind: t.kind,
    comparator: t.comparator,
    targetValue: t.targetValue,
    targetYear: String(t.targetYear),
    baselineValue: t.baselineValue,
    baselineYear: t.baselineYear === null ? null : String(t.baselineYear),
    baselineScopeLabel: t.baselineScopeLabel,
    unit: t.unit,
    sourceDocument: t.sourceDocument,
    sourceArticle: t.sourceArticle,
    note: t.note,
  });
}
