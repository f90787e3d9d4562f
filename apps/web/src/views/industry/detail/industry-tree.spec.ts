import { describe, expect, it } from 'vitest';
import type { IndustryNodeDto } from '@im/contracts';
import { ancestorCodes, findNode, firstMeasuredNode, matchesFilter, nodeName } from './industry-tree';

function node(code: string, name: string, children: IndustryNodeDto[] = [], nameEn: string | null = null, indicatorCode: string | null = 'output'): IndustryNodeDto {
  return { code, name, nameEn, indicatorCode, leadUnit: null, responsibleUnits: null, source: null, children };
}

const roots = [
  node('sei.ngit', '新一代信息技术', [node('sei.ngit.ic', '集成电路', [], 'Integrated circuits'), node('sei.ngit.ai', '人工智能')], 'Next-generation IT'),
  node('sei.bio', '生物医药与健康'),
];

describe('findNode', () => {
  it('finds roots and nested nodes by code', () => {
    expect(findNode(roots, 'sei.bio')?.name).toBe('生物医药与健康');
    expect(findNode(roots, 'sei.ngit.ic')?.name).toBe('集成电路');
    expect(findNode(roots, 'nope')).toBeUndefined();
  });
});

describe('ancestorCodes', () => {
  it('lists the ancestors of a nested node, root first', () => {
    expect(ancestorCodes(roots, 'sei.ngit.ic')).toEqual(['sei.ngit']);
    expect(ancestorCodes(roots, 'sei.ngit')).toEqual([]);
    expect(ancestorCodes(roots, 'nope')).toEqual([]);
  });
});

describe('nodeName', () => {
  it('uses the English name in English when there is one', () => {
    expect(nodeName(roots[0], 'en')).toBe('Next-generation IT');
    expect(nodeName(roots[1], 'en')).toBe('生物医药与健康');
    expect(nodeName(roots[0], 'zh-CN')).toBe('新一代信息技术');
  });
});

describe('matchesFilter', () => {
  it('matches Chinese name, English name and code, ignoring case', () => {
    const ic = roots[0].children[0];
    expect(matchesFilter(ic, '集成')).toBe(true);
    expect(matchesFilter(ic, 'INTEGRATED')).toBe(true);
    expect(matchesFilter(ic, 'ngit.ic')).toBe(true);
    expect(matchesFilter(ic, '生物')).toBe(false);
    expect(matchesFilter(ic, '  ')).toBe(true);
  });
});

describe('firstMeasuredNode', () => {
  it('skips group nodes without an indicator, depth first', () => {
    const groups = [
      node('xm446.pillar', '四大支柱产业集群', [node('xm446.pillar.electronics', '电子信息产业集群')], null, null),
      node('xm446.emerging', '四个战略性新兴产业', [], null, 'output'),
    ];
    expect(firstMeasuredNode(groups)?.code).toBe('xm446.pillar.electronics');
    expect(firstMeasuredNode(roots)?.code).toBe('sei.ngit');
  });

  it('falls back to the first root when nothing is measured, and to nothing for an empty tree', () => {
    expect(firstMeasuredNode([node('g', '分组', [], null, null)])?.code).toBe('g');
    expect(firstMeasuredNode([])).toBeUndefined();
  });
});
