import type { IndicatorKind, RegionType, TargetComparator, TargetFieldErrorCode, TargetKind, TargetSubjectType } from '@im/contracts';
import { isAmountUnit, parseNumberCell } from '@im/domain';
import { closestMatches, describeMatches } from './suggest';
import { fieldLabel, TARGET_FIELDS, type TargetField, type TargetFields } from './target-fields';

export interface ReferenceEntry {
  id: number;
  code: string;
  name: string;
}
export interface RegionEntry extends ReferenceEntry {
  type: RegionType;
}
export interface IndicatorEntry extends ReferenceEntry {
  unit: string;
  kind: IndicatorKind;
}

/** The catalog by code, as validation needs it (built from CatalogService by the service). */
export interface ReferenceIndex {
  industries: ReadonlyMap<string, ReferenceEntry>;
  regions: ReadonlyMap<string, RegionEntry>;
  indicators: ReadonlyMap<string, IndicatorEntry>;
}

export interface PlanContext {
  code: string;
  startYear: number;
  endYear: number;
}

export interface TargetValidationContext {
  plan: PlanContext;
  refs: ReferenceIndex;
}

/** A valid target: the column values to store (ids resolved, decimals canonical) and its canonical text form. */
export interface ValidTarget {
  fields: TargetFields;
  values: {
    code: string;
    name: string;
    subjectType: TargetSubjectType;
    industryNodeId: number | null;
    regionId: number | null;
    indicatorId: number;
    denominatorIndustryNodeId: number | null;
    denominatorRegionId: number | null;
    denominatorIndicatorId: number | null;
    kind: TargetKind;
    comparator: TargetComparator;
    targetValue: string;
    targetYear: number;
    baselineValue: string | null;
    baselineYear: number | null;
    baselineScopeLabel: string | null;
    unit: string;
    sourceDocument: string | null;
    sourceArticle: string | null;
    note: string | null;
  };
}

export interface FieldError {
  field: TargetField | null;
  code: TargetFieldErrorCode;
  message: string;
}

export type TargetValidation = { ok: true; target: ValidTarget } | { ok: false; errors: FieldError[] };

/** Limits of the columns (entities/target.entity.ts): DECIMAL(15,4), varchar lengths. */
export const TARGET_LIMITS = {
  codePattern: /^[a-z0-9][a-z0-9._-]{0,63}$/,
  maxIntegerDigits: 11,
  maxDecimals: 4,
  minYear: 1949,
  maxYear: 2100,
  length: { name: 200, unit: 24, baselineScopeLabel: 200, sourceDocument: 200, sourceArticle: 200, note: 1000 } as Partial<Record<TargetField, number>>,
} as const;

const REQUIRED: readonly TargetField[] = ['planCode', 'code', 'name', 'subjectType', 'indicatorCode', 'kind', 'targetValue', 'targetYear', 'unit'];

/** Canonical value ← what a clerk may write (canonical values first). */
const SUBJECT_TYPES: Record<string, TargetSubjectType> = { city: 'city', industry: 'industry', region: 'region', 全市: 'city', 产业: 'industry', 区域: 'region' };
const KINDS: Record<string, TargetKind> = { level: 'level', share: 'share', count: 'count', 水平: 'level', 规模: 'level', 比重: 'share', 占比: 'share', 数量: 'count' };
const COMPARATORS: Record<string, TargetComparator> = { gte: 'gte', gt: 'gt', '>=': 'gte', '≥': 'gte', 达到: 'gte', 不低于: 'gte', '>': 'gt', 超过: 'gt' };

export interface DecimalCheck {
  value: string | null;
  error: FieldError | null;
}

/** A positive exact decimal that fits DECIMAL(15,4): `"7,000"` → `"7000"`, `"3.50"` → `"3.5"`. */
export function checkPositiveDecimal(field: TargetField | null, text: string, label: string, allowPercent = false): DecimalCheck {
  const fail = (code: TargetFieldErrorCode, message: string): DecimalCheck => ({ value: null, error: { field, code, message } });
  const cell = parseNumberCell(text);
  if (cell.kind === 'missing') return fail('invalid_number', `${label}应为正数，而不是"${text}"`);
  if (cell.kind === 'error') return fail('invalid_number', `${label}：${cell.message}`);
  if (cell.percent && !allowPercent) return fail('invalid_number', `${label}"${text}"带有 %，只有单位为 % 的目标才能这样填写`);
  if (!(cell.value > 0)) return fail('not_positive', `${label}应为正数，而不是"${text}"`);
  const [int, frac = ''] = cell.decimal.split('.');
  if (frac.length > TARGET_LIMITS.maxDecimals) return fail('too_many_decimals', `${label}"${text}"的小数超过 ${TARGET_LIMITS.maxDecimals} 位`);
  if (int.length > TARGET_LIMITS.maxIntegerDigits) return fail('too_large', `${label}"${text}"太大（整数部分最多 ${TARGET_LIMITS.maxIntegerDigits} 位）`);
  return { value: cell.decimal, error: null };
}

function parseYear(text: string): number | null {
  const m = /^(\d{4})年?$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const year = Number(m[1]);
  return year >= TARGET_LIMITS.minYear && year <= TARGET_LIMITS.maxYear ? year : null;
}

function pick<T>(aliases: Record<string, T>, text: string): T | undefined {
  const key = text.normalize('NFKC').trim();
  return Object.hasOwn(aliases, key.toLowerCase()) ? aliases[key.toLowerCase()] : Object.hasOwn(aliases, key) ? aliases[key] : undefined;
}

/**
 * Checks one target in its textual form against the rules of a plan target and the catalog; every
 * problem is reported (not only the first). Shared by the JSON endpoints and the CSV import.
 *
 * Rules: required fields; codes `a-z 0-9 . _ -`; kind level|share|count; comparator gte|gt (default gte);
 * subject type consistent with the codes (city: no industry, region empty or the city; industry: an
 * industry node, region optional = the city; region: a district, zone or park, no industry); share
 * targets name a denominator indicator and subject and use the unit %, level/count targets have no
 * denominator; a count target is measured by a stock indicator; the unit converts from the indicator's
 * unit (the same, or 元/千元/万元/亿元 for money); values positive decimals with at most 4 decimals;
 * target year not before the plan's start; baseline value and year together, baseline year before
 * the target year.
 */
export function validateTarget(input: TargetFields, ctx: TargetValidationContext): TargetValidation {
  const errors: FieldError[] = [];
  const err = (field: TargetField | null, code: TargetFieldErrorCode, message: string) => errors.push({ field, code, message });
  const f = input;

  for (const field of REQUIRED) if (f[field] === null) err(field, 'required', `${fieldLabel(field)}不能为空`);
  for (const [field, max] of Object.entries(TARGET_LIMITS.length) as [TargetField, number][]) {
    const v = f[field];
    if (v !== null && [...v].length > max) err(field, 'too_long', `${fieldLabel(field)}太长：最多 ${max} 个字，现有 ${[...v].length} 个`);
  }

  if (f.planCode !== null && f.planCode !== ctx.plan.code) {
    err('planCode', 'plan_mismatch', `规划代码"${f.planCode}"与正在导入的规划"${ctx.plan.code}"不一致：一个文件只能导入同一个规划的目标`);
  }
  if (f.code !== null && !TARGET_LIMITS.codePattern.test(f.code)) {
    err('code', 'invalid_code', `目标代码"${f.code}"只能由小写字母、数字和 . _ - 组成（最多 64 个字符），例如 xm-sei-14.bio-scale`);
  }

  const subjectType = f.subjectType === null ? undefined : pick(SUBJECT_TYPES, f.subjectType);
  if (f.subjectType !== null && !subjectType) {
    err('subjectType', 'invalid_subject_type', `${fieldLabel('subjectType')}应为 city（全市）、industry（产业）或 region（区域），而不是"${f.subjectType}"`);
  }
  const kind = f.kind === null ? undefined : pick(KINDS, f.kind);
  if (f.kind !== null && !kind) {
    err('kind', 'invalid_kind', `${fieldLabel('kind')}应为 level（规模水平）、share（比重）或 count（数量），而不是"${f.kind}"`);
  }
  const comparator: TargetComparator | undefined = f.comparator === null ? 'gte' : pick(COMPARATORS, f.comparator);
  if (!comparator) err('comparator', 'invalid_comparator', `${fieldLabel('comparator')}应为 gte（达到，≥）或 gt（超过，>），而不是"${f.comparator}"`);

  const unitIsPercent = f.unit === '%';
  const targetValue = f.targetValue === null ? null : checkPositiveDecimal('targetValue', f.targetValue, fieldLabel('targetValue'), unitIsPercent);
  if (targetValue?.error) errors.push(targetValue.error);
  const baselineValue = f.baselineValue === null ? null : checkPositiveDecimal('baselineValue', f.baselineValue, fieldLabel('baselineValue'), unitIsPercent);
  if (baselineValue?.error) errors.push(baselineValue.error);

  const year = (field: TargetField): number | null => {
    const text = f[field];
    if (text === null) return null;
    const y = parseYear(text);
    if (y === null) err(field, 'invalid_year', `${fieldLabel(field)}应为 ${TARGET_LIMITS.minYear}–${TARGET_LIMITS.maxYear} 之间的四位年份，而不是"${text}"`);
    return y;
  };
  const targetYear = year('targetYear');
  const baselineYear = year('baselineYear');
  if (targetYear !== null && targetYear < ctx.plan.startYear) {
    err('targetYear', 'target_year_before_plan', `目标年份 ${targetYear} 早于规划期（${ctx.plan.startYear}–${ctx.plan.endYear}年）：目标年份应在规划期内或之后`);
  }
  if (f.baselineValue !== null && f.baselineYear === null) err('baselineYear', 'baseline_incomplete', '填写了基期值，还需要填写基期年份');
  if (f.baselineYear !== null && f.baselineValue === null) err('baselineValue', 'baseline_incomplete', '填写了基期年份，还需要填写基期值');
  if (f.baselineScopeLabel !== null && f.baselineValue === null && f.baselineYear === null) {
    err('baselineScopeLabel', 'baseline_incomplete', '填写了基期口径说明，但没有基期值和基期年份');
  }
  if (targetYear !== null && baselineYear !== null && baselineYear >= targetYear) {
    err('baselineYear', 'baseline_year_not_before_target', `基期年份 ${baselineYear} 应早于目标年份 ${targetYear}`);
  }

  // References to the catalog, with the closest known entries when a code is unknown.
  const resolve = <E extends ReferenceEntry>(field: TargetField, map: ReadonlyMap<string, E>, what: string, code: TargetFieldErrorCode, where: string): E | null => {
    const text = f[field];
    if (text === null) return null;
    const hit = map.get(text) ?? map.get(text.toLowerCase());
    if (hit) return hit;
    const near = closestMatches(text, map.values());
    err(field, code, `未知的${what}"${text}"${near.length ? `，您要找的是不是：${describeMatches(near)}？` : `，请在${where}中查找正确的代码`}`);
    return null;
  };
  const industry = resolve('industryCode', ctx.refs.industries, '产业代码', 'unknown_industry', '“产业体系”');
  const region = resolve('regionCode', ctx.refs.regions, '区域代码', 'unknown_region', '“区域与园区”');
  const indicator = resolve('indicatorCode', ctx.refs.indicators, '指标代码', 'unknown_indicator', '“指标”');
  const denIndustry = resolve('denominatorIndustryCode', ctx.refs.industries, '产业代码', 'unknown_industry', '“产业体系”');
  const denRegion = resolve('denominatorRegionCode', ctx.refs.regions, '区域代码', 'unknown_region', '“区域与园区”');
  const denIndicator = resolve('denominatorIndicatorCode', ctx.refs.indicators, '指标代码', 'unknown_indicator', '“指标”');

  if (subjectType === 'city') {
    if (f.industryCode !== null) err('industryCode', 'subject_mismatch', '对象类型为 city（全市）的目标不填产业代码；按产业考核的目标请把对象类型改为 industry');
    if (region && region.type !== 'city') err('regionCode', 'subject_mismatch', `对象类型为 city（全市）的目标，区域应为全市或留空，而"${region.code}"是${region.name}；考核区、园区请把对象类型改为 region`);
  } else if (subjectType === 'industry') {
    if (f.industryCode === null) err('industryCode', 'required', '对象类型为 industry（产业）的目标需要填写产业代码');
  } else if (subjectType === 'region') {
    if (f.industryCode !== null) err('industryCode', 'subject_mismatch', '对象类型为 region（区域）的目标不填产业代码；考核某区域的某产业请把对象类型改为 industry 并填写区域代码');
    if (f.regionCode === null) err('regionCode', 'required', '对象类型为 region（区域）的目标需要填写区域代码（区、开发区或园区）');
    else if (region && region.type === 'city') err('regionCode', 'subject_mismatch', `"${region.code}"是全市：全市目标请把对象类型改为 city`);
  }

  const denominatorFields: TargetField[] = ['denominatorIndustryCode', 'denominatorRegionCode', 'denominatorIndicatorCode'];
  if (kind === 'share') {
    if (f.denominatorIndicatorCode === null) err('denominatorIndicatorCode', 'denominator_required', '比重目标（share）需要填写分母指标代码，例如 gdp（地区生产总值）');
    if (f.denominatorIndustryCode === null && f.denominatorRegionCode === null) {
      err('denominatorRegionCode', 'denominator_required', '比重目标（share）需要填写分母的对象：分母区域代码（全市填 xm）和/或分母产业代码');
    }
    if (f.unit !== null && !unitIsPercent) err('unit', 'unit_mismatch', `比重目标（share）的单位应为 %，而不是"${f.unit}"`);
  } else if (kind === 'level' || kind === 'count') {
    for (const field of denominatorFields) {
      if (f[field] !== null) err(field, 'denominator_not_allowed', `${kind === 'level' ? '规模水平目标（level）' : '数量目标（count）'}没有分母，请清空${fieldLabel(field)}，或把目标类型改为 share（比重）`);
    }
    if (indicator && f.unit !== null && f.unit !== indicator.unit && !(isAmountUnit(f.unit) && isAmountUnit(indicator.unit))) {
      const hint = isAmountUnit(indicator.unit) ? '金额请用 元、千元、万元 或 亿元' : `请用"${indicator.unit}"`;
      err('unit', 'unit_mismatch', `单位"${f.unit}"无法由指标"${indicator.name}"的计量单位"${indicator.unit}"换算：${hint}`);
    }
    if (kind === 'count' && indicator && indicator.kind !== 'stock') {
      err('indicatorCode', 'indicator_kind_mismatch', `数量目标（count）应使用数量类指标（如企业数），"${indicator.name}"不是；规模目标请把目标类型改为 level`);
    }
  }

  if (errors.length) return { ok: false, errors };

  const canonical = {} as TargetFields;
  for (const field of TARGET_FIELDS) canonical[field] = f[field];
  Object.assign(canonical, {
    subjectType: subjectType!,
    kind: kind!,
    comparator: comparator!,
    targetValue: targetValue!.value,
    targetYear: String(targetYear),
    baselineValue: baselineValue?.value ?? null,
    baselineYear: baselineYear === null ? null : String(baselineYear),
    industryCode: industry?.code ?? null,
    regionCode: region?.code ?? null,
    indicatorCode: indicator!.code,
    denominatorIndustryCode: denIndustry?.code ?? null,
    denominatorRegionCode: denRegion?.code ?? null,
    denominatorIndicatorCode: denIndicator?.code ?? null,
  } satisfies Partial<TargetFields>);

  return {
    ok: true,
    target: {
      fields: canonical,
      values: {
        code: f.code!,
        name: f.name!,
        subjectType: subjectType!,
        industryNodeId: industry?.id ?? null,
        regionId: region?.id ?? null,
        indicatorId: indicator!.id,
        denominatorIndustryNodeId: denIndustry?.id ?? null,
        denominatorRegionId: denRegion?.id ?? null,
        denominatorIndicatorId: denIndicator?.id ?? null,
        kind: kind!,
        comparator: comparator!,
        targetValue: targetValue!.value!,
        targetYear: targetYear!,
        baselineValue: baselineValue?.value ?? null,
        baselineYear,
        baselineScopeLabel: f.baselineScopeLabel,
        unit: f.unit!,
        sourceDocument: f.sourceDocument,
        sourceArticle: f.sourceArticle,
        note: f.note,
      },
    },
  };
}

/** Years an annual target (年度目标) may have: strictly between the baseline year (or the plan's start − 1) and the target year. */
export function annualYearRange(target: { baselineYear: number | null; targetYear: number }, plan: PlanContext): { from: number; to: number } {
  const lower = target.baselineYear ?? plan.startYear - 1;
  return { from: lower + 1, to: target.targetYear - 1 };
}
