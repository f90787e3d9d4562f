import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SECONDS, parseWallQuery } from './wall-query';

describe('parseWallQuery', () => {
  it('starts on the targets every 20 seconds for the 14th five-year plan', () => {
    expect(parseWallQuery({})).toEqual({ view: 'targets', intervalSeconds: DEFAULT_INTERVAL_SECONDS, plan: 'xm-sei-14' });
  });
  it('reads a view, an interval (at least 5 s) and a plan', () => {
    expect(parseWallQuery({ view: 'parks', interval: '45', plan: 'p' })).toEqual({ view: 'parks', intervalSeconds: 45, plan: 'p' });
    expect(parseWallQuery({ view: 'nope', interval: '1' })).toMatchObject({ view: 'targets', intervalSeconds: DEFAULT_INTERVAL_SECONDS });
  });
});
