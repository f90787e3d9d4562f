import { describe, expect, it } from 'vitest';
import { expectedSeries, type ExpectationRef } from './expected-series';

const node = (id: number, code: string, parentId: number | null, indicatorId: number | null = 1, frameworkId = 1) => [id, { id, code, name: code, parentId, frameworkId, indicatorId }] as const;
const ref: ExpectationRef = {
  industries: new Map([node(1, 'sei.ngit', null), node(2, 'sei.ngit.ic', 1), node(3, 'sei.ngit.ai', 1, 2), node(4, 'sei.x', null), node(5, 'sei.x.aerospace', 4), node(9, 'gb.c', null, 1, 2)]),
  regions: new Map([
    [100, { id: 100, code: 'xm', name: '厦门', type: 'city', parentId: null, zoneId: null }],
    [101, { id: 101, code: 'xm.huli', name: '湖里', type: 'district', parentId: 100, zoneId: null }],
    [110, { id: 110, code: 'xm.park.a', name: '园区A', type: 'park', parentId: 101, zoneId: null }],
    [111, { id: 111, code: 'xm.park.b', name: '园区B', type: 'park', parentId: 101, zoneId: null }],
  ]),
  indicators: new Map([
    [1, { id: 1, code: 'output', name: '产值' }],
    [2, { id: 2, code: 'revenue', name: '营收' }],
  ]),
  parkIndustries: [
    { parkId: 110, industryNodeId: 2 },
    { parkId: 110, industryNodeId: 3 },
    { parkId: 111, industryNodeId: 5 },
    { parkId: 111, industryNodeId: 9 },
  ],
  frameworkId: 1,
  fiveIndustryCodes: ['sei.ngit'],
};

describe('expectedSeries', () => {
  it('expects every 5+X node at city level in its own indicator', () => {
    expect(expectedSeries(ref, ['industry:5x']).map((e) => e.key)).toEqual([
      'series:output:sei.ngit:xm',
      'series:output:sei.ngit.ic:xm',
      'series:revenue:sei.ngit.ai:xm',
      'series:output:sei.x:xm',
      'series:output:sei.x.aerospace:xm',
    ]);
  });

  it('expects a park to report each of the five industries it carries once, and an X track as itself', () => {
    const parks = expectedSeries(ref, ['park:parks']);
    expect(parks.map((e) => e.key)).toEqual(['series:output:sei.ngit:xm.park.a', 'series:output:sei.x.aerospace:xm.park.b']);
    expect(parks.every((e) => e.districtId === 101 && e.dataset === 'park')).toBe(true);
  });

  it('expects nothing without the framework', () => {
    expect(expectedSeries({ ...ref, frameworkId: null }, ['industry:5x', 'park:parks'])).toEqual([]);
  });
});
