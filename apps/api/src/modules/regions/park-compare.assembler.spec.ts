import { describe, expect, it } from 'vitest';
import { parkMeasure, perMu } from './park-compare.assembler';

const fig = (value: string | null, lastYear: string | null) => ({ value, lastYear, storedYoy: null, storedYoyComputed: false, derived: false });

describe(parkMeasure.name, () => {
  it('relates a park to the city and its district exactly', () => {
    const m = parkMeasure(fig('800', '700'), fig('6000', '5000'), fig('1800', '1500'));
    expect(m.value).toBe(800);
    expect(m.yoyPct).toBeCloseTo(14.285714285714286, 12);
    expect(m.shareOfCityPct).toBeCloseTo(13.333333333333334, 12);
    expect(m.shareOfDistrictPct).toBeCloseTo(44.44444444444444, 12);
    expect(m.contributionToCityPp).toBe(2);
  });
  it('gives nothing for a park without figures', () => {
    expect(parkMeasure(null, fig('1', '1'), null)).toMatchObject({ value: null, shareOfCityPct: null });
  });
});

describe(perMu.name, () => {
  it('divides by the land area when it is known and positive', () => {
    expect(perMu('800', '400')).toBe(2);
    expect(perMu('800', null)).toBeNull();
    expect(perMu('800', '0')).toBeNull();
    expect(perMu(null, '400')).toBeNull();
  });
});
