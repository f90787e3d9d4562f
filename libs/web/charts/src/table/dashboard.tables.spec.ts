import { describe, expect, it } from 'vitest';
import type { ParkCompareDto } from '@im/contracts';
import { breakdownItem, measure } from '../testing/breakdown.fixture';
import { buildBreakdownTable, buildParkCompareTable, buildTargetTrendTable, type BreakdownTableLabels, type ParkCompareTableLabels } from './dashboard.tables';

const labels: BreakdownTableLabels = {
  rank: '排名',
  name: '名称',
  region: '所属区',
  industry: '产业',
  month: '本月',
  ytd: '累计',
  yoyMonth: '本月同比',
  yoyYtd: '累计同比',
  share: '占比',
  contribution: '拉动',
  contributionRate: '贡献率',
  notes: '说明',
  computed: '同比为计算值',
  noData: '无数据',
  derived: '推算',
  total: '合计',
};

describe('buildBreakdownTable', () => {
  const table = buildBreakdownTable({
    items: [
      breakdownItem('ic', '集成电路', { value: 2_000_000, yoyPct: 33.333, yoyBasis: 'computed', sharePct: 33.3333, contributionPp: 10, contributionRatePct: 50 }, { rank: 1 }),
      breakdownItem('x', '区块链', {}),
    ],
    other: breakdownItem('other', '其他', { value: 600_000, sharePct: 10, contributionPp: 2 }, { kind: 'other' }),
    parent: { name: '新一代信息技术', month: measure(), ytd: measure({ value: 6_000_000, yoyPct: 19.5, yoyBasis: 'reported', sharePct: 100, contributionPp: 20 }) },
    unit: '万元',
    locale: 'zh-CN',
    labels,
  });
  it('labels the columns with their units', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['排名', '名称', '本月（亿元）', '本月同比（%）', '累计（亿元）', '累计同比（%）', '占比（%）', '拉动（个百分点）', '贡献率（%）', '说明']);
  });
  it('puts the parent first and the remainder last, missing as —, never 0', () => {
    expect(table.rows.map((r) => r.cells.name)).toEqual(['新一代信息技术（合计）', '集成电路', '区块链', '其他']);
    expect(table.rows[1].cells).toMatchObject({ rank: '1', ytd: '200.00', yoyYtd: '+33.3%', share: '33.3%', contribution: '+10.00', contributionRate: '50.0%', notes: '同比为计算值' });
    expect(table.rows[2].cells).toMatchObject({ ytd: '—', share: '—', notes: '无数据' });
    expect(table.rows[3].cells.notes).toBe('推算');
  });
  it('leaves thousands separators out for CSV', () => {
    const csv = buildBreakdownTable({ items: [breakdownItem('a', 'A', { value: 123_456_789 })], unit: '万元', locale: 'zh-CN', labels, grouping: false, columns: ['ytd'] });
    expect(csv.rows[0].cells.ytd).toBe('12345.68');
    expect(csv.columns.map((c) => c.key)).toEqual(['rank', 'name', 'ytd']);
  });
});

describe('buildParkCompareTable', () => {
  const parkLabels: ParkCompareTableLabels = {
    metric: '指标',
    district: '所属区',
    ytd: '累计',
    month: '本月',
    yoyYtd: '累计同比',
    shareOfCity: '占全市',
    shareOfDistrict: '占所在区',
    contributionToCity: '拉动全市',
    perMu: '亩均产值',
    rankByValue: '规模排名',
    rankByGrowth: '增速排名',
    keyEnterprises: '重点企业数',
    keyEnterpriseShare: '重点企业占比',
    carried: '承载产业',
    rankOf: (r, n) => `${r}/${n}`,
    unverified: '（待核实）',
  };
  const pm = (value: number | null) => ({ value, lastYear: null, yoyPct: 5, yoyBasis: 'computed' as const, shareOfCityPct: 9.0912, shareOfDistrictPct: null, contributionToCityPp: 0.47, derived: false });
  const dto = {
    parks: [
      {
        code: 'p',
        name: '软件园',
        nameEn: null,
        district: { code: 'd', name: '思明区', nameEn: null, type: 'district' },
        districtVerified: false,
        zone: null,
        landAreaMu: null,
        hasData: true,
        month: pm(1_000_000),
        ytd: pm(10_473_746),
        ytdPerMu: null,
        rankByValue: 1,
        rankByGrowth: 23,
        industries: [],
        carried: [{ code: 'sei.dc', name: '数字创意', nameEn: null, indicatorCode: 'revenue' }],
        keyEnterprises: { count: 35, ytd: 4_929_452, shareOfParkPct: 47.06 },
      },
    ],
    rankedParks: 27,
  } as unknown as ParkCompareDto;
  it('writes metrics as rows and parks as columns', () => {
    const table = buildParkCompareTable(dto, { locale: 'zh-CN', labels: parkLabels });
    expect(table.columns.map((c) => c.label)).toEqual(['指标', '软件园']);
    const cell = (key: string) => table.rows.find((r) => r.key === key)!.cells.p0;
    expect(cell('district')).toBe('思明区（待核实）');
    expect(cell('ytd')).toBe('1,047.37');
    expect(cell('shareOfCity')).toBe('9.09%');
    expect(cell('shareOfDistrict')).toBe('—');
    expect(cell('perMu')).toBe('—');
    expect(cell('rankByGrowth')).toBe('23/27');
    expect(cell('contributionToCity')).toBe('+0.47');
    expect(cell('carried')).toBe('数字创意');
  });
});

describe('buildTargetTrendTable', () => {
  it('gives actual, planned, the gap and the projection per year', () => {
    const table = buildTargetTrendTable({
      actual: [{ year: 2024, value: 6077.05 }],
      planned: [
        { year: 2024, value: 6460.646109 },
        { year: 2025, value: 7000 },
      ],
      projection: { year: 2025, value: 6484.39 },
      unit: '亿元',
      decimals: 2,
      locale: 'zh-CN',
      labels: { year: '年份', actual: '实际', planned: '规划路径', gap: '差距', projection: '预测' },
    });
    expect(table.rows.map((r) => r.cells)).toEqual([
      { year: '2024年', actual: '6,077.05', planned: '6,460.65', gap: '-383.60', projection: '—' },
      { year: '2025年', actual: '—', planned: '7,000.00', gap: '—', projection: '6,484.39' },
    ]);
  });
});
