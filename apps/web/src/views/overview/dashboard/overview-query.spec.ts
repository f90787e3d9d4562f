import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, parseOverviewQuery, toOverviewQuery } from './overview-query';

describe('parseOverviewQuery', () => {
  it('defaults to the 14th five-year plan, the latest month, no selection', () => {
    expect(parseOverviewQuery({})).toEqual({ plan: DEFAULT_PLAN, asOf: null, target: null, status: null });
  });
  it('reads a deep link and ignores malformed values', () => {
    expect(parseOverviewQuery({ plan: 'p', asOf: '2025-06', target: 't', status: 'behind' })).toEqual({ plan: 'p', asOf: '2025-06', target: 't', status: 'behind' });
    expect(parseOverviewQuery({ asOf: '2025-13', status: 'late' })).toMatchObject({ asOf: null, status: null });
  });
});

describe('toOverviewQuery', () => {
  it('round-trips and leaves defaults out of the link', () => {
    const state = { plan: 'other', asOf: '2024-12', target: 'x', status: 'ahead' as const };
    expect(parseOverviewQuery(toOverviewQuery(state) as Record<string, string>)).toEqual(state);
    expect(toOverviewQuery({ plan: DEFAULT_PLAN, asOf: null, target: null, status: null })).toEqual({});
  });
});
