/**
 * Finding the header among the first rows (title rows above it are recognised and skipped), reading
 * what each column means, and deciding the layout: the product's long template, the bureau report
 * (指标名称 | 计量单位 | 本月 | 同比增长% | 1–本月累计 | 同比增长%, possibly with a two-row header), or
 * NBS columns (`…_当期值 / _累计值 / _同比增长 / _累计增长`). Pure: rows in, a plan and problems out.
 */
import type { UploadDataset, UploadLayout } from '@im/contracts';
import { detectUnit, parsePeriod, type MeasureUnit, type Period } from '@im/domain';
import { issueError, UploadIssueCode, type Issue } from '../report/issues';
import { interpretHeader, normalizeLabel, ROLE_LABELS, stripUnits, type ColumnRole, type HeaderMeaning } from './column-dictionary';

export interface SheetRow {
  row: number;
  cells: string[];
}

export interface PlannedColumn {
  index: number;
  /** Header as written (both header rows joined with `/` for a two-row header). */
  header: string;
  role: ColumnRole | null;
  unit: MeasureUnit | null;
  unknownUnit: string | null;
  prefix: string | null;
  /** Value group the column belongs to (value columns only). */
  group: number | null;
  /** An NBS `…_当期值` column. */
  nbs: boolean;
}

/** The value columns that make one record of a row (several groups when a row carries several indicators). */
export interface ValueGroup {
  /** Indicator (long template, `本月产值`) or subject (NBS `工业增加值_当期值`) named in the headers. */
  prefix: string | null;
  valueMonth?: number;
  valueYtd?: number;
  value?: number;
  yoyMonth?: number;
  yoyYtd?: number;
}

export type SingleRole = Exclude<ColumnRole, 'valueMonth' | 'valueYtd' | 'value' | 'yoyMonth' | 'yoyYtd' | 'yoy' | 'ignore' | 'note'>;

export interface ColumnPlan {
  layout: UploadLayout;
  headerRows: number[];
  columns: PlannedColumn[];
  /** Column index of each non-value role. */
  single: Partial<Record<SingleRole, number>>;
  groups: ValueGroup[];
}

export interface TitleHints {
  period: Period | null;
  periodText: string | null;
  unit: MeasureUnit | null;
  /** Indicator words found in the title (产值, 营业收入, 增加值 …), normalised. */
  indicatorWord: string | null;
}

/** Rows searched for the header. */
export const HEADER_SEARCH_ROWS = 40;

const SUB_HEADER_VALUE = new Set(['绝对值', '总量', '数值', '值', '金额', '本期', '数量']);

function meaningsOf(cells: string[], reference: 'parks' | 'enterprises' | null): HeaderMeaning[] {
  return cells.map((c, i) => interpretHeader(c, { firstColumn: i === 0 || cells.slice(0, i).every((x) => x.trim() === ''), reference }));
}

function isValueRole(role: ColumnRole | null): boolean {
  return role === 'valueMonth' || role === 'valueYtd' || role === 'value' || role === 'yoyMonth' || role === 'yoyYtd' || role === 'yoy';
}

/** A header row: two understood columns one of which is a figure, or three understood columns (a table missing its figures is then reported as such). */
function headerScore(cells: string[], reference: 'parks' | 'enterprises' | null): { known: number; values: number } {
  const m = meaningsOf(cells, reference);
  const known = m.filter((x) => x.role !== null && x.role !== 'ignore').length;
  const values = m.filter((x) => isValueRole(x.role)).length;
  return { known, values };
}

function isSubHeader(top: string[], bottom: string[]): boolean {
  let marks = 0;
  for (let i = 0; i < bottom.length; i++) {
    const b = stripUnits(normalizeLabel(bottom[i] ?? ''));
    if (!b) continue;
    const role = interpretHeader(bottom[i]).role;
    if (SUB_HEADER_VALUE.has(b) || role === 'yoy' || role === 'yoyMonth' || role === 'yoyYtd') marks++;
    else return false;
  }
  return marks >= 2 && top.some((t) => t.trim() === '');
}

/** Joins a two-row header: `本月` over `绝对值 | 同比增长%` → `本月/绝对值`, `本月/同比增长%`. */
function mergeHeaderRows(top: string[], bottom: string[]): string[] {
  const width = Math.max(top.length, bottom.length);
  const out: string[] = [];
  let owner = '';
  for (let i = 0; i < width; i++) {
    const t = (top[i] ?? '').trim();
    const b = (bottom[i] ?? '').trim();
    if (t) owner = t;
    const head = t || (b ? owner : '');
    out.push(b ? `${head}/${b}` : head);
  }
  return out;
}

/** Meaning of a merged `top/bottom` header. */
function interpretMerged(text: string, first: boolean, reference: 'parks' | 'enterprises' | null): HeaderMeaning {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return interpretHeader(text, { firstColumn: first, reference });
  const topText = text.slice(0, slash);
  const bottomText = text.slice(slash + 1);
  const top = interpretHeader(topText, { firstColumn: first, reference });
  const bottomNorm = stripUnits(normalizeLabel(bottomText));
  const bottom = interpretHeader(bottomText);
  if (SUB_HEADER_VALUE.has(bottomNorm)) return { ...top, unit: top.unit ?? bottom.unit };
  if (bottom.role === 'yoy' || bottom.role === 'yoyMonth' || bottom.role === 'yoyYtd') {
    const role: ColumnRole = top.role === 'valueMonth' ? 'yoyMonth' : top.role === 'valueYtd' ? 'yoyYtd' : bottom.role;
    return { ...top, role, unit: '%' };
  }
  return top;
}

export interface HeaderSearch {
  /** Index in `rows` of the (first) header row, or -1. */
  index: number;
  /** 2 for a two-row header. */
  height: 1 | 2;
  cells: string[];
}

/** The header among the first rows, or index −1. */
export function findHeader(rows: SheetRow[], dataset: UploadDataset | null): HeaderSearch {
  const reference = dataset === 'parks' || dataset === 'enterprises' ? dataset : null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = rows[i].cells;
    const { known, values } = headerScore(cells, reference);
    const next = rows[i + 1]?.cells;
    if (next && known >= 1 && isSubHeader(cells, next)) {
      const merged = mergeHeaderRows(cells, next);
      const m = merged.map((c, j) => interpretMerged(c, j === 0, reference));
      if (m.filter((x) => isValueRole(x.role)).length >= 1) return { index: i, height: 2, cells: merged };
    }
    if ((known >= 2 && (values >= 1 || reference !== null || hasReferenceShape(cells))) || known >= 3) return { index: i, height: 1, cells };
  }
  return { index: -1, height: 1, cells: [] };
}

function hasReferenceShape(cells: string[]): boolean {
  const m = meaningsOf(cells, null).map((x) => x.role);
  const listOnly = m.some((r) => r !== null && REFERENCE_ONLY_ROLES.includes(r));
  return (
    (m.includes('creditCode') && (m.includes('enterpriseName') || listOnly)) ||
    m.filter((r) => r === 'regionCode' || r === 'regionName' || r === 'districtName').length >= 2 ||
    ((m.includes('regionCode') || m.includes('regionName')) && listOnly)
  );
}

/** Columns only reference lists have (a park's district, area, industries; an enterprise's tier flags). */
const REFERENCE_ONLY_ROLES: ColumnRole[] = ['districtName', 'zoneName', 'landArea', 'industries', 'aboveScale', 'hnte', 'littleGiant', 'champion', 'chainLeader'];

/** Title rows: a period (`2024年1-10月`), a unit (`单位：亿元`, `（亿元）`), an indicator word. */
export function titleHints(titleRows: SheetRow[]): TitleHints {
  const hints: TitleHints = { period: null, periodText: null, unit: null, indicatorWord: null };
  for (const r of titleRows) {
    for (const cell of r.cells) {
      const text = cell.trim();
      if (!text) continue;
      if (!hints.period) {
        const found = findPeriodInText(text);
        if (found) {
          hints.period = found.period;
          hints.periodText = found.text;
        }
      }
      if (!hints.unit) {
        const unitMatch = /(?:计量)?单位[:：]\s*([^\s,，;；)）]+)/.exec(text.normalize('NFKC'));
        const u = detectUnit(unitMatch ? `单位:${unitMatch[1]}` : text);
        if (u.kind === 'unit' && u.unit !== '%') hints.unit = u.unit;
      }
      if (!hints.indicatorWord) {
        const w = /(地区生产总值|GDP|规模以上工业增加值|规上工业增加值|增加值|营业收入|营收|工业总产值|产值)/i.exec(text.normalize('NFKC'));
        if (w) hints.indicatorWord = normalizeLabel(w[1]);
      }
    }
  }
  return hints;
}

const TITLE_PERIOD_PATTERNS = [
  /\d{4}\s*年\s*1\s*[-—–~～至到]\s*\d{1,2}\s*月(?:份)?(?:累计)?/,
  /\d{4}\s*年\s*前\s*[一二三1-3]\s*季度?/,
  /\d{4}\s*年\s*第?\s*[一二三四1-4]\s*季度/,
  /\d{4}\s*年\s*\d{1,2}\s*月(?:份)?(?:累计)?/,
  /\d{4}\s*年\s*[上下]半年/,
  /\d{4}\s*[-/.]\s*\d{1,2}(?!\d)/,
  /\d{4}\s*年\s*(?:全年|年度)?/,
];

/** The first period written in a title: `2024年1-10月厦门市规模以上工业…` → 1-10月 2024. */
export function findPeriodInText(text: string): { period: Period; text: string } | null {
  const s = text.normalize('NFKC');
  for (const pattern of TITLE_PERIOD_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const parsed = parsePeriod(m[0]);
    if (parsed.ok) return { period: parsed.period, text: m[0].trim() };
  }
  return null;
}

export interface PlanResult {
  plan: ColumnPlan;
  issues: Issue[];
}

/**
 * What each column means, its value group, and the layout. Problems of the header (unknown,
 * duplicated, ambiguous columns) are file-level errors; columns without a header are ignored with a
 * warning.
 */
export function buildColumnPlan(headerCells: string[], headerRows: number[], dataset: UploadDataset | null): PlanResult {
  const reference = dataset === 'parks' || dataset === 'enterprises' ? dataset : null;
  const issues: Issue[] = [];
  const headerRow = headerRows[0];
  const columns: PlannedColumn[] = headerCells.map((text, index) => {
    const m = text.includes('/') && headerRows.length === 2 ? interpretMerged(text, index === 0, reference) : interpretHeader(text, { firstColumn: index === 0, reference });
    return { index, header: text.trim(), role: m.role, unit: m.unit, unknownUnit: m.unknownUnit, prefix: m.prefix, group: null, nbs: m.nbs };
  });

  // 同比增长% columns belong to the value column on their left.
  let lastValue: ColumnRole | null = null;
  for (const c of columns) {
    if (c.role === 'valueMonth' || c.role === 'valueYtd' || c.role === 'value') lastValue = c.role;
    else if (c.role === 'yoy') {
      if (lastValue === 'valueMonth' || lastValue === 'value') c.role = 'yoyMonth';
      else if (lastValue === 'valueYtd') c.role = 'yoyYtd';
      else
        issues.push(
          issueError(UploadIssueCode.ColumnAmbiguous, `无法判断第 ${c.index + 1} 列「${c.header}」是本月还是累计的同比增长，请把它放在对应数值列的右边，或改为「本月同比增长(%)」/「累计同比增长(%)」`, {
            row: headerRow,
            column: c.header,
          }),
        );
    }
  }

  const nbs = columns.some((c) => c.nbs);
  const hasPeriod = columns.some((c) => c.role === 'period');
  const first = columns.find((c) => c.header !== '');
  const isBureau =
    !nbs &&
    !reference &&
    (columns.some((c) => c.role === 'label') || (!hasPeriod && first !== undefined && (first.role === 'industryName' || first.role === 'regionName') && columns.some((c) => c.role === 'unit')));
  const layout: UploadLayout = reference || (dataset === null && !columns.some((c) => c.role !== null && isValueRole(c.role)) && hasReferenceShape(headerCells))
    ? 'reference'
    : nbs
      ? 'nbs'
      : isBureau
        ? 'bureau'
        : 'long';
  if (layout === 'bureau' && first && (first.role === 'industryName' || first.role === 'regionName')) first.role = 'label';

  // Unknown and unnamed columns.
  for (const c of columns) {
    if (c.role !== null) continue;
    if (c.header === '') continue;
    issues.push(
      issueError(UploadIssueCode.ColumnUnknown, `第 ${c.index + 1} 列「${c.header}」不是本系统认识的列名。${knownColumnsHint(dataset)}如果这一列不需要导入，请删除它`, {
        row: headerRow,
        column: c.header,
      }),
    );
  }

  // Value groups by prefix.
  const groups: ValueGroup[] = [];
  const groupOf = new Map<string, number>();
  for (const c of columns) {
    if (!c.role || !isValueRole(c.role)) continue;
    const key = c.prefix ?? '';
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push({ prefix: c.prefix });
      groupOf.set(key, g);
    }
    const group = groups[g];
    const role = c.role as 'valueMonth' | 'valueYtd' | 'value' | 'yoyMonth' | 'yoyYtd';
    if (group[role] !== undefined) {
      const other = columns[group[role]!];
      issues.push(
        issueError(UploadIssueCode.ColumnDuplicated, `第 ${other.index + 1} 列「${other.header}」和第 ${c.index + 1} 列「${c.header}」都是${ROLE_LABELS[role]}${c.prefix ? `（${c.prefix}）` : ''}，请删除其中一列`, {
          row: headerRow,
          column: c.header,
        }),
      );
      continue;
    }
    group[role] = c.index;
    c.group = g;
  }

  const single: Partial<Record<SingleRole, number>> = {};
  for (const c of columns) {
    if (!c.role || isValueRole(c.role) || c.role === 'ignore' || c.role === 'note') continue;
    const role = c.role as SingleRole;
    if (single[role] !== undefined) {
      const other = columns[single[role]!];
      issues.push(
        issueError(UploadIssueCode.ColumnDuplicated, `第 ${other.index + 1} 列「${other.header}」和第 ${c.index + 1} 列「${c.header}」都是「${ROLE_LABELS[role]}」，请删除其中一列`, {
          row: headerRow,
          column: c.header,
        }),
      );
      continue;
    }
    single[role] = c.index;
  }

  for (const c of columns) {
    if (c.unknownUnit && c.role && isValueRole(c.role) && !c.role.startsWith('yoy')) {
      issues.push(
        issueError(UploadIssueCode.UnitUnknown, `第 ${c.index + 1} 列「${c.header}」的单位「${c.unknownUnit}」无法换算，金额请用 元、千元、万元 或 亿元`, { row: headerRow, column: c.header }),
      );
    }
  }

  return { plan: { layout, headerRows, columns, single, groups }, issues };
}

export function knownColumnsHint(dataset: UploadDataset | null): string {
  switch (dataset) {
    case 'enterprise-monthly':
      return '可用的列名有：期间、统一社会信用代码、企业名称、指标、计量单位、本月、本月同比增长(%)、1-本月累计、累计同比增长(%)。';
    case 'region-monthly':
      return '可用的列名有：期间、区域代码、区域名称（区或园区）、产业、指标、计量单位、本月、本月同比增长(%)、1-本月累计、累计同比增长(%)。';
    case 'macro':
      return '可用的列名有：期间、指标、产业、区域、频度、计量单位、本期、同比增长(%)、累计、累计同比增长(%)。';
    case 'parks':
      return '可用的列名有：园区代码、园区名称、所属区、所属开发区、占地面积(亩)、主导产业、备注。';
    case 'enterprises':
      return '可用的列名有：统一社会信用代码、企业名称、所属园区、所属区、所属产业、规上、国家高新技术企业、专精特新小巨人、单项冠军、链主。';
    default:
      return '可用的列名有：期间、产业代码、产业名称、区域、指标、计量单位、本月、本月同比增长(%)、1-本月累计、累计同比增长(%)（也可用统计局报表格式：指标名称、计量单位、本月、同比增长%、1-本月累计、同比增长%）。';
  }
}

/** Dataset implied by the columns when the user did not choose one (null: decided by the row labels). */
export function datasetFromColumns(plan: ColumnPlan): UploadDataset | null {
  const has = (r: SingleRole) => plan.single[r] !== undefined;
  const hasValues = plan.groups.length > 0;
  if (has('creditCode')) return hasValues ? 'enterprise-monthly' : 'enterprises';
  if (plan.layout === 'reference') return plan.columns.some((c) => c.role !== null && ['regionCode', 'regionName', 'districtName', 'zoneName', 'landArea', 'industries'].includes(c.role)) ? 'parks' : null;
  if (plan.layout === 'bureau' || plan.layout === 'nbs') return has('industryCode') || has('industryName') ? 'industry-monthly' : null;
  // 频度 (month / quarter / year) is a column of macro figures only.
  if (has('granularity')) return 'macro';
  if (has('industryCode') || has('industryName')) return 'industry-monthly';
  if (has('regionCode') || has('regionName')) return 'region-monthly';
  if (has('indicator') || plan.groups.some((g) => g.prefix)) return 'macro';
  return null;
}
