import { describe, expect, it } from 'vitest';
import { cell, readReferenceCsv } from './reference-csv';

/** Integrity of seeds/reference/*.csv: columns, unique codes, every reference resolves. */
const COLUMNS: Record<string, string[]> = {
  frameworks: ['code', 'name', 'name_en', 'description', 'source'],
  industries: ['framework_code', 'code', 'parent_code', 'name', 'name_en', 'indicator_code', 'lead_unit', 'responsible_units', 'sort_order', 'source', 'note'],
  regions: ['code', 'parent_code', 'type', 'name', 'name_en', 'zone_code', 'land_area_mu', 'district_verified', 'note', 'source'],
  'park-industries': ['park_code', 'industry_code', 'source'],
  indicators: ['code', 'name', 'name_en', 'unit', 'kind', 'decimals', 'note'],
  plans: ['code', 'name', 'name_en', 'start_year', 'end_year', 'owner_unit', 'source'],
  targets: ['plan_code', 'code', 'name', 'subject_type', 'industry_code', 'region_code', 'indicator_code', 'denominator_industry_code', 'denominator_region_code', 'denominator_indicator_code', 'kind', 'comparator', 'target_value', 'target_year', 'baseline_value', 'baseline_year', 'baseline_scope_label', 'unit', 'source_document', 'source_article', 'note'],
};

const read = (name: string) => readReferenceCsv(name);
const codes = (name: string) => new Set(read(name).map((r) => r.code));
const CODE = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

describe('reference CSV files', () => {
  it.each(Object.entries(COLUMNS))('%s.csv has exactly the documented columns and ASCII lower-case unique codes', (name, columns) => {
    const rows = read(name);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Object.keys(r)).toEqual(columns);
    if (columns.includes('code')) {
      for (const r of rows) expect(r.code).toMatch(CODE);
      expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    }
  });

  it('frameworks: the four frameworks', () => {
    expect([...codes('frameworks')]).toEqual(['xm-446', 'xm-sei-5x', 'fj-coord', 'gbt4754']);
  });

  it('industries: framework, parent (same framework, listed before) and indicator resolve', () => {
    const frameworks = codes('frameworks');
    const indicators = codes('indicators');
    const seen = new Map<string, string>();
    for (const r of read('industries')) {
      expect(frameworks.has(r.framework_code)).toBe(true);
      const parent = cell(r, 'parent_code');
      if (parent) expect(seen.get(parent), `${r.code} → ${parent}`).toBe(r.framework_code);
      const indicator = cell(r, 'indicator_code');
      if (indicator) expect(indicators.has(indicator), r.code).toBe(true);
      expect(Number.isInteger(Number(r.sort_order))).toBe(true);
      seen.set(r.code, r.framework_code);
    }
  });

  it('industries: xm-446 has its 3 groups, 14 industries and the lead units of 000', () => {
    const rows = read('industries').filter((r) => r.framework_code === 'xm-446');
    const children = (p: string) => rows.filter((r) => r.parent_code === p).map((r) => r.name);
    expect(children('xm446.pillar')).toEqual(['电子信息产业集群', '机械装备产业集群', '商贸物流产业集群', '金融服务产业集群']);
    expect(children('xm446.emerging')).toEqual(['生物医药产业', '新材料产业', '新能源产业', '文旅创意产业']);
    expect(children('xm446.future')).toEqual(['第三代半导体', '未来网络', '前沿战略材料', '氢能与储能', '基因与生物技术', '深海空天开发']);
    const leaf = rows.filter((r) => r.parent_code);
    for (const r of leaf) {
      expect(r.lead_unit, r.code).not.toBe('');
      expect(r.responsible_units, r.code).not.toBe('');
    }
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('xm446.pillar.trade-logistics')?.lead_unit).toBe('市商务局、交通局、会展局');
    expect(byCode.get('xm446.emerging.culture-tourism')?.lead_unit).toBe('市文发办、文旅局');
    const future = leaf.filter((r) => r.parent_code === 'xm446.future');
    expect(new Set(future.map((r) => `${r.lead_unit}|${r.responsible_units}`)).size).toBe(1);
  });

  it('industries: xm-sei-5x has the 5+X nodes of 004 第四章', () => {
    const rows = read('industries').filter((r) => r.framework_code === 'xm-sei-5x');
    const top = rows.filter((r) => !r.parent_code).map((r) => `${r.code}:${r.name}`);
    expect(top).toEqual(['sei.ngit:新一代信息技术', 'sei.bio:生物医药与健康', 'sei.nmne:新材料与新能源', 'sei.dc:数字创意', 'sei.marine:海洋高新', 'sei.x:未来赛道']);
    const names = (p: string) => rows.filter((r) => r.parent_code === p).map((r) => r.name);
    expect(names('sei.ngit')).toEqual(['新型显示', '下一代信息网络设备', '集成电路', '物联网', '人工智能', '大数据', '云计算', '区块链']);
    expect(names('sei.bio')).toEqual(['新药', '高性能医疗器械', '智慧医疗健康服务', '功能性食品', '数字健康器材设备']);
    expect(names('sei.nmne')).toEqual(['特种金属材料', '新能源材料', '新型高分子及复合材料', '先进碳材料', '清洁能源']);
    expect(names('sei.dc')).toEqual(['动漫游戏', '影视创制', '创意设计', '数字文化服务']);
    expect(names('sei.marine')).toEqual(['海洋高端装备与材料', '海洋生物科技', '海洋新兴服务']);
    expect(names('sei.x')).toEqual(['柔性电子', '第三代半导体', '航空航天', '智能制造装备', '精准医疗', '绿色低碳技术']);
    expect(rows.find((r) => r.code === 'sei.ngit.ic')?.name).toBe('集成电路');
    for (const r of rows.filter((x) => x.code === 'sei.dc' || x.parent_code === 'sei.dc')) expect(r.indicator_code).toBe('revenue');
  });

  it('industries: fj-coord and gbt4754 are complete', () => {
    const rows = read('industries');
    const fj = rows.filter((r) => r.framework_code === 'fj-coord');
    expect(fj.map((r) => r.name)).toEqual(['石化-化纤-纺织-鞋服产业', '古雷石化基地', '湄洲湾石化基地', '集成电路产业', '新能源汽车产业', '锂电新能源新材料产业', '生物医药产业']);
    for (const r of fj) expect(r.lead_unit).not.toBe('');
    const gb = rows.filter((r) => r.framework_code === 'gbt4754');
    expect(gb.filter((r) => !r.parent_code && r.code !== 'gb.agg').map((r) => r.code)).toEqual('abcdefghijklmnopqrst'.split('').map((c) => `gb.${c}`));
    const divisions = gb.filter((r) => r.parent_code === 'gb.c');
    expect(divisions.map((r) => r.code)).toEqual(Array.from({ length: 31 }, (_, i) => `gb.c.${13 + i}`));
    const byCode = new Map(gb.map((r) => [r.code, r.name]));
    expect(byCode.get('gb.c.39')).toBe('计算机、通信和其他电子设备制造业');
    expect(byCode.get('gb.c.38')).toBe('电气机械和器材制造业');
    expect(byCode.get('gb.c')).toBe('制造业');
    expect(gb.filter((r) => r.parent_code === 'gb.agg').map((r) => r.code)).toEqual(['gb.agg.above-scale', 'gb.agg.hitech-mfg', 'gb.agg.sei']);
  });

  it('regions: tree city → districts/zones → parks, zones and verification flags resolve', () => {
    const rows = read('regions');
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(rows.filter((r) => r.type === 'city').map((r) => r.code)).toEqual(['xm']);
    expect(rows.filter((r) => r.type === 'district').map((r) => r.name)).toEqual(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']);
    expect(rows.filter((r) => r.type === 'zone').map((r) => r.code)).toEqual(['xm.torch', 'xm.ftz']);
    for (const r of rows) {
      expect(['city', 'district', 'zone', 'park']).toContain(r.type);
      expect(r.land_area_mu).toBe('');
      const parent = cell(r, 'parent_code');
      if (r.type === 'city') expect(parent).toBeNull();
      if (r.type === 'district' || r.type === 'zone') expect(parent).toBe('xm');
      if (r.type === 'park') {
        expect(byCode.get(parent ?? '')?.type, r.code).toBe('district');
        expect(['true', 'false']).toContain(r.district_verified);
        if (r.district_verified === 'false') expect(r.note, r.code).toMatch(/do not state|not known/);
        const zone = cell(r, 'zone_code');
        if (zone) expect(byCode.get(zone)?.type).toBe('zone');
        expect(r.source).toMatch(/^004 /);
      }
    }
    const park = (name: string) => rows.find((r) => r.type === 'park' && r.name === name);
    expect(park('湖里东部科技创新园')).toMatchObject({ parent_code: 'xm.huli', district_verified: 'true' });
    expect(park('海沧南部工业组团')).toMatchObject({ parent_code: 'xm.haicang', district_verified: 'true' });
    expect(park('同安工业集中区')).toMatchObject({ parent_code: 'xm.tongan', district_verified: 'true' });
    expect(park('翔安工业集中区')).toMatchObject({ parent_code: 'xm.xiangan', district_verified: 'true' });
    expect(park('同翔高新城')).toMatchObject({ district_verified: 'false' });
    expect(park('同翔高新城')?.note).toMatch(/spans/);
    expect(park('软件园')?.note).toMatch(/一期、二期、三期,含开元创新社区/);
  });

  it('park-industries: parks and xm-sei-5x industries resolve, every park carries something, no duplicates', () => {
    const parks = new Set(read('regions').filter((r) => r.type === 'park').map((r) => r.code));
    const sei = new Set(read('industries').filter((r) => r.framework_code === 'xm-sei-5x').map((r) => r.code));
    const rows = read('park-industries');
    for (const r of rows) {
      expect(parks.has(r.park_code), r.park_code).toBe(true);
      expect(sei.has(r.industry_code), r.industry_code).toBe(true);
      expect(r.source).toMatch(/^004 /);
    }
    expect(new Set(rows.map((r) => `${r.park_code}|${r.industry_code}`)).size).toBe(rows.length);
    for (const p of parks) expect(rows.some((r) => r.park_code === p), p).toBe(true);
    expect(rows.filter((r) => r.park_code === 'xm.park.haicang-south').map((r) => r.industry_code)).toEqual(['sei.ngit.ic']);
  });

  it('indicators: the required indicators with unit and kind', () => {
    const rows = read('indicators');
    const by = new Map(rows.map((r) => [r.code, `${r.name}|${r.unit}|${r.kind}`]));
    expect(Object.fromEntries(by)).toMatchObject({
      output: '产值|万元|flow',
      revenue: '营业收入|万元|flow',
      value_added: '增加值|万元|flow',
      gdp: '地区生产总值|万元|flow',
      industrial_va: '规模以上工业增加值|万元|flow',
      rd_expenditure: '研发经费内部支出|万元|flow',
      enterprise_count: '企业数|家|stock',
      hnte_count: '国家高新技术企业数|家|stock',
      national_platform_count: '国家级创新平台数|个|stock',
      provincial_nri_count: '省级新型研发机构数|家|stock',
      hv_patents_per_10k: '每万人口高价值发明专利拥有量|件/万人|ratio',
    });
    for (const r of rows) expect(Number.isInteger(Number(r.decimals))).toBe(true);
  });

  it('plans: the 004 plan', () => {
    expect(read('plans')).toEqual([expect.objectContaining({ code: 'xm-sei-14', start_year: '2021', end_year: '2025' })]);
  });
});

describe('targets.csv', () => {
  const targets = read('targets');
  const industries = codes('industries');
  const regions = codes('regions');
  const indicators = codes('indicators');
  const plans = codes('plans');

  it('every subject, numerator and denominator resolves', () => {
    for (const t of targets) {
      expect(plans.has(t.plan_code)).toBe(true);
      expect(['city', 'industry', 'region']).toContain(t.subject_type);
      expect(['level', 'share', 'count']).toContain(t.kind);
      expect(['gte', 'gt']).toContain(t.comparator);
      expect(regions.has(t.region_code), t.code).toBe(true);
      expect(indicators.has(t.indicator_code), t.code).toBe(true);
      const ind = cell(t, 'industry_code');
      if (t.subject_type === 'industry') expect(ind && industries.has(ind), t.code).toBe(true);
      if (t.subject_type === 'city') expect(ind).toBeNull();
      if (t.kind === 'share') {
        expect(t.unit).toBe('%');
        expect(regions.has(t.denominator_region_code), t.code).toBe(true);
        expect(indicators.has(t.denominator_indicator_code), t.code).toBe(true);
        const di = cell(t, 'denominator_industry_code');
        if (di) expect(industries.has(di)).toBe(true);
      } else {
        expect(t.denominator_region_code + t.denominator_indicator_code + t.denominator_industry_code).toBe('');
      }
      expect(t.source_document).toBe('004');
      expect(t.source_article).toMatch(/^第[三四]章 第[一二三四五]节/);
    }
  });

  it('holds exactly the 13 targets of 004 with their values', () => {
    const rows = targets.map((t) =>
      [t.industry_code || t.subject_type, t.indicator_code, t.denominator_indicator_code, t.kind, t.comparator, t.target_value, t.target_year, t.baseline_value, t.baseline_year, t.unit].join(' '),
    );
    expect(rows).toEqual([
      'gb.agg.sei value_added  level gt 2500 2025   亿元',
      'gb.agg.sei value_added gdp share gte 25 2025   %',
      'gb.agg.hitech-mfg value_added industrial_va share gte 45 2025   %',
      'sei.ngit output  level gte 7000 2025 4688 2020 亿元',
      'sei.bio output  level gte 1500 2025 776 2020 亿元',
      'sei.nmne output  level gte 1400 2025 879 2020 亿元',
      'sei.dc revenue  level gte 1800 2025 1450 2020 亿元',
      'sei.marine output  level gte 2000 2025 1380 2020 亿元',
      'city hnte_count  count gte 3500 2025 2282 2020 家',
      'city national_platform_count  count gt 80 2025   个',
      'city provincial_nri_count  count gte 60 2025   家',
      'city rd_expenditure gdp share gte 3.5 2025   %',
      'city hv_patents_per_10k  level gt 20 2025   件/万人',
    ]);
    const label = (code: string) => targets.find((t) => t.industry_code === code)?.baseline_scope_label;
    expect(label('sei.ngit')).toBe('电子信息产业产值(口径宽于新一代信息技术)');
    expect(label('sei.nmne')).toBe('新材料产业产值(口径窄于新材料与新能源)');
    expect(label('sei.dc')).toBe('文化创意产业营业收入');
    expect(targets.find((t) => t.indicator_code === 'provincial_nri_count')?.note).toMatch(/40/);
  });
});
