import { describe, expect, it } from 'vitest';
import type { Indicator } from '../catalog/entities/indicator.entity';
import type { IndustryNode } from '../catalog/entities/industry-node.entity';
import type { Region } from '../catalog/entities/region.entity';
import type { AnnualTarget } from './entities/annual-target.entity';
import type { Target } from './entities/target.entity';
import { toReferenceIndex, toTargetDto, toTargetFields, type CatalogLookup } from './plans.mapper';

const lookup: CatalogLookup = {
  industries: new Map([[7, { id: 7, code: 'gb.agg.sei', name: '战略性新兴产业' } as IndustryNode]]),
  regions: new Map([[1, { id: 1, code: 'xm', name: '厦门市', type: 'city' } as Region]]),
  indicators: new Map([
    [3, { id: 3, code: 'value_added', name: '增加值', unit: '万元', kind: 'flow' } as Indicator],
    [4, { id: 4, code: 'gdp', name: '地区生产总值', unit: '万元', kind: 'flow' } as Indicator],
  ]),
};

const share: Target = {
  id: 42,
  planId: 9,
  code: 'xm-sei-14.sei-va-share-gdp',
  name: '战略性新兴产业增加值占地区生产总值比重',
  subjectType: 'industry',
  industryNodeId: 7,
  regionId: 1,
  indicatorId: 3,
  denominatorIndustryNodeId: null,
  denominatorRegionId: 1,
  denominatorIndicatorId: 4,
  kind: 'share',
  comparator: 'gte',
  targetValue: '25',
  targetYear: 2025,
  baselineValue: '20.5',
  baselineYear: 2020,
  baselineScopeLabel: null,
  unit: '%',
  sourceDocument: '004',
  sourceArticle: '第三章 第三节 发展目标',
  note: null,
};

describe(toTargetDto.name, () => {
  it('names numerator and denominator series by codes and names, gives numbers as numbers, annual targets by year, no ids', () => {
    const annual = [
      { id: 2, targetId: 42, year: 2024, value: '24.2', note: null },
      { id: 1, targetId: 42, year: 2022, value: '22', note: '年度计划' },
    ] as AnnualTarget[];
    const dto = toTargetDto(share, 'xm-sei-14', lookup, annual);
    expect(dto).toEqual({
      planCode: 'xm-sei-14',
      code: 'xm-sei-14.sei-va-share-gdp',
      name: '战略性新兴产业增加值占地区生产总值比重',
      subjectType: 'industry',
      numerator: { indicatorCode: 'value_added', indicatorName: '增加值', industryCode: 'gb.agg.sei', industryName: '战略性新兴产业', regionCode: 'xm', regionName: '厦门市' },
      denominator: { indicatorCode: 'gdp', indicatorName: '地区生产总值', industryCode: null, industryName: null, regionCode: 'xm', regionName: '厦门市' },
      kind: 'share',
      comparator: 'gte',
      targetValue: 25,
      targetYear: 2025,
      baselineValue: 20.5,
      baselineYear: 2020,
      baselineScopeLabel: null,
      unit: '%',
      sourceDocument: '004',
      sourceArticle: '第三章 第三节 发展目标',
      note: null,
      annualTargets: [
        { year: 2022, value: 22, note: '年度计划' },
        { year: 2024, value: 24.2, note: null },
      ],
    });
  });

  it('has no denominator for a level target and keeps a missing region as null', () => {
    const dto = toTargetDto({ ...share, kind: 'level', regionId: null, denominatorRegionId: null, denominatorIndicatorId: null, baselineValue: null }, 'p', lookup, []);
    expect(dto.denominator).toBeNull();
    expect(dto.numerator.regionCode).toBeNull();
    expect(dto.baselineValue).toBeNull();
  });
});

describe(toTargetFields.name, () => {
  it('gives the CSV text form: codes instead of ids, decimals and years as text, empty as null', () => {
    expect(toTargetFields(share, 'xm-sei-14', lookup)).toEqual({
      planCode: 'xm-sei-14',
      code: 'xm-sei-14.sei-va-share-gdp',
      name: '战略性新兴产业增加值占地区生产总值比重',
      subjectType: 'industry',
      industryCode: 'gb.agg.sei',
      regionCode: 'xm',
      indicatorCode: 'value_added',
      denominatorIndustryCode: null,
      denominatorRegionCode: 'xm',
      denominatorIndicatorCode: 'gdp',
      kind: 'share',
      comparator: 'gte',
      targetValue: '25',
      targetYear: '2025',
      baselineValue: '20.5',
      baselineYear: '2020',
      baselineScopeLabel: null,
      unit: '%',
      sourceDocument: '004',
      sourceArticle: '第三章 第三节 发展目标',
      note: null,
    });
  });
});

describe(toReferenceIndex.name, () => {
  it('indexes the catalog by code', () => {
    const index = toReferenceIndex(lookup);
    expect(index.industries.get('gb.agg.sei')).toEqual({ id: 7, code: 'gb.agg.sei', name: '战略性新兴产业' });
    expect(index.regions.get('xm')).toEqual({ id: 1, code: 'xm', name: '厦门市', type: 'city' });
    expect(index.indicators.get('gdp')).toEqual({ id: 4, code: 'gdp', name: '地区生产总值', unit: '万元', kind: 'flow' });
  });
});
