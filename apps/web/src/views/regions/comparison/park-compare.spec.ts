import { describe, expect, it } from 'vitest';
import type { ParkCompareDto, ParkCompareItemDto } from '@im/contracts';
import { radarScores } from './park-compare';

describe('radarScores', () => {
  const dto = { rankedParks: 11, scope: { code: 'sei5', name: '', nameEn: null, industries: new Array(5).fill({}) } } as unknown as Pick<ParkCompareDto, 'rankedParks' | 'scope'>;
  const park = {
    rankByValue: 1,
    rankByGrowth: 6,
    ytd: { shareOfDistrictPct: 52.2 },
    keyEnterprises: { shareOfParkPct: 147 },
    industries: [{}, {}],
  } as unknown as ParkCompareItemDto;
  it('scores ranks among all parks, shares as percentages (capped) and coverage of the compared industries', () => {
    expect(radarScores(park, dto)).toEqual({ value: 100, growth: 50, shareOfDistrict: 52.2, keyShare: 100, coverage: 40 });
  });
  it('leaves missing figures missing', () => {
    const empty = { ...park, rankByValue: null, rankByGrowth: null, ytd: { shareOfDistrictPct: null }, keyEnterprises: { shareOfParkPct: null } } as unknown as ParkCompareItemDto;
    expect(radarScores(empty, dto)).toMatchObject({ value: null, growth: null, shareOfDistrict: null, keyShare: null });
  });
});
