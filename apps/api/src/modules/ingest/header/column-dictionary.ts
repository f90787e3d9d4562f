/**
 * What a column header means. Headers are matched after normalisation (full-width → half-width,
 * no spaces, lower-case Latin letters, units and brackets taken out: `产值（亿元）` → `产值` with
 * unit 亿元), against aliases in Chinese and English. Value headers may carry the indicator
 * (`本月产值`, `1-本月累计营业收入`, `工业总产值_当期值`).
 */
import { detectUnit, type MeasureUnit } from '@im/domain';

export type ColumnRole =
  // where and when
  | 'period'
  | 'industryCode'
  | 'industryName'
  | 'regionCode'
  | 'regionName'
  | 'creditCode'
  | 'enterpriseName'
  | 'indicator'
  | 'unit'
  | 'granularity'
  /** The first column of a bureau table (指标名称 / 项目): names an industry, region or indicator. */
  | 'label'
  // figures
  | 'valueMonth'
  | 'valueYtd'
  /** A single value without 本月/累计 (annual figures, reference levels). */
  | 'value'
  | 'yoyMonth'
  | 'yoyYtd'
  /** 同比增长% without saying of which figure: belongs to the value column on its left. */
  | 'yoy'
  // reference data (parks, enterprises)
  | 'parkCode'
  | 'parkName'
  | 'districtName'
  | 'zoneName'
  | 'landArea'
  | 'industries'
  | 'aboveScale'
  | 'hnte'
  | 'littleGiant'
  | 'champion'
  | 'chainLeader'
  | 'note'
  /** Known but not imported (序号). */
  | 'ignore';

export const VALUE_ROLES: readonly ColumnRole[] = ['valueMonth', 'valueYtd', 'value', 'yoyMonth', 'yoyYtd', 'yoy'];

/** Chinese meaning of each role, for the report ("列「本月(亿元)」→ 本月值"). */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  period: '期间',
  industryCode: '产业代码',
  industryName: '产业名称',
  regionCode: '区域代码',
  regionName: '区域/园区名称',
  creditCode: '统一社会信用代码',
  enterpriseName: '企业名称',
  indicator: '指标',
  unit: '计量单位',
  granularity: '频度',
  label: '指标名称',
  valueMonth: '本月值',
  valueYtd: '1-本月累计值',
  value: '数值',
  yoyMonth: '本月同比增长(%)',
  yoyYtd: '累计同比增长(%)',
  yoy: '同比增长(%)',
  parkCode: '园区代码',
  parkName: '园区名称',
  districtName: '所属区',
  zoneName: '所属开发区',
  landArea: '占地面积(亩)',
  industries: '主导产业',
  aboveScale: '规模以上',
  hnte: '国家高新技术企业',
  littleGiant: '专精特新"小巨人"',
  champion: '制造业单项冠军',
  chainLeader: '链主企业',
  note: '备注',
  ignore: '（不导入）',
};

const ALIASES: Record<Exclude<ColumnRole, 'label'>, string[]> = {
  period: ['期间', '统计期间', '统计期', '报告期', '时间', '日期', '月份', '年月', '所属期', '数据期', '年度', 'period', 'time', 'date', 'yearmonth'],
  industryCode: ['产业代码', '行业代码', '产业编码', '行业编码', '领域代码', 'industrycode', 'industry_code', 'industryid'],
  industryName: ['产业', '产业名称', '行业', '行业名称', '产业领域', '细分领域', '领域', '所属产业', '所属行业', 'industry', 'industryname', 'industry_name'],
  regionCode: ['区域代码', '地区代码', '园区代码', '区域编码', 'regioncode', 'region_code', 'parkcode', 'park_code'],
  regionName: ['区域', '区域名称', '地区', '地区名称', '园区', '园区名称', '所在园区', '行政区', '区县', '区', 'region', 'regionname', 'park', 'parkname', 'district'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', 'uscc', 'creditcode', 'credit_code'],
  enterpriseName: ['企业名称', '单位名称', '企业', '单位详细名称', '法人单位名称', 'enterprise', 'enterprisename', 'company', 'companyname'],
  indicator: ['指标', '统计指标', '指标代码', 'indicator', 'indicatorcode', 'indicator_code'],
  unit: ['计量单位', '单位', 'unit'],
  granularity: ['频度', '频率', '统计频度', 'frequency', 'granularity'],
  valueMonth: [
    '本月', '本月值', '本月数', '当月', '当月值', '当月数', '本期', '本期值', '本期数', '当期', '当期值', '本季', '本季度', '当季', '当季值',
    '本月绝对值', '本期绝对值', 'month', 'monthvalue', 'value_month', 'valuemonth', 'thismonth', 'current',
  ],
  valueYtd: [
    '1-本月累计', '1-本月', '1至本月累计', '本年累计', '累计', '累计值', '累计数', '本年累计值', '年初至本月累计', '自年初累计', '1-本期累计',
    '累计绝对值', '1-本月累计绝对值', 'ytd', 'valueytd', 'value_ytd', 'cumulative',
  ],
  value: ['数值', '值', '数据', '本年', '全年', '年度值', '全年值', 'value', 'amount'],
  yoyMonth: [
    '本月同比增长', '本月同比', '本月增长', '本月增速', '本月比上年同月增长', '当月同比增长', '当月同比', '当月增速', '本期同比增长', '本期同比', '当期同比增长',
    '本季同比增长', '当季同比增长', 'yoymonth', 'yoy_month', 'monthyoy',
  ],
  yoyYtd: [
    '累计同比增长', '累计同比', '累计增长', '累计增速', '累计比上年同期增长', '1-本月累计同比增长', '1-本月同比增长', '本年累计同比增长', 'yoyytd', 'yoy_ytd', 'ytdyoy',
  ],
  yoy: ['同比增长', '同比', '同比增速', '增速', '增长', '比上年同期增长', '比上年同月增长', '同比增减', 'yoy', 'growth'],
  parkCode: [],
  parkName: [],
  districtName: ['所属区', '所在区', '所属行政区', '行政区划', 'districtname', 'district_name'],
  zoneName: ['所属开发区', '开发区', '所属片区', 'zone', 'zonename'],
  landArea: ['占地面积', '用地面积', '面积', '占地', 'landarea', 'land_area', 'area'],
  industries: ['主导产业', '产业方向', '主要产业', 'industries'],
  aboveScale: ['规上', '规模以上', '规上企业', '是否规上', '是否规模以上', 'abovescale', 'above_scale'],
  hnte: ['国家高新技术企业', '高新技术企业', '国高', '是否国家高新技术企业', 'hnte'],
  littleGiant: ['专精特新小巨人', '小巨人', '专精特新"小巨人"', '国家级专精特新小巨人', 'littlegiant', 'little_giant'],
  champion: ['单项冠军', '制造业单项冠军', 'champion'],
  chainLeader: ['链主', '链主企业', 'chainleader', 'chain_leader'],
  note: ['备注', '说明', '注', 'note', 'remark', 'remarks'],
  ignore: ['序号', '编号', '行号', 'no', 'no.', 'index', '#'],
};

/** First-column headers of bureau tables: the row label names the subject. */
const LABEL_ALIASES = ['指标名称', '指标', '项目', '项目名称', '名称', '行业名称', '行业', '地区', '园区', '区域', '分组', '栏目', '主要指标'];

const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\u301C\u30FC~～至]/g;

/** Normalised text for matching: NFKC, no spaces or quotes, dashes as `-`, Latin lower-case. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000"'“”‘’]+/g, '')
    .replace(DASHES, '-')
    .replace(/-+/g, '-')
    .toLowerCase();
}

/** Removes bracketed groups and unit markers: `产值(亿元)` → `产值`, `同比增长%` → `同比增长`, `单位:万元` → ``. */
export function stripUnits(normalized: string): string {
  return normalized
    .replace(/[【[（(][^()【】[\]（）]*[)）\]】]/g, '')
    .replace(/单位[:：].*$/, '')
    .replace(/%$/, '')
    .replace(/(?:亿元|万元|千元|元)$/, '');
}

const ROLE_BY_ALIAS = new Map<string, ColumnRole>();
for (const [role, aliases] of Object.entries(ALIASES) as [ColumnRole, string[]][]) {
  for (const alias of aliases) ROLE_BY_ALIAS.set(stripUnits(normalizeLabel(alias)), role);
}
const LABEL_SET = new Set(LABEL_ALIASES.map((a) => normalizeLabel(a)));

/** Value roles whose aliases may be combined with an indicator name (`本月产值`, `产值_当期值`). */
const COMBINABLE: ColumnRole[] = ['valueMonth', 'valueYtd', 'value', 'yoyMonth', 'yoyYtd', 'yoy'];
const COMBINABLE_ALIASES = COMBINABLE.flatMap((role) =>
  ALIASES[role as Exclude<ColumnRole, 'label'>].map((a) => ({ alias: stripUnits(normalizeLabel(a)), role })),
).sort((a, b) => b.alias.length - a.alias.length);

/** NBS export column suffixes. */
const NBS_SUFFIX: Record<string, ColumnRole> = { 当期值: 'valueMonth', 累计值: 'valueYtd', 同比增长: 'yoyMonth', 累计增长: 'yoyYtd' };

export interface HeaderMeaning {
  /** Null when the header is not understood. */
  role: ColumnRole | null;
  /** Unit written in the header (`(亿元)`, `%`). */
  unit: MeasureUnit | null;
  /** A unit the product does not know (`百万元`): an error for amount columns. */
  unknownUnit: string | null;
  /** Text that names an indicator or subject together with the value role (`本月产值` → `产值`; NBS prefix). */
  prefix: string | null;
  /** The header follows the NBS `…_当期值` pattern. */
  nbs: boolean;
}

/**
 * What a header cell means. `firstColumn` allows the bureau label headers (指标名称, 项目); the
 * reference dataset headers (园区代码, 园区名称) are recognised with `reference`.
 */
export function interpretHeader(text: string, options: { firstColumn?: boolean; reference?: 'parks' | 'enterprises' | null } = {}): HeaderMeaning {
  const normalized = normalizeLabel(text);
  const unitFound = detectUnit(text);
  const unit = unitFound.kind === 'unit' ? unitFound.unit : null;
  const unknownUnit = unitFound.kind === 'unknown' ? unitFound.token : null;
  const bare = stripUnits(normalized);
  const none: HeaderMeaning = { role: null, unit, unknownUnit, prefix: null, nbs: false };
  if (bare === '') return none;

  if (options.reference === 'parks') {
    if (['园区代码', '代码', 'code', 'parkcode'].includes(bare)) return { ...none, role: 'parkCode' };
    if (['园区名称', '名称', '园区', 'name', 'parkname'].includes(bare)) return { ...none, role: 'parkName' };
    if (['所属区', '区', '行政区', 'district'].includes(bare)) return { ...none, role: 'districtName' };
  }
  if (options.reference === 'enterprises') {
    if (['所属园区', '园区', '所在园区', '园区名称', 'park'].includes(bare)) return { ...none, role: 'parkName' };
    if (['所属区', '所在区', '区', 'district'].includes(bare)) return { ...none, role: 'districtName' };
    if (['所属产业', '产业', '行业', '细分领域', '所属领域', 'industry', 'industries'].includes(bare)) return { ...none, role: 'industries' };
  }

  const nbs = /^(.+)_(当期值|累计值|同比增长|累计增长)$/.exec(bare);
  if (nbs) return { ...none, role: NBS_SUFFIX[nbs[2]], prefix: nbs[1], nbs: true, unit: unit ?? (nbs[2].includes('增长') ? '%' : null) };

  const direct = ROLE_BY_ALIAS.get(bare);
  if (direct) return { ...none, role: direct, unit: unit ?? (direct.startsWith('yoy') ? '%' : null) };
  if (options.firstColumn && LABEL_SET.has(bare)) return { ...none, role: 'label' };

  // `本月产值`, `产值本月`, `1-本月累计营业收入`, `营业收入同比增长`
  for (const { alias, role } of COMBINABLE_ALIASES) {
    if (alias.length < 2) continue;
    let prefix: string | null = null;
    if (bare.startsWith(alias) && bare.length > alias.length) prefix = bare.slice(alias.length);
    else if (bare.endsWith(alias) && bare.length > alias.length) prefix = bare.slice(0, -alias.length);
    if (prefix && !/^[-_:：]/.test(prefix)) return { ...none, role, prefix: prefix.replace(/[-_:：]$/, ''), unit: unit ?? (role.startsWith('yoy') ? '%' : null) };
  }
  return none;
}

/** Cells of the first column that end the table: notes, sources, explanations (注：, 数据来源：, 说明：). */
const NOTE_FIRST = /^[\s\u3000*※#注说备数资来填制审联报统附]/;

export function isNoteText(text: string): boolean {
  if (!NOTE_FIRST.test(text)) return false;
  const s = text.normalize('NFKC').replace(/^[\s\u3000*※#]+/, '');
  return /^(?:注\d*[:：.、]|注$|注释|说明[:：]|备注[:：]|数据来源|资料来源|来源[:：]|填报说明|填表说明|制表|审核人|填报人|联系人|联系电话|报送|统计范围|附注)/.test(s);
}

/** `合计`, `总计`, `小计` rows: totals a clerk added, not a subject. */
export function isTotalText(text: string): boolean {
  if (!text.includes('计')) return false;
  return /^(?:合计|总计|小计|共计|全市合计|总合计)$/.test(normalizeLabel(text));
}

/** Strips bureau sub-item markers and indentation: `#集成电路` / `其中：集成电路` / `  集成电路` → `集成电路`. */
export function stripSubItemMarker(text: string): { name: string; subItem: boolean } {
  const s = text.normalize('NFKC').trim();
  const m = /^(?:[#＃]+|其中[:：]?|内:|其中[,，]|\s+)+/.exec(s);
  if (!m) return { name: s, subItem: /^\s/.test(text) };
  return { name: s.slice(m[0].length).trim(), subItem: true };
}
