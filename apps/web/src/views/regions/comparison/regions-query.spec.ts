import { describe, expect, it } from 'vitest';
import { MAX_COMPARED, parseRegionsQuery, toRegionsQuery } from './regions-query';

describe('parseRegionsQuery', () => {
  it('defaults to the whole city, the five industries, the latest month, ranking by size', () => {
    expect(parseRegionsQuery({})).toEqual({ district: null, industry: null, period: null, parks: [], rank: 'value' });
  });
  it('reads the compared parks, without duplicates or malformed codes, at most six', () => {
    const parks = parseRegionsQuery({ parks: 'a,b,a, c ,<x>,d,e,f,g' }).parks;
    expect(parks).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(parks).toHaveLength(MAX_COMPARED);
  });
  it('ignores a malformed month and an unknown ranking', () => {
    expect(parseRegionsQuery({ period: '2025-1', rank: 'size' })).toMatchObject({ period: null, rank: 'value' });
  });
});

describe('toRegionsQuery', () => {
  it('round-trips and keeps defaults out of the link', () => {
    const state = { district: 'xm.haicang', industry: 'sei.bio', period: '2025-10', parks: ['a', 'b'], rank: 'growth' as const };
    expect(parseRegionsQuery(toRegionsQuery(state) as Record<string, string>)).toEqual(state);
    expect(toRegionsQuery({ district: null, industry: null, period: null, parks: [], rank: 'value' })).toEqual({});
  });
});
