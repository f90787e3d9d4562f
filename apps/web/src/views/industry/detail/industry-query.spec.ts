import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK, parseIndustryQuery, toIndustryQuery } from './industry-query';

describe('parseIndustryQuery', () => {
  it('defaults to the 5+X framework, no industry and the last 24 months', () => {
    expect(parseIndustryQuery({})).toEqual({ framework: DEFAULT_FRAMEWORK, industry: null, months: 24, period: null });
  });

  it('reads framework, industry and range from a deep link', () => {
    expect(parseIndustryQuery({ framework: 'xm-446', industry: 'sei.ngit.ic', months: 'all' })).toEqual({
      framework: 'xm-446',
      industry: 'sei.ngit.ic',
      months: null,
      period: null,
    });
    expect(parseIndustryQuery({ months: '36' }).months).toBe(36);
    expect(parseIndustryQuery({ period: '2025-10' }).period).toBe('2025-10');
    expect(parseIndustryQuery({ period: '2025-1' }).period).toBeNull();
  });

  it('takes the first of repeated parameters and ignores blanks', () => {
    expect(parseIndustryQuery({ industry: ['a', 'b'], framework: '  ' })).toMatchObject({ industry: 'a', framework: DEFAULT_FRAMEWORK });
  });

  it('falls back to 24 months for a range that is not offered', () => {
    expect(parseIndustryQuery({ months: '7' }).months).toBe(24);
    expect(parseIndustryQuery({ months: 'abc' }).months).toBe(24);
  });
});

describe('toIndustryQuery', () => {
  it('writes the state back, leaving out the default range', () => {
    expect(toIndustryQuery({ framework: 'xm-sei-5x', industry: 'sei.ngit', months: 24, period: null })).toEqual({ framework: 'xm-sei-5x', industry: 'sei.ngit' });
    expect(toIndustryQuery({ framework: 'gbt4754', industry: null, months: null, period: '2024-12' })).toEqual({ framework: 'gbt4754', months: 'all', period: '2024-12' });
  });

  it('round-trips through parse', () => {
    const state = { framework: 'fj-coord', industry: 'fj.x', months: 12, period: '2025-03' };
    expect(parseIndustryQuery(toIndustryQuery(state) as Record<string, string>)).toEqual(state);
  });
});
