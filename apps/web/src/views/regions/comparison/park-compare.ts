/** Normalised indicators of compared parks for the radar (pure, unit-tested). */
import type { ParkCompareDto, ParkCompareItemDto } from '@im/contracts';
import { rankScore } from '@im/charts';

export type RadarKey = 'value' | 'growth' | 'shareOfDistrict' | 'keyShare' | 'coverage';
export const RADAR_KEYS: readonly RadarKey[] = ['value', 'growth', 'shareOfDistrict', 'keyShare', 'coverage'];

const clamp = (v: number | null) => (v == null ? null : Math.max(0, Math.min(100, v)));

/**
 * Scores 0–100: size and growth as the park's position among all parks with data (first = 100); its
 * share of its district and its key enterprises' share of it as percentages; industry coverage as the
 * share of the compared industries it carries figures for.
 */
export function radarScores(park: ParkCompareItemDto, dto: Pick<ParkCompareDto, 'rankedParks' | 'scope'>): Record<RadarKey, number | null> {
  const scopeSize = dto.scope.industries.length;
  return {
    value: rankScore(park.rankByValue, dto.rankedParks),
    growth: rankScore(park.rankByGrowth, dto.rankedParks),
    shareOfDistrict: clamp(park.ytd.shareOfDistrictPct),
    keyShare: clamp(park.keyEnterprises.shareOfParkPct),
    coverage: scopeSize ? (park.industries.length / scopeSize) * 100 : null,
  };
}
