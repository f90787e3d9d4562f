import { describe, expect, it } from 'vitest';
import type { IndustryNode } from './entities/industry-node.entity';
import type { Region } from './entities/region.entity';
import { toIndustryTree, toRegionTree } from './catalog.mapper';

const node = (id: number, code: string, parentId: number | null, sortOrder: number): IndustryNode =>
  ({ id, code, name: code, nameEn: null, parentId, indicatorId: 1, leadUnit: null, responsibleUnits: null, sortOrder, source: null, note: null, frameworkId: 1 }) as IndustryNode;

describe(toIndustryTree.name, () => {
  it('nests children under parents listed after them, in sort order', () => {
    const tree = toIndustryTree([node(3, 'a.2', 1, 2), node(2, 'a.1', 1, 1), node(1, 'a', null, 0), node(4, 'b', null, 1)], new Map([[1, 'output']]));
    expect(tree.map((n) => n.code)).toEqual(['a', 'b']);
    expect(tree[0].children.map((n) => n.code)).toEqual(['a.1', 'a.2']);
    expect(tree[0].indicatorCode).toBe('output');
  });
});

describe(toRegionTree.name, () => {
  it('orders districts before zones, resolves zone codes and attaches park industries', () => {
    const r = (id: number, code: string, type: Region['type'], parentId: number | null, zoneId: number | null = null) =>
      ({ id, code, type, parentId, zoneId, name: code, nameEn: null, landAreaMu: type === 'park' ? '1200.5' : null, districtVerified: true, note: null, source: null }) as Region;
    const tree = toRegionTree([r(1, 'xm', 'city', null), r(4, 'torch', 'zone', 1), r(2, 'huli', 'district', 1), r(3, 'park', 'park', 2, 4)], new Map([[3, ['sei.ngit']]]));
    expect(tree[0].children.map((c) => c.code)).toEqual(['huli', 'torch']);
    expect(tree[0].children[0].children[0]).toMatchObject({ code: 'park', zoneCode: 'torch', landAreaMu: 1200.5, industryCodes: ['sei.ngit'] });
  });
});
