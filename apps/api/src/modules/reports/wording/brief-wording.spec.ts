import { describe, expect, it } from 'vitest';
import {
  behindSentence,
  briefPeriodLabel,
  createWording,
  growthPhrase,
  missingSentence,
  problemsSentence,
  rankingSentence,
  subfieldsSentence,
  subjectSentence,
  targetClauses,
  yearTargetsSentence,
  type SubjectFigures,
} from './brief-wording';

const w = createWording();

describe('briefPeriodLabel', () => {
  it.each([
    [1, '1月'],
    [2, '1—2月'],
    [3, '1—3月'],
    [10, '1—10月'],
    [11, '1—11月'],
    [12, '全年'],
  ])('month %i → %s', (month, label) => expect(briefPeriodLabel(month)).toBe(label));
});

describe('growthPhrase', () => {
  it.each<[string, number | null, number | null, string]>([
    ['growth', 12.34, null, '同比增长12.3%'],
    ['growth rounded half away from zero', 12.25, null, '同比增长12.3%'],
    ['decline', -2.06, null, '同比下降2.1%'],
    ['flat (exactly 0)', 0, null, '与上年同期持平'],
    ['flat (rounds to 0.0)', 0.04, null, '与上年同期持平'],
    ['flat (rounds to -0.0)', -0.04, null, '与上年同期持平'],
    ['由降转增', 3, -1.5, '同比增长3.0%，增速由降转增'],
    ['growth after growth', 3, 2, '同比增长3.0%'],
    ['decline after decline', -3, -2, '同比下降3.0%'],
    ['previous month rounds to 0.0: not a turnaround', 3, -0.04, '同比增长3.0%'],
    ['missing', null, null, '同比增速暂缺'],
  ])('%s', (_, yoy, prev, expected) => expect(growthPhrase(w, yoy, prev)).toBe(expected));
});

describe('targetClauses', () => {
  it.each<[string, number, number | null, string[]]>([
    // 10/12 = 83.3%: 85.6 − 83.3 = 2.3
    ['ahead of schedule', 10, 85.6, ['完成年度目标85.6%', '快于时序进度2.3个百分点']],
    // 5/12 = 41.7%: 40.04 → 40.0; 41.7 − 40.0 = 1.7
    ['behind schedule', 5, 40.04, ['完成年度目标40.0%', '慢于时序进度1.7个百分点']],
    // 6/12 = 50.0%
    ['on schedule', 6, 50.02, ['完成年度目标50.0%', '与时序进度持平']],
    // 1—2月: 2/12 = 16.7%
    ['1—2月', 2, 15, ['完成年度目标15.0%', '慢于时序进度1.7个百分点']],
    ['January', 1, 9.1, ['完成年度目标9.1%', '快于时序进度0.8个百分点']],
    ['already met mid-year', 11, 101.26, ['已提前完成年度目标（完成101.3%）']],
    ['met exactly', 9, 100, ['已提前完成年度目标（完成100.0%）']],
    ['December, met', 12, 104.5, ['完成年度目标104.5%，超额完成全年任务']],
    ['December, missed', 12, 96.84, ['完成年度目标96.8%，距年度目标差3.2个百分点']],
    ['no completion figure', 10, null, []],
  ])('%s', (_, month, completion, expected) => expect(targetClauses(w, month, { completionPct: completion })).toEqual(expected));

  it('no annual target: no clause', () => expect(targetClauses(w, 10, null)).toEqual([]));
});

describe('subjectSentence', () => {
  const ngit: SubjectFigures = { subject: '新一代信息技术产业', indicator: '产值', valueWan: 12345678, yoyPct: 12.34, target: { completionPct: 85.6 } };
  it.each<[string, number, string, SubjectFigures, string]>([
    ['the issue’s example', 10, '全市', ngit, '1—10月，全市新一代信息技术产业实现产值1234.57亿元，同比增长12.3%，完成年度目标85.6%，快于时序进度2.3个百分点。'],
    ['decline, behind', 5, '全市', { ...ngit, valueWan: 3000000, yoyPct: -4.44, target: { completionPct: 30 } }, '1—5月，全市新一代信息技术产业实现产值300.00亿元，同比下降4.4%，完成年度目标30.0%，慢于时序进度11.7个百分点。'],
    ['flat, no target', 3, '湖里区', { subject: '数字创意产业', indicator: '营收', valueWan: 50000, yoyPct: 0, target: null }, '1—3月，湖里区数字创意产业实现营收5.00亿元，与上年同期持平。'],
    ['growth-only data', 10, '全市', { subject: '海洋高新产业', indicator: '产值', valueWan: null, yoyPct: 6.05, target: { completionPct: null } }, '1—10月，全市海洋高新产业产值同比增长6.1%。'],
    ['growth-only decline', 2, '全市', { subject: '海洋高新产业', indicator: '产值', valueWan: null, yoyPct: -1, target: null }, '1—2月，全市海洋高新产业产值同比下降1.0%。'],
    ['missing data', 10, '全市', { subject: '生物医药与健康产业', indicator: '产值', valueWan: null, yoyPct: null, target: { completionPct: 80 } }, '1—10月，全市生物医药与健康产业产值数据暂缺。'],
    ['level without last year', 1, '全市', { subject: '新材料与新能源产业', indicator: '产值', valueWan: 1234500, yoyPct: null, target: null }, '1月，全市新材料与新能源产业实现产值123.45亿元，同比增速暂缺。'],
    ['December = 全年, met', 12, '全市', { ...ngit, valueWan: 70000000, yoyPct: 8, target: { completionPct: 102 } }, '全年，全市新一代信息技术产业实现产值7000.00亿元，同比增长8.0%，完成年度目标102.0%，超额完成全年任务。'],
    ['already met in November', 11, '全市', { ...ngit, yoyPct: 20, target: { completionPct: 100.04 } }, '1—11月，全市新一代信息技术产业实现产值1234.57亿元，同比增长20.0%，已提前完成年度目标（完成100.0%）。'],
    ['由降转增', 4, '全市', { ...ngit, yoyPct: 1.2, previousYoyPct: -0.8, target: null }, '1—4月，全市新一代信息技术产业实现产值1234.57亿元，同比增长1.2%，增速由降转增。'],
    ['no indicator word', 10, '全市', { subject: '五大战略性新兴产业', indicator: '', valueWan: 123456789, yoyPct: 9.96, target: null }, '1—10月，全市五大战略性新兴产业实现12345.68亿元，同比增长10.0%。'],
  ])('%s', (_, month, region, figures, expected) => expect(subjectSentence(w, month, region, figures)).toBe(expected));
});

describe('subfieldsSentence', () => {
  it.each<[string, Parameters<typeof subfieldsSentence>[2], string | null]>([
    [
      'strongest pulls up, weakest pulls down',
      [
        { name: '集成电路', yoyPct: 33.3, pullPp: 10 },
        { name: '新型显示', yoyPct: -5, pullPp: -2 },
        { name: '人工智能', yoyPct: 30, pullPp: 6 },
      ],
      '从细分领域看，集成电路同比增长33.3%，拉动新一代信息技术产业增长10.0个百分点；新型显示同比下降5.0%，下拉新一代信息技术产业增速2.0个百分点。',
    ],
    [
      'all pull up',
      [
        { name: '集成电路', yoyPct: 33.3, pullPp: 10 },
        { name: '人工智能', yoyPct: 30, pullPp: 6.04 },
      ],
      '从细分领域看，集成电路同比增长33.3%，拉动新一代信息技术产业增长10.0个百分点；人工智能同比增长30.0%，拉动新一代信息技术产业增长6.0个百分点。',
    ],
    ['one sub-field with data', [{ name: '集成电路', yoyPct: 33.3, pullPp: 10 }, { name: '物联网', yoyPct: null, pullPp: null }], '从细分领域看，集成电路同比增长33.3%，拉动新一代信息技术产业增长10.0个百分点。'],
    ['no sub-field with data', [{ name: '物联网', yoyPct: null, pullPp: null }], null],
  ])('%s', (_, items, expected) => expect(subfieldsSentence(w, '新一代信息技术产业', items)).toBe(expected));
});

describe('rankingSentence', () => {
  it.each<[string, 'regions' | 'parks', Parameters<typeof rankingSentence>[2], string]>([
    [
      'four districts: two leading, two lagging',
      'regions',
      [
        { name: '思明区', yoyPct: 3 },
        { name: '湖里区', yoyPct: 20 },
        { name: '海沧区', yoyPct: 15 },
        { name: '同安区', yoyPct: -2.5 },
        { name: '翔安区', yoyPct: null },
      ],
      '分区域看，增速居前的是湖里区（同比增长20.0%）、海沧区（同比增长15.0%），增速靠后的是同安区（同比下降2.5%）、思明区（同比增长3.0%）。',
    ],
    [
      'two parks',
      'parks',
      [
        { name: '软件园', yoyPct: 11.1 },
        { name: '海沧南部园区', yoyPct: 14.3 },
      ],
      '分园区看，增速居前的是海沧南部园区（同比增长14.3%），增速靠后的是软件园（同比增长11.1%）。',
    ],
    ['three: one and one', 'regions', [{ name: 'A区', yoyPct: 1 }, { name: 'B区', yoyPct: 0 }, { name: 'C区', yoyPct: 2 }], '分区域看，增速居前的是C区（同比增长2.0%），增速靠后的是B区（与上年同期持平）。'],
    ['one with data only', 'parks', [{ name: '软件园', yoyPct: 11.1 }, { name: '生物医药港', yoyPct: null }], '分园区增速数据暂缺，暂不排序。'],
    ['none', 'regions', [], '分区域增速数据暂缺，暂不排序。'],
  ])('%s', (_, kind, items, expected) => expect(rankingSentence(w, kind, items)).toBe(expected));
});

describe('behindSentence', () => {
  it.each<[string, Parameters<typeof behindSentence>[1], string]>([
    [
      'two behind, one ahead left out',
      [
        { name: '新一代信息技术产业规模', completionPct: 80, month: 10 },
        { name: '生物医药与健康产业规模', completionPct: 90, month: 10 },
        { name: '海洋高新产业规模', completionPct: 70.04, month: 10 },
      ],
      '2项年度目标慢于时序进度：新一代信息技术产业规模完成年度目标80.0%，慢于时序进度3.3个百分点；海洋高新产业规模完成年度目标70.0%，慢于时序进度13.3个百分点。',
    ],
    ['even with the time progress is not behind', [{ name: '数字创意产业规模', completionPct: 50.01, month: 6 }], '各项年度目标进度均不慢于时序进度。'],
  ])('%s', (_, targets, expected) => expect(behindSentence(w, targets)).toBe(expected));
  it.each<[number[], string]>([
    [[104.5, 99.96, 96.8], '全年3项年度目标中，2项已完成，1项未完成。'],
    [[], '2025年暂无年度目标（规划目标年份已过或未录入年度目标），暂不评价时序进度。'],
  ])('the year’s targets %j', (completions, expected) => expect(yearTargetsSentence(w, completions, 2025)).toBe(expected));
  it('no annual target in the year', () => expect(behindSentence(w, [], 2026)).toBe('2026年暂无年度目标（规划目标年份已过或未录入年度目标），暂不评价时序进度。'));
});

describe('missingSentence and problemsSentence', () => {
  it('lists missing data', () =>
    expect(missingSentence(w, ['湖里区新一代信息技术产值', '全市海洋高新产值'])).toBe(
      '截至本期，以下2项数据尚未报送：湖里区新一代信息技术产值、全市海洋高新产值。相关数据补报后将自动更新本简报。',
    ));
  it('nothing missing', () => expect(missingSentence(w, [])).toBe('本期应报数据均已报送。'));
  it('a long list cut short keeps the full count', () =>
    expect(missingSentence(w, ['湖里区新一代信息技术产值、全市海洋高新产值等12项（见附表）'], 12)).toBe(
      '截至本期，以下12项数据尚未报送：湖里区新一代信息技术产值、全市海洋高新产值等12项（见附表）。相关数据补报后将自动更新本简报。',
    ));
  it('lists overdue problems', () =>
    expect(problemsSentence(w, [{ title: '集成电路项目用地指标不足', owner: '市工信局', due: '2026年9月30日' }])).toBe(
      '牵头单位反映的问题中，1项已逾期未办结：集成电路项目用地指标不足（市工信局，应于2026年9月30日前办结）。',
    ));
  it('no overdue problem', () => expect(problemsSentence(w, [])).toBe('牵头单位反映的问题均在办理期限内，无逾期未办结事项。'));
});

describe('createWording with an adjusted template', () => {
  it('uses the admin’s pattern and keeps the defaults for the rest', () => {
    const custom = createWording({ 'growth.up': '比上年同期增长{rate}%' });
    expect(subjectSentence(custom, 10, '全市', { subject: '数字创意产业', indicator: '营收', valueWan: 100000, yoyPct: 5, target: null })).toBe(
      '1—10月，全市数字创意产业实现营收10.00亿元，比上年同期增长5.0%。',
    );
    expect(growthPhrase(custom, -5)).toBe('同比下降5.0%');
  });
});
