/**
 * Who a row is about: indicator × industry × region × enterprise, resolved from codes or names to
 * reference data. Unknown names are errors with the closest known names; a credit code is checked
 * (length, alphabet, check character) before it is looked up. Results are cached per distinct text,
 * so a million enterprise rows resolve a few thousand codes.
 */
import type { IndicatorKind, UploadDataset } from '@im/contracts';
import { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from '@im/domain';
import { normalizeLabel } from '../header/column-dictionary';
import type { TitleHints } from '../header/header-plan';
import type { RawCell, RawRecord } from '../layout/row-reader';
import type { Lookup, RefEnterprise, RefIndicator, RefIndustry, RefRegion, ReferenceIndex } from '../reference/reference-index';
import { issueError, issueWarning, UploadIssueCode, type Issue } from '../report/issues';

export interface Subject {
  indicator: RefIndicator;
  industry: RefIndustry | null;
  region: RefRegion;
  enterprise: RefEnterprise | null;
}

export interface SubjectResolution {
  subject: Subject | null;
  issues: Issue[];
}

export const CREDIT_PROBLEM_TEXT = {
  length: (code: string) => `统一社会信用代码「${code}」应为 18 位，实际 ${code.length} 位`,
  charset: (code: string) => `统一社会信用代码「${code}」含有不允许的字符（只能是数字和大写字母，且不含 I、O、Z、S、V）`,
  checkDigit: (code: string) => {
    let expected = '?';
    try {
      expected = creditCodeCheckChar(code.slice(0, 17));
    } catch {
      // charset problems are reported above
    }
    return `统一社会信用代码「${code}」的校验位不对（按前 17 位，第 18 位应为「${expected}」），请核对是否抄错`;
  },
};

function lookupIssue(
  lookup: Lookup<{ code?: string; name: string }>,
  what: string,
  cell: RawCell,
  row: number,
  unknownCode: UploadIssueCode,
  ambiguousCode: UploadIssueCode,
): Issue | null {
  if (lookup.kind === 'found') return null;
  if (lookup.kind === 'ambiguous') {
    const list = lookup.items.map((i) => `${i.name}（${i.code}）`).join('、');
    return issueError(ambiguousCode, `${what}「${cell.text.trim()}」对应多个：${list}，请改填代码`, { row, column: cell.column, value: cell.text, suggestions: lookup.items.map((i) => i.code ?? i.name) });
  }
  const hint = lookup.suggestions.length ? `，是否是：${lookup.suggestions.join('、')}？` : '';
  return issueError(unknownCode, `系统中没有${what}「${cell.text.trim()}」${hint}（名称须与系统登记的一致，也可以填代码）`, {
    row,
    column: cell.column,
    value: cell.text,
    suggestions: lookup.suggestions,
  });
}

const present = (c: RawCell | undefined): c is RawCell => c !== undefined && c.text.trim() !== '';

/**
 * A subject named by a code column and/or a name column (industry, region): the code wins; a name
 * naming another subject than the code is an error; an unknown name beside a known code is an error
 * for industries (`mismatch`) and left to the code for regions (`ignore`); without a code the name
 * must resolve.
 */
function resolveCodeAndName<T extends { id: number; code: string; name: string }>(
  codeCell: RawCell | undefined,
  nameCell: RawCell | undefined,
  lookup: (text: string) => Lookup<T>,
  row: number,
  issues: Issue[],
  o: { codeLabel: string; nameLabel: string; what: string; unknown: UploadIssueCode; ambiguous: UploadIssueCode; unknownNameBesideCode: 'mismatch' | 'ignore' },
): T | null {
  let found: T | null = null;
  if (present(codeCell)) {
    const l = lookup(codeCell.text);
    if (l.kind === 'found') found = l.item;
    else issues.push(lookupIssue(l, o.codeLabel, codeCell, row, o.unknown, o.ambiguous)!);
  }
  if (!present(nameCell)) return found;
  const mismatch = (byCode: T) =>
    issueError(UploadIssueCode.CodeNameMismatch, `${o.codeLabel}「${byCode.code}」是「${byCode.name}」，与${o.nameLabel}「${nameCell.text.trim()}」不一致，请核对`, {
      row,
      column: nameCell.column,
      value: nameCell.text,
    });
  const l = lookup(nameCell.text);
  if (l.kind === 'found') {
    if (found && found.id !== l.item.id) issues.push(mismatch(found));
    return found ?? l.item;
  }
  if (!found) issues.push(lookupIssue(l, o.what, nameCell, row, o.unknown, o.ambiguous)!);
  else if (l.kind === 'unknown' && o.unknownNameBesideCode === 'mismatch') issues.push(mismatch(found));
  return found;
}

export class SubjectResolver {
  private readonly cache = new Map<string, { subject: Subject | null; issues: Issue[] }>();
  private readonly titleIndicator: RefIndicator | null;

  constructor(
    private readonly index: ReferenceIndex,
    private readonly dataset: UploadDataset,
    hints: TitleHints,
  ) {
    const word = hints.indicatorWord;
    const found = word ? index.indicator(word) : null;
    this.titleIndicator = found?.kind === 'found' ? found.item : null;
  }

  /** Cache key: every text that decides the subject. */
  private keyOf(r: RawRecord): string {
    const c = r.cells;
    const t = (cell: RawCell | undefined) => (cell === undefined ? '' : cell.text);
    return `${t(c.industryCode)}\u0001${t(c.industryName)}\u0001${t(c.regionCode)}\u0001${t(c.regionName)}\u0001${t(c.creditCode)}\u0001${t(c.enterpriseName)}\u0001${t(c.indicator)}\u0001${r.label?.name ?? ''}\u0001${r.prefix ?? ''}`;
  }

  resolve(record: RawRecord): SubjectResolution {
    const key = this.keyOf(record);
    const cached = this.cache.get(key);
    if (cached) return cached.issues.length === 0 ? cached : { subject: cached.subject, issues: cached.issues.map((i) => ({ ...i, row: record.row })) };
    const result = this.resolveUncached(record);
    this.cache.set(key, result);
    return result;
  }

  private resolveUncached(r: RawRecord): SubjectResolution {
    const issues: Issue[] = [];
    const row = r.row;
    const c = r.cells;

    // Indicator named explicitly (column, value-header prefix).
    let indicator: RefIndicator | null = null;
    let prefixIsSubject = false;
    if (present(c.indicator)) {
      const l = this.index.indicator(c.indicator.text);
      if (l.kind === 'found') indicator = l.item;
      else {
        const label = this.index.indicatorLabel(c.indicator.text);
        if (label) indicator = label.indicator;
        else issues.push(lookupIssue(l, '指标', c.indicator, row, UploadIssueCode.IndicatorUnknown, UploadIssueCode.IndicatorUnknown)!);
      }
    } else if (r.prefix) {
      const l = this.index.indicator(r.prefix);
      if (l.kind === 'found') indicator = l.item;
      else prefixIsSubject = true;
    }

    // Industry and region from their code / name columns.
    let industry = resolveCodeAndName(c.industryCode, c.industryName, (text) => this.index.industry(text), row, issues, {
      codeLabel: '产业代码',
      nameLabel: '产业名称',
      what: '产业',
      unknown: UploadIssueCode.IndustryUnknown,
      ambiguous: UploadIssueCode.IndustryAmbiguous,
      unknownNameBesideCode: 'mismatch',
    });
    let region = resolveCodeAndName(c.regionCode, c.regionName, (text) => this.index.region(text), row, issues, {
      codeLabel: '区域代码',
      nameLabel: '区域名称',
      what: '区域或园区',
      unknown: UploadIssueCode.RegionUnknown,
      ambiguous: UploadIssueCode.RegionUnknown,
      unknownNameBesideCode: 'ignore',
    });

    // The bureau row label (or an NBS prefix naming the subject).
    const labelText = r.label?.name ?? (prefixIsSubject ? r.prefix : null);
    const labelCell: RawCell | null = r.label?.cell ?? (prefixIsSubject && r.prefix ? { text: r.prefix, column: r.values.valueMonth?.column ?? r.values.valueYtd?.column ?? r.prefix, unit: null, unknownUnit: null } : null);
    if (labelText !== null && labelText !== undefined && labelCell) {
      if (labelText.trim() === '') {
        issues.push(issueError(UploadIssueCode.SubjectMissing, '这一行没有指标名称（第一列为空），无法知道数据属于哪个产业或区域', { row, column: labelCell.column }));
      } else {
        const resolved = this.resolveLabel(labelText);
        if (resolved) {
          if (resolved.indicator) indicator ??= resolved.indicator;
          if (resolved.industry) industry ??= resolved.industry;
          if (resolved.region) region ??= resolved.region;
        } else {
          const suggestions = this.labelSuggestions(labelText);
          const hint = suggestions.length ? `，是否是：${suggestions.join('、')}？` : '';
          const what = this.dataset === 'region-monthly' ? '区域或园区' : this.dataset === 'macro' ? '指标' : '产业';
          issues.push(
            issueError(
              this.dataset === 'region-monthly' ? UploadIssueCode.RegionUnknown : this.dataset === 'macro' ? UploadIssueCode.IndicatorUnknown : UploadIssueCode.IndustryUnknown,
              `系统中没有${what}「${labelText.trim()}」${hint}（名称须与系统登记的一致）`,
              { row, column: labelCell.column, value: labelText, suggestions },
            ),
          );
        }
      }
    }

    // Enterprise.
    let enterprise: RefEnterprise | null = null;
    if (this.dataset === 'enterprise-monthly') {
      if (present(c.creditCode)) {
        const code = normalizeCreditCode(c.creditCode.text);
        const problem = checkCreditCode(code);
        if (problem) {
          issues.push(issueError(UploadIssueCode.CreditCodeInvalid, CREDIT_PROBLEM_TEXT[problem](code), { row, column: c.creditCode.column, value: c.creditCode.text }));
        } else {
          enterprise = this.index.enterprise(code) ?? null;
          if (!enterprise) {
            const named = present(c.enterpriseName) ? this.index.enterpriseByName(c.enterpriseName.text) : null;
            const hint =
              named?.kind === 'found'
                ? `；系统中「${named.item.name}」的信用代码是 ${named.item.creditCode}，请核对`
                : named?.kind === 'unknown' && named.suggestions.length
                  ? `；名称相近的企业：${named.suggestions.join('、')}`
                  : '';
            issues.push(
              issueError(UploadIssueCode.EnterpriseUnknown, `系统中没有统一社会信用代码为「${code}」的企业${present(c.enterpriseName) ? `（${c.enterpriseName.text.trim()}）` : ''}${hint}。新企业请先在「企业名录」中导入`, {
                row,
                column: c.creditCode.column,
                value: c.creditCode.text,
                suggestions: named?.kind === 'unknown' ? named.suggestions : named?.kind === 'found' ? [named.item.name] : undefined,
              }),
            );
          } else if (present(c.enterpriseName) && normalizeLabel(c.enterpriseName.text) !== normalizeLabel(enterprise.name)) {
            issues.push(
              issueWarning(UploadIssueCode.NameMismatch, `企业名称「${c.enterpriseName.text.trim()}」与系统登记的「${enterprise.name}」不一致，已按信用代码对应到「${enterprise.name}」`, {
                row,
                column: c.enterpriseName.column,
                value: c.enterpriseName.text,
              }),
            );
          }
        }
      } else {
        issues.push(issueError(UploadIssueCode.SubjectMissing, '统一社会信用代码为空，无法确定是哪家企业', { row, column: (c.creditCode as RawCell | undefined)?.column ?? null }));
      }
      if (enterprise) {
        region ??= this.index.regionById(enterprise.parkId ?? enterprise.districtId ?? -1) ?? null;
        if (!industry && enterprise.industryIds.length === 1) industry = this.index.industryById(enterprise.industryIds[0]) ?? null;
      }
    }

    if (issues.some((i) => i.severity === 'error')) return { subject: null, issues };

    // Required subject parts by dataset.
    if (this.dataset === 'industry-monthly' && !industry && !indicator) {
      issues.push(issueError(UploadIssueCode.SubjectMissing, '产业代码和产业名称都为空，无法知道数据属于哪个产业', { row }));
      return { subject: null, issues };
    }
    if (this.dataset === 'region-monthly' && !region) {
      issues.push(issueError(UploadIssueCode.SubjectMissing, '区域（区或园区）为空，无法知道数据属于哪个区域', { row }));
      return { subject: null, issues };
    }

    region ??= this.index.city ?? null;
    if (!region) {
      issues.push(issueError(UploadIssueCode.RegionUnknown, '系统中没有城市（厦门市）这一区域，请先加载参考数据', { row }));
      return { subject: null, issues };
    }

    indicator ??= this.titleIndicator ?? (industry?.indicatorId ? (this.index.indicatorById(industry.indicatorId) ?? null) : null);
    if (!indicator) {
      const why = industry ? `「${industry.name}」是产业分组，没有默认指标` : '没有指标';
      issues.push(issueError(UploadIssueCode.IndicatorMissing, `${why}，请填写指标（产值、营业收入或增加值），或在表头写明（如「本月产值」）`, { row }));
      return { subject: null, issues };
    }
    return { subject: { indicator, industry, region, enterprise }, issues };
  }

  /** A bureau label: an industry, a region or an indicator (of an industry), in the order the dataset suggests. */
  private resolveLabel(text: string): { indicator?: RefIndicator; industry?: RefIndustry; region?: RefRegion } | null {
    const asIndustry = () => {
      const l = this.index.industry(text);
      return l.kind === 'found' ? { industry: l.item } : null;
    };
    const asRegion = () => {
      const l = this.index.region(text);
      return l.kind === 'found' ? { region: l.item } : null;
    };
    const asIndicator = () => {
      const l = this.index.indicatorLabel(text);
      return l ? { indicator: l.indicator, industry: l.industry ?? undefined } : null;
    };
    const order = this.dataset === 'region-monthly' ? [asRegion, asIndustry, asIndicator] : this.dataset === 'macro' ? [asIndicator, asIndustry, asRegion] : [asIndustry, asIndicator, asRegion];
    for (const f of order) {
      const found = f();
      if (found) return found;
    }
    return null;
  }

  private labelSuggestions(text: string): string[] {
    const l =
      this.dataset === 'region-monthly' ? this.index.region(text) : this.dataset === 'macro' ? this.index.indicator(text) : this.index.industry(text);
    return l.kind === 'unknown' ? l.suggestions : [];
  }
}

export function indicatorKindOf(subject: Subject): IndicatorKind {
  return subject.indicator.kind;
}
