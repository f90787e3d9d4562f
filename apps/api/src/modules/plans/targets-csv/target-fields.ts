/**
 * The flat, textual form of a target shared by the CSV file and the JSON requests: one field per
 * column of `seeds/reference/targets.csv`, each a trimmed string or null (empty). Validation turns it
 * into a typed target; the mapper turns a stored target back into it (for export and for diffs).
 */
export const TARGET_FIELDS = [
  'planCode',
  'code',
  'name',
  'subjectType',
  'industryCode',
  'regionCode',
  'indicatorCode',
  'denominatorIndustryCode',
  'denominatorRegionCode',
  'denominatorIndicatorCode',
  'kind',
  'comparator',
  'targetValue',
  'targetYear',
  'baselineValue',
  'baselineYear',
  'baselineScopeLabel',
  'unit',
  'sourceDocument',
  'sourceArticle',
  'note',
] as const;

export type TargetField = (typeof TARGET_FIELDS)[number];
export type TargetFields = Record<TargetField, string | null>;

interface ColumnSpec {
  /** Column name in the CSV file (as in seeds/reference/targets.csv). */
  column: string;
  /** Name a clerk understands, used in messages. */
  label: string;
  /** Numeric cells are written as plain numbers on export (never formula-escaped). */
  numeric?: boolean;
}

/** Column of each field, in the file's order. */
export const TARGET_COLUMNS: Readonly<Record<TargetField, ColumnSpec>> = Object.freeze({
  planCode: { column: 'plan_code', label: '规划代码' },
  code: { column: 'code', label: '目标代码' },
  name: { column: 'name', label: '目标名称' },
  subjectType: { column: 'subject_type', label: '对象类型' },
  industryCode: { column: 'industry_code', label: '产业代码' },
  regionCode: { column: 'region_code', label: '区域代码' },
  indicatorCode: { column: 'indicator_code', label: '指标代码' },
  denominatorIndustryCode: { column: 'denominator_industry_code', label: '分母产业代码' },
  denominatorRegionCode: { column: 'denominator_region_code', label: '分母区域代码' },
  denominatorIndicatorCode: { column: 'denominator_indicator_code', label: '分母指标代码' },
  kind: { column: 'kind', label: '目标类型' },
  comparator: { column: 'comparator', label: '比较方式' },
  targetValue: { column: 'target_value', label: '目标值', numeric: true },
  targetYear: { column: 'target_year', label: '目标年份', numeric: true },
  baselineValue: { column: 'baseline_value', label: '基期值', numeric: true },
  baselineYear: { column: 'baseline_year', label: '基期年份', numeric: true },
  baselineScopeLabel: { column: 'baseline_scope_label', label: '基期口径说明' },
  unit: { column: 'unit', label: '单位' },
  sourceDocument: { column: 'source_document', label: '来源文件' },
  sourceArticle: { column: 'source_article', label: '来源条款' },
  note: { column: 'note', label: '备注' },
});

/** The header line of a targets file. */
export const TARGET_CSV_HEADER: readonly string[] = TARGET_FIELDS.map((f) => TARGET_COLUMNS[f].column);

/** `产业代码(industry_code)`: how messages name a field. */
export function fieldLabel(field: TargetField): string {
  return `${TARGET_COLUMNS[field].label}(${TARGET_COLUMNS[field].column})`;
}

/** A TargetFields with every field empty, then the given ones. */
export function targetFields(values: Partial<TargetFields>): TargetFields {
  const out = {} as TargetFields;
  for (const f of TARGET_FIELDS) out[f] = values[f] ?? null;
  return out;
}
