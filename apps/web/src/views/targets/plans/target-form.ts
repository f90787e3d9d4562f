/**
 * The target form of the 目标 page: a TargetDto to editable text fields and back to the API's request,
 * the API's field errors to form messages, and the rows of the annual-target table. Pure, unit-tested.
 */
import type {
  CreateTargetRequest,
  IndustryNodeDto,
  IndustryTreeDto,
  RegionNodeDto,
  TargetComparator,
  TargetDto,
  TargetFieldErrorDto,
  TargetKind,
  TargetProgressDto,
  TargetSubjectType,
  UpdateTargetRequest,
} from '@im/contracts';

/** Every field as the form holds it: numbers as the text the user typed (exact decimals go to the API as text). */
export interface TargetForm {
  code: string;
  name: string;
  subjectType: TargetSubjectType;
  industryCode: string;
  regionCode: string;
  indicatorCode: string;
  denominatorIndustryCode: string;
  denominatorRegionCode: string;
  denominatorIndicatorCode: string;
  kind: TargetKind;
  comparator: TargetComparator;
  targetValue: string;
  targetYear: number | null;
  baselineValue: string;
  baselineYear: number | null;
  baselineScopeLabel: string;
  unit: string;
  sourceDocument: string;
  sourceArticle: string;
  note: string;
}

export function emptyTargetForm(planCode: string, endYear: number): TargetForm {
  return {
    code: `${planCode}.`,
    name: '',
    subjectType: 'industry',
    industryCode: '',
    regionCode: '',
    indicatorCode: '',
    denominatorIndustryCode: '',
    denominatorRegionCode: '',
    denominatorIndicatorCode: '',
    kind: 'level',
    comparator: 'gte',
    targetValue: '',
    targetYear: endYear,
    baselineValue: '',
    baselineYear: null,
    baselineScopeLabel: '',
    unit: '亿元',
    sourceDocument: '',
    sourceArticle: '',
    note: '',
  };
}

/** The API's numbers back to text without a float's tail (7000 → "7000", 3.5 → "3.5"). */
const text = (n: number | null | undefined): string => (n == null ? '' : String(n));

export function targetFormOf(t: TargetDto): TargetForm {
  return {
    code: t.code,
    name: t.name,
    subjectType: t.subjectType,
    industryCode: t.numerator.industryCode ?? '',
    regionCode: t.numerator.regionCode ?? '',
    indicatorCode: t.numerator.indicatorCode,
    denominatorIndustryCode: t.denominator?.industryCode ?? '',
    denominatorRegionCode: t.denominator?.regionCode ?? '',
    denominatorIndicatorCode: t.denominator?.indicatorCode ?? '',
    kind: t.kind,
    comparator: t.comparator,
    targetValue: text(t.targetValue),
    targetYear: t.targetYear,
    baselineValue: text(t.baselineValue),
    baselineYear: t.baselineYear,
    baselineScopeLabel: t.baselineScopeLabel ?? '',
    unit: t.unit,
    sourceDocument: t.sourceDocument ?? '',
    sourceArticle: t.sourceArticle ?? '',
    note: t.note ?? '',
  };
}

/** Trimmed text, or null when empty (the API clears an optional field with null). */
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * The request the form stands for. Fields that do not apply are sent as null, so that switching a share
 * target to a level target clears its denominator; the server validates the whole target either way.
 */
export function targetRequestOf(form: TargetForm): CreateTargetRequest {
  const share = form.kind === 'share';
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    subjectType: form.subjectType,
    industryCode: form.subjectType === 'industry' ? orNull(form.industryCode) : null,
    regionCode: form.subjectType === 'city' ? null : orNull(form.regionCode),
    indicatorCode: form.indicatorCode,
    denominatorIndustryCode: share ? orNull(form.denominatorIndustryCode) : null,
    denominatorRegionCode: share ? orNull(form.denominatorRegionCode) : null,
    denominatorIndicatorCode: share ? orNull(form.denominatorIndicatorCode) : null,
    kind: form.kind,
    comparator: form.comparator,
    targetValue: form.targetValue.trim(),
    targetYear: form.targetYear ?? 0,
    baselineValue: orNull(form.baselineValue),
    baselineYear: form.baselineYear ?? null,
    baselineScopeLabel: orNull(form.baselineScopeLabel),
    unit: form.unit.trim(),
    sourceDocument: orNull(form.sourceDocument),
    sourceArticle: orNull(form.sourceArticle),
    note: orNull(form.note),
  };
}

export function targetUpdateOf(form: TargetForm): UpdateTargetRequest {
  const { code: _code, ...rest } = targetRequestOf(form);
  return rest;
}

function isFieldError(e: unknown): e is TargetFieldErrorDto {
  return !!e && typeof e === 'object' && typeof (e as TargetFieldErrorDto).field === 'string' && typeof (e as TargetFieldErrorDto).message === 'string';
}

/**
 * Field messages of a refused save. The service's PLANS_INVALID_TARGET error lists `{ field, message }` in
 * its `details`; the request validation (BAD_REQUEST) joins its messages with "；", each naming its field
 * in brackets, e.g. "目标值(targetValue)应为正数". Messages about a field the form does not show (or about
 * the whole target) are returned under `general` so that none is lost.
 */
export function fieldErrorsOf(details: unknown, shown: ReadonlySet<string>, message = ''): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const add = (field: string | null, text: string) => {
    if (field && shown.has(field) && !fields[field]) fields[field] = text;
    else general.push(text);
  };
  const listed = Array.isArray(details) ? details.filter(isFieldError) : [];
  if (listed.length) for (const e of listed) add(e.field, e.message);
  else if (message) {
    for (const part of message.split('；').filter(Boolean)) {
      const field = /\((\w+)\)/.exec(part)?.[1] ?? null;
      // Under its field the message needs no technical name: "目标值应为正数".
      add(field, field && shown.has(field) ? part.replace(`(${field})`, '') : part);
    }
  }
  return { fields, general };
}

/** One year of the annual-target table: the planned path, the entered 年度目标 and the actual where known. */
export interface AnnualRow {
  year: number;
  planned: number | null;
  entered: number | null;
  note: string | null;
  actual: number | null;
}

/**
 * Years strictly between the baseline year (else the year before the plan starts) and the target year —
 * the years the API accepts annual targets for — with what is known about each (`actuals`: complete-year
 * values in the target's unit).
 */
export function annualRows(target: TargetDto, planStartYear: number, progress: TargetProgressDto | null, actuals: readonly { year: number; value: number }[] = []): AnnualRow[] {
  const from = (target.baselineYear ?? planStartYear - 1) + 1;
  const rows: AnnualRow[] = [];
  for (let year = from; year < target.targetYear; year++) {
    const entered = target.annualTargets.find((a) => a.year === year) ?? null;
    const planned = progress?.plannedPath.find((p) => p.year === year)?.value ?? null;
    const actual = actuals.find((a) => a.year === year)?.value ?? null;
    rows.push({ year, planned, entered: entered?.value ?? null, note: entered?.note ?? null, actual });
  }
  return rows;
}

export interface TreeOption {
  value: string;
  label: string;
  disabled?: boolean;
  children?: TreeOption[];
}

/** Industry trees of every framework for a tree select: frameworks are headings, nodes are choices. */
export function industryOptions(trees: readonly IndustryTreeDto[]): TreeOption[] {
  const node = (n: IndustryNodeDto): TreeOption => ({ value: n.code, label: n.name, children: n.children.length ? n.children.map(node) : undefined });
  return trees.map((tree) => ({ value: `fw:${tree.framework.code}`, label: tree.framework.name, disabled: true, children: tree.roots.map(node) }));
}

export function regionOptions(nodes: readonly RegionNodeDto[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.code, label: n.name, children: n.children.length ? regionOptions(n.children) : undefined }));
}
