import type { TargetImportErrorDto, TargetImportRowDto } from '@im/contracts';
import type { ParsedTargetsCsv } from './parse-targets-csv';
import { TARGET_COLUMNS, TARGET_FIELDS, type TargetField, type TargetFields } from './target-fields';
import { annualYearRange, validateTarget, type FieldError, type TargetValidationContext, type ValidTarget } from './validate-target';

/** A stored target of the plan, in text form, with the years of its annual targets. */
export interface ExistingTarget {
  id: number;
  fields: TargetFields;
  annualYears: number[];
}

export interface TargetImportPlan {
  inserts: { line: number; target: ValidTarget }[];
  updates: { line: number; id: number; target: ValidTarget; changed: TargetField[] }[];
  rows: TargetImportRowDto[];
  notInFile: string[];
  errors: TargetImportErrorDto[];
}

export function toImportError(line: number, e: FieldError): TargetImportErrorDto {
  return { row: line, column: e.field ? TARGET_COLUMNS[e.field].column : null, code: e.code, message: e.message };
}

/** Annual targets that a changed target/baseline year would leave outside the allowed years. */
export function annualYearsOutOfRange(target: ValidTarget, annualYears: readonly number[], ctx: TargetValidationContext): FieldError | null {
  const { from, to } = annualYearRange(target.values, ctx.plan);
  const outside = annualYears.filter((y) => y < from || y > to).sort((a, b) => a - b);
  if (!outside.length) return null;
  const allowed = from <= to ? `${from}–${to} 年` : '任何年份（基期与目标年份之间没有年份）';
  return {
    field: target.values.baselineYear !== null && outside.some((y) => y <= target.values.baselineYear!) ? 'baselineYear' : 'targetYear',
    code: 'annual_targets_out_of_range',
    message: `目标"${target.values.code}"已录入 ${outside.join('、')} 年的年度目标，按新的基期/目标年份只允许 ${allowed}的年度目标：请先删除这些年度目标再修改年份`,
  };
}

/**
 * Decides what importing a parsed file would do, without touching anything: validates every row
 * (all errors, not only the first), finds codes repeated in the file, and compares each valid row
 * with the stored target of the same code → insert / update (with the changed columns) / unchanged.
 * Targets of the plan missing from the file are listed, never deleted.
 */
export function planTargetImport(parsed: ParsedTargetsCsv, existing: readonly ExistingTarget[], ctx: TargetValidationContext): TargetImportPlan {
  const errors: TargetImportErrorDto[] = [...parsed.errors];
  const byCode = new Map(existing.map((e) => [e.fields.code!, e]));
  const firstLine = new Map<string, number>();
  const plan: TargetImportPlan = { inserts: [], updates: [], rows: [], notInFile: [], errors };

  for (const { line, fields } of parsed.rows) {
    let rowOk = true;
    if (fields.code !== null) {
      const first = firstLine.get(fields.code);
      if (first !== undefined) {
        errors.push({ row: line, column: 'code', code: 'duplicate_code', message: `目标代码"${fields.code}"在第 ${first} 行已经出现过：同一文件中目标代码不能重复` });
        rowOk = false;
      } else firstLine.set(fields.code, line);
    }
    const result = validateTarget(fields, ctx);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => toImportError(line, e)));
      continue;
    }
    if (!rowOk) continue;
    const target = result.target;
    const current = byCode.get(target.values.code);
    if (!current) {
      plan.inserts.push({ line, target });
      plan.rows.push({ row: line, code: target.values.code, action: 'insert', changes: [] });
      continue;
    }
    const outOfRange = annualYearsOutOfRange(target, current.annualYears, ctx);
    if (outOfRange) {
      errors.push(toImportError(line, outOfRange));
      continue;
    }
    const changed = TARGET_FIELDS.filter((f) => (current.fields[f] ?? null) !== (target.fields[f] ?? null));
    if (!changed.length) {
      plan.rows.push({ row: line, code: target.values.code, action: 'unchanged', changes: [] });
      continue;
    }
    plan.updates.push({ line, id: current.id, target, changed });
    plan.rows.push({
      row: line,
      code: target.values.code,
      action: 'update',
      changes: changed.map((f) => ({ column: TARGET_COLUMNS[f].column, from: current.fields[f], to: target.fields[f] })),
    });
  }
  plan.notInFile = existing.map((e) => e.fields.code!).filter((c) => !firstLine.has(c));
  errors.sort((a, b) => a.row - b.row);
  return plan;
}
