/** Resolving codes of a request against the reference snapshot (404 for an unknown code), and the subject of a comparison. */
import type { DashboardNoteDto, IndustryScopeDto } from '@im/contracts';
import { CatalogException } from '../../catalog/catalog.exception';
import { ObservationsException } from '../observations.exception';
import { DEFAULT_INDUSTRY_SCOPE, industryScope, type IndustryScopeDefinition } from './industry-scopes';
import type { IndicatorInfo, IndustryInfo, ReferenceSnapshot, RegionInfo, SubjectSeriesIndex, SubjectSeriesRow } from './reference-snapshot';

export function industryOrThrow(ref: ReferenceSnapshot, code: string): IndustryInfo {
  const node = ref.industryByCode.get(code);
  if (!node) throw CatalogException.industryNotFound(code);
  return node;
}

export function regionOrThrow(ref: ReferenceSnapshot, code: string): RegionInfo {
  const region = ref.regionByCode.get(code);
  if (!region) throw CatalogException.regionNotFound(code);
  return region;
}

export function indicatorOrThrow(ref: ReferenceSnapshot, code: string): IndicatorInfo {
  const indicator = ref.indicatorByCode.get(code);
  if (!indicator) throw CatalogException.indicatorNotFound(code);
  return indicator;
}

export function cityOf(ref: ReferenceSnapshot): RegionInfo {
  if (!ref.city) throw CatalogException.regionNotFound('city');
  return ref.city;
}

/**
 * What a region comparison measures: one industry (in its own indicator, or the override), or the sum
 * over an industry scope (each industry in its own indicator: 产业规模).
 */
export interface ComparisonSubject {
  industries: IndustryInfo[];
  indicatorOverride: IndicatorInfo | null;
  /** Set for a scope sum. */
  scope: IndustryScopeDto | null;
  /** The indicator of the figures when there is one (a scope sum mixes 产值 and 营收). */
  indicatorCode: string | null;
}

export function resolveSubject(ref: ReferenceSnapshot, query: { industry?: string; scope?: string; indicator?: string }): ComparisonSubject {
  const indicatorOverride = query.indicator ? indicatorOrThrow(ref, query.indicator) : null;
  if (query.industry) {
    const node = industryOrThrow(ref, query.industry);
    const indicatorId = indicatorOverride?.id ?? node.indicatorId;
    return { industries: [node], indicatorOverride, scope: null, indicatorCode: indicatorId !== null ? (ref.indicatorById.get(indicatorId)?.code ?? null) : null };
  }
  const definition = industryScope(query.scope ?? DEFAULT_INDUSTRY_SCOPE);
  if (!definition) throw ObservationsException.unknownScope(query.scope ?? '');
  const industries = definition.industryCodes.map((c) => ref.industryByCode.get(c)).filter((n): n is IndustryInfo => n !== undefined);
  return { industries, indicatorOverride, scope: scopeDto(definition, industries, ref), indicatorCode: indicatorOverride?.code ?? null };
}

/** The series of one industry of the subject in a region (finest granularity), or null. */
export function seriesFor(subjects: SubjectSeriesIndex, subject: Pick<ComparisonSubject, 'indicatorOverride'>, node: IndustryInfo, regionId: number): SubjectSeriesRow | null {
  const indicatorId = subject.indicatorOverride?.id ?? node.indicatorId;
  return indicatorId === null ? null : subjects.find(indicatorId, node.id, regionId);
}

export function scopeDto(definition: IndustryScopeDefinition, industries: IndustryInfo[], ref: ReferenceSnapshot): IndustryScopeDto {
  return { code: definition.code, name: definition.name, nameEn: definition.nameEn, industries: industries.map((n) => ref.industryRef(n)) };
}

export function scopeNote(scope: IndustryScopeDto): DashboardNoteDto {
  return {
    code: 'scope_sum',
    message: `数值为${scope.name}（${scope.industries.map((i) => i.name).join('、')}）之和，各按其统计指标（产值或营业收入）；未来赛道与之交叉，不计入`,
  };
}
