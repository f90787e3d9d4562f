import { describe, expect, it } from 'vitest';
import { industryClosure, regionClosure, sameClosure } from './closure';

describe('industryClosure', () => {
  it('pairs every node with itself and each ancestor, with its depth', () => {
    const rows = industryClosure([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: null },
    ]);
    expect(rows).toEqual([
      { descendantId: 1, ancestorId: 1, depth: 0 },
      { descendantId: 2, ancestorId: 2, depth: 0 },
      { descendantId: 2, ancestorId: 1, depth: 1 },
      { descendantId: 3, ancestorId: 3, depth: 0 },
      { descendantId: 3, ancestorId: 2, depth: 1 },
      { descendantId: 3, ancestorId: 1, depth: 2 },
      { descendantId: 4, ancestorId: 4, depth: 0 },
    ]);
  });

  it('ignores a parent that does not exist and survives a cycle in bad data', () => {
    expect(industryClosure([{ id: 1, parentId: 99 }])).toEqual([{ descendantId: 1, ancestorId: 1, depth: 0 }]);
    const cyclic = industryClosure([
      { id: 1, parentId: 2 },
      { id: 2, parentId: 1 },
    ]);
    expect(cyclic).toHaveLength(4);
  });
});

describe('regionClosure', () => {
  // city 1 → district 2 → park 4 (zone 3); zone 3 is a child of the city.
  const regions = [
    { id: 1, parentId: null, zoneId: null },
    { id: 2, parentId: 1, zoneId: null },
    { id: 3, parentId: 1, zoneId: null },
    { id: 4, parentId: 2, zoneId: 3 },
  ];

  it('reaches a park’s district, its zone and the city once each', () => {
    const park = regionClosure(regions).filter((r) => r.descendantId === 4);
    expect(park.map((r) => [r.ancestorId, r.depth])).toEqual([
      [4, 0],
      [2, 1],
      [3, 1],
      [1, 2],
    ]);
  });

  it('compares closures regardless of order', () => {
    const a = regionClosure(regions);
    expect(sameClosure(a, [...a].reverse())).toBe(true);
    expect(sameClosure(a, a.slice(1))).toBe(false);
    expect(sameClosure(a, [...a.slice(1), { descendantId: 9, ancestorId: 9, depth: 0 }])).toBe(false);
  });
});
