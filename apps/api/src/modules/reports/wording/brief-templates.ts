/**
 * The sentence patterns of the brief: a named set with placeholders in braces (`{value}`). The
 * defaults live here; an admin may replace any of them (table `brief_template`, every revision kept).
 * Each pattern says which placeholders it must contain (a sentence without its figure is worse than
 * none) and which it may contain. docs/BRIEF.md lists them for the users.
 */
export interface PlaceholderSpec {
  name: string;
  required: boolean;
  description: string;
}

export interface TemplateSpec {
  key: string;
  description: string;
  text: string;
  placeholders: readonly PlaceholderSpec[];
}

const req = (name: string, description: string): PlaceholderSpec => ({ name, required: true, description });
const opt = (name: string, description: string): PlaceholderSpec => ({ name, required: false, description });

const PERIOD = req('period', '期间：1月、1—2月、1—10月、全年');
const REGION = opt('region', '范围：全市、湖里区');
const SUBJECT = req('subject', '产业名称：新一代信息技术产业');
const INDICATOR = opt('indicator', '指标：产值、营收、产业规模');
const GROWTH = (required: boolean) => ({ name: 'growth', required, description: '增速短语：同比增长12.3%、同比下降2.1%、与上年同期持平' });

export const BRIEF_TEMPLATE_SPECS: readonly TemplateSpec[] = Object.freeze([
  { key: 'level', description: '总量句（有总量数据）', text: '{period}，{region}{subject}实现{indicator}{value}亿元', placeholders: [PERIOD, REGION, SUBJECT, INDICATOR, req('value', '总量（亿元，两位小数）')] },
  { key: 'level.missing', description: '总量句（数据暂缺）', text: '{period}，{region}{subject}{indicator}数据暂缺', placeholders: [PERIOD, REGION, SUBJECT, INDICATOR] },
  { key: 'level.growthOnly', description: '总量句（只有增速、没有总量）', text: '{period}，{region}{subject}{indicator}{growth}', placeholders: [PERIOD, REGION, SUBJECT, INDICATOR, GROWTH(true)] },
  { key: 'growth.up', description: '增速：增长', text: '同比增长{rate}%', placeholders: [req('rate', '增速（%，一位小数，不带符号）')] },
  { key: 'growth.down', description: '增速：下降', text: '同比下降{rate}%', placeholders: [req('rate', '降幅（%，一位小数，不带符号）')] },
  { key: 'growth.flat', description: '增速：持平', text: '与上年同期持平', placeholders: [] },
  { key: 'growth.turnaround', description: '增速：由降转增（上月累计为下降）', text: '同比增长{rate}%，增速由降转增', placeholders: [req('rate', '增速（%）'), opt('previousRate', '上月累计降幅（%）')] },
  { key: 'growth.missing', description: '增速暂缺（有总量、无上年同期）', text: '同比增速暂缺', placeholders: [] },
  { key: 'target.completion', description: '年度目标完成情况（年中）', text: '完成年度目标{completion}%', placeholders: [req('completion', '完成率（%）')] },
  { key: 'target.met', description: '年中已完成年度目标', text: '已提前完成年度目标（完成{completion}%）', placeholders: [req('completion', '完成率（%）')] },
  { key: 'target.yearMet', description: '全年：完成年度目标', text: '完成年度目标{completion}%，超额完成全年任务', placeholders: [req('completion', '完成率（%）')] },
  { key: 'target.yearMissed', description: '全年：未完成年度目标', text: '完成年度目标{completion}%，距年度目标差{gap}个百分点', placeholders: [req('completion', '完成率（%）'), opt('gap', '差距（百分点）')] },
  { key: 'progress.ahead', description: '快于时序进度', text: '快于时序进度{gap}个百分点', placeholders: [req('gap', '百分点'), opt('timeProgress', '时序进度（%）')] },
  { key: 'progress.behind', description: '慢于时序进度', text: '慢于时序进度{gap}个百分点', placeholders: [req('gap', '百分点'), opt('timeProgress', '时序进度（%）')] },
  { key: 'progress.even', description: '与时序进度持平', text: '与时序进度持平', placeholders: [opt('timeProgress', '时序进度（%）')] },
  { key: 'subfield.up', description: '细分领域：拉动增长', text: '{name}{growth}，拉动{parent}增长{pull}个百分点', placeholders: [req('name', '细分领域'), GROWTH(false), opt('parent', '所属产业'), req('pull', '拉动（百分点）')] },
  { key: 'subfield.down', description: '细分领域：下拉增速', text: '{name}{growth}，下拉{parent}增速{pull}个百分点', placeholders: [req('name', '细分领域'), GROWTH(false), opt('parent', '所属产业'), req('pull', '下拉（百分点）')] },
  { key: 'subfields', description: '细分领域：拉动最大与最小', text: '从细分领域看，{strongest}；{weakest}。', placeholders: [req('strongest', '拉动最大的细分领域句'), req('weakest', '拉动最小的细分领域句')] },
  { key: 'subfields.single', description: '细分领域：只有一个有数据', text: '从细分领域看，{strongest}。', placeholders: [req('strongest', '细分领域句')] },
  { key: 'rank.item', description: '区域、园区排名中的一项', text: '{name}（{growth}）', placeholders: [req('name', '区域或园区名称'), GROWTH(true)] },
  { key: 'regions', description: '分区域：增速居前与靠后', text: '分区域看，增速居前的是{leading}，增速靠后的是{lagging}。', placeholders: [req('leading', '居前的区（可多个）'), req('lagging', '靠后的区（可多个）')] },
  { key: 'parks', description: '分园区：增速居前与靠后', text: '分园区看，增速居前的是{leading}，增速靠后的是{lagging}。', placeholders: [req('leading', '居前的园区'), req('lagging', '靠后的园区')] },
  { key: 'rank.missing', description: '分区域或分园区数据不足', text: '{what}增速数据暂缺，暂不排序。', placeholders: [req('what', '分区域、分园区')] },
  { key: 'behind', description: '慢于时序进度的目标', text: '{count}项年度目标慢于时序进度：{list}。', placeholders: [req('count', '项数'), req('list', '各项目标')] },
  { key: 'behind.item', description: '慢于时序进度的一项目标', text: '{name}完成年度目标{completion}%，慢于时序进度{gap}个百分点', placeholders: [req('name', '目标名称'), opt('completion', '完成率（%）'), req('gap', '百分点')] },
  { key: 'behind.none', description: '没有慢于时序进度的目标', text: '各项年度目标进度均不慢于时序进度。', placeholders: [] },
  { key: 'behind.noTargets', description: '本年度没有年度目标', text: '{year}年暂无年度目标（规划目标年份已过或未录入年度目标），暂不评价时序进度。', placeholders: [opt('year', '年份')] },
  { key: 'targets.year', description: '全年：年度目标完成情况汇总', text: '全年{count}项年度目标中，{met}项已完成，{missed}项未完成。', placeholders: [req('count', '有数据的目标项数'), req('met', '已完成项数'), req('missed', '未完成项数')] },
  { key: 'missing', description: '尚未报送的数据', text: '截至本期，以下{count}项数据尚未报送：{list}。相关数据补报后将自动更新本简报。', placeholders: [opt('count', '项数'), req('list', '缺报数据')] },
  { key: 'missing.none', description: '数据均已报送', text: '本期应报数据均已报送。', placeholders: [] },
  { key: 'problems', description: '逾期未办结的问题', text: '牵头单位反映的问题中，{count}项已逾期未办结：{list}。', placeholders: [opt('count', '项数'), req('list', '各项问题')] },
  { key: 'problems.item', description: '逾期问题的一项', text: '{title}（{owner}，应于{due}前办结）', placeholders: [req('title', '问题'), opt('owner', '责任单位'), opt('due', '办结期限')] },
  { key: 'problems.none', description: '没有逾期问题', text: '牵头单位反映的问题均在办理期限内，无逾期未办结事项。', placeholders: [] },
]);

export type BriefTemplateKey = string;
export type TemplateTexts = Readonly<Record<BriefTemplateKey, string>>;

export const DEFAULT_TEMPLATES: TemplateTexts = Object.freeze(Object.fromEntries(BRIEF_TEMPLATE_SPECS.map((s) => [s.key, s.text])));

export function templateSpec(key: string): TemplateSpec | undefined {
  return BRIEF_TEMPLATE_SPECS.find((s) => s.key === key);
}
