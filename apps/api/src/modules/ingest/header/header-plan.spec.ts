import { describe, expect, it } from 'vitest';
import { UploadIssueCode } from '@im/contracts';
import { interpretHeader, isNoteText, isTotalText, stripSubItemMarker } from './column-dictionary';
import { buildColumnPlan, datasetFromColumns, findHeader, findPeriodInText, titleHints } from './header-plan';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ row: i + 1, cells }));

describe(interpretHeader.name, () => {
  it('reads aliases in Chinese and English, full- and half-width brackets, units inside headers', () => {
    expect(interpretHeader('本月(亿元)')).toMatchObject({ role: 'valueMonth', unit: '亿元' });
    expect(interpretHeader('1—本月累计（万元）')).toMatchObject({ role: 'valueYtd', unit: '万元' });
    expect(interpretHeader('同比增长%')).toMatchObject({ role: 'yoy', unit: '%' });
    expect(interpretHeader('累计同比增长(%)')).toMatchObject({ role: 'yoyYtd' });
    expect(interpretHeader('Industry Code')).toMatchObject({ role: 'industryCode' });
    expect(interpretHeader('统一社会信用代码')).toMatchObject({ role: 'creditCode' });
    expect(interpretHeader('指标名称', { firstColumn: true })).toMatchObject({ role: 'label' });
  });

  it('splits an indicator off a value header and reads NBS columns', () => {
    expect(interpretHeader('本月产值(万元)')).toMatchObject({ role: 'valueMonth', prefix: '产值', unit: '万元' });
    expect(interpretHeader('营业收入累计')).toMatchObject({ role: 'valueYtd', prefix: '营业收入' });
    expect(interpretHeader('工业增加值_累计增长')).toMatchObject({ role: 'yoyYtd', prefix: '工业增加值', nbs: true });
  });

  it('flags a unit it cannot convert and does not know other headers', () => {
    expect(interpretHeader('本月(百万元)')).toMatchObject({ role: 'valueMonth', unknownUnit: '百万元' });
    expect(interpretHeader('颜色').role).toBeNull();
  });
});

describe('row markers', () => {
  it('recognises notes, totals and sub-items', () => {
    expect(isNoteText('注：本表为快报数')).toBe(true);
    expect(isNoteText('数据来源：市统计局')).toBe(true);
    expect(isNoteText('集成电路')).toBe(false);
    expect(isTotalText('合计')).toBe(true);
    expect(isTotalText('集成电路')).toBe(false);
    expect(stripSubItemMarker('#集成电路')).toEqual({ name: '集成电路', subItem: true });
    expect(stripSubItemMarker('其中：新型显示')).toEqual({ name: '新型显示', subItem: true });
    expect(stripSubItemMarker('海洋高新')).toEqual({ name: '海洋高新', subItem: false });
  });
});

describe(findHeader.name, () => {
  it('skips title rows and finds a two-row header', () => {
    const found = findHeader(rows(['2024年1-10月厦门市产值', '', ''], ['单位：亿元', '', ''], ['指标名称', '本月', '', '1-本月累计', ''], ['', '绝对值', '同比增长%', '绝对值', '同比增长%'], ['集成电路', '1', '2', '3', '4']), null);
    expect(found).toMatchObject({ index: 2, height: 2 });
    expect(found.cells).toEqual(['指标名称', '本月/绝对值', '本月/同比增长%', '1-本月累计/绝对值', '1-本月累计/同比增长%']);
  });

  it('finds nothing in a table of unknown columns', () => {
    expect(findHeader(rows(['a', 'b'], ['1', '2']), null).index).toBe(-1);
  });
});

describe(titleHints.name, () => {
  it('takes the period, the unit and the indicator from title rows', () => {
    expect(titleHints(rows(['2024年1-10月厦门市规模以上工业增加值'], ['单位：亿元']))).toMatchObject({ periodText: '2024年1-10月', unit: '亿元', indicatorWord: '规模以上工业增加值' });
    expect(findPeriodInText('厦门市2024年三季度经济运行情况')?.text).toBe('2024年三季度');
    expect(findPeriodInText('经济运行简况')).toBeNull();
  });
});

describe(buildColumnPlan.name, () => {
  it('gives 同比增长% to the value column on its left and groups values by indicator', () => {
    const { plan, issues } = buildColumnPlan(['指标名称', '计量单位', '本月', '同比增长%', '1-本月累计', '同比增长%'], [3], null);
    expect(issues).toEqual([]);
    expect(plan.layout).toBe('bureau');
    expect(plan.groups).toEqual([{ prefix: null, valueMonth: 2, yoyMonth: 3, valueYtd: 4, yoyYtd: 5 }]);
    const two = buildColumnPlan(['期间', '产业代码', '本月产值(万元)', '本月营业收入(万元)'], [1], null).plan;
    expect(two.groups.map((g) => g.prefix)).toEqual(['产值', '营业收入']);
    expect(datasetFromColumns(two)).toBe('industry-monthly');
  });

  it('reports unknown, duplicated and ambiguous columns with the header row', () => {
    expect(buildColumnPlan(['期间', '产业代码', '本月(万元)', '备注', '颜色'], [1], null).issues.map((i) => [i.row, i.code, i.column])).toEqual([[1, UploadIssueCode.ColumnUnknown, '颜色']]);
    expect(buildColumnPlan(['期间', '产业代码', '本月', '当月'], [1], null).issues.map((i) => i.code)).toEqual([UploadIssueCode.ColumnDuplicated]);
    expect(buildColumnPlan(['期间', '产业代码', '同比', '本月'], [1], null).issues.map((i) => i.code)).toEqual([UploadIssueCode.ColumnAmbiguous]);
  });

  it('tells datasets apart by their columns', () => {
    const ds = (...h: string[]) => datasetFromColumns(buildColumnPlan(h, [1], null).plan);
    expect(ds('期间', '统一社会信用代码', '本月(万元)')).toBe('enterprise-monthly');
    expect(ds('期间', '区域', '本月(万元)')).toBe('region-monthly');
    expect(ds('期间', '指标', '频度', '本期(亿元)')).toBe('macro');
    expect(ds('时间', '地区生产总值_当期值')).toBeNull();
  });
});
