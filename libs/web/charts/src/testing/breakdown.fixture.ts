import type { BreakdownItemDto, MeasureDto } from '@im/contracts';

export function measure(overrides: Partial<MeasureDto> = {}): MeasureDto {
  return { value: null, lastYear: null, yoyPct: null, yoyBasis: null, sharePct: null, contributionPp: null, contributionRatePct: null, derived: false, ...overrides };
}

/** A breakdown item for specs: YTD figures in 万元. */
export function breakdownItem(code: string, name: string, ytd: Partial<MeasureDto> = {}, overrides: Partial<BreakdownItemDto> = {}): BreakdownItemDto {
  return {
    code,
    name,
    nameEn: null,
    kind: 'industry',
    indicatorCode: 'output',
    month: measure(),
    ytd: measure(ytd),
    rank: null,
    rankByGrowth: null,
    hasData: ytd.value != null,
    region: null,
    industry: null,
    enterprise: null,
    source: null,
    ...overrides,
  };
}
