/**
 * One raw record → one observation record (subject, period, exact values in the storage unit) or
 * the reasons it cannot be stored. Steps: subject (reference data), period (column, title or the
 * user's choice), unit (row, header or title), numbers; then the figures are put in their place
 * (the merged 1–2月 is a year-to-date figure; annual and stock figures are one level).
 */
import type { Granularity, UploadDataset } from '@im/contracts';
import { AMOUNT_UNIT_EXPONENT, detectUnit, isAmountUnit, type AmountUnit } from '@im/domain';
import type { TitleHints } from '../header/header-plan';
import type { RawCell, RawRecord, ValueRole } from '../layout/row-reader';
import type { ReferenceIndex } from '../reference/reference-index';
import { issueError, issueWarning, UploadIssueCode, type Issue } from '../report/issues';
import { PERCENT_LIMIT_SCALED, VALUE_LIMIT_SCALED } from '../records/scaled';
import { plainScaled, readAmount, readGranularity, readLevel, readPercent, readPeriod, type PeriodReading } from './cells';
import { SubjectResolver, type Subject } from './subject-resolver';

export interface ObservationRecord {
  row: number;
  subject: Subject;
  granularity: Granularity;
  year: number;
  month: number;
  merged: boolean;
  /** Scaled (×10⁴) values in the storage unit; NaN = missing. */
  vMonth: number;
  vYtd: number;
  yoyM: number;
  yoyY: number;
}

export interface ValidationContext {
  dataset: UploadDataset;
  index: ReferenceIndex;
  hints: TitleHints;
  /** Period for rows without a period column: the user's choice, else the title's (text). */
  filePeriodText: string | null;
  today: { year: number; month: number };
}

export interface RecordResult {
  record: ObservationRecord | null;
  issues: Issue[];
  /** The row says nothing (every figure missing): skipped with a warning, not an error. */
  empty: boolean;
}

const ROLE_TEXT: Record<ValueRole, string> = { valueMonth: '本月', valueYtd: '累计', value: '数值', yoyMonth: '本月同比', yoyYtd: '累计同比' };

export class RecordValidator {
  private readonly subjects: SubjectResolver;
  private roundedWarnings = 0;
  /** Periods and units repeat on every row: read each distinct text once. */
  private readonly periods = new Map<string, ReturnType<typeof readPeriod>>();
  private readonly units = new Map<string, ReturnType<typeof detectUnit>>();

  constructor(private readonly ctx: ValidationContext) {
    this.subjects = new SubjectResolver(ctx.index, ctx.dataset, ctx.hints);
  }

  validate(raw: RawRecord): RecordResult {
    const issues: Issue[] = [];
    const row = raw.row;
    const resolved = this.subjects.resolve(raw);
    issues.push(...resolved.issues);

    // Period.
    const periodCell = raw.cells.period;
    const periodText = periodCell ? periodCell.text.trim() : this.ctx.filePeriodText;
    let period: PeriodReading | null = null;
    const forcedText = raw.cells.granularity?.text;
    const forced = readGranularity(forcedText);
    if (forced === undefined) {
      issues.push(issueError(UploadIssueCode.FieldInvalid, `频度「${forcedText?.trim()}」应为 月、季 或 年`, { row, column: raw.cells.granularity?.column, value: forcedText }));
    }
    if (!periodText) {
      issues.push(issueError(UploadIssueCode.PeriodInvalid, '期间为空', { row, column: periodCell?.column ?? null }));
    } else {
      const periodKey = `${periodText}\u0001${forced ?? ''}`;
      let p = this.periods.get(periodKey);
      if (!p) {
        p = readPeriod(periodText, this.ctx.dataset, this.ctx.today, forced ?? null);
        if (this.periods.size < 10_000) this.periods.set(periodKey, p);
      }
      if (p.ok) period = p.value;
      else issues.push(issueError(UploadIssueCode.PeriodInvalid, p.message, { row, column: periodCell?.column ?? null, value: periodText }));
    }

    const subject = resolved.subject;
    if (!subject || !period || issues.some((i) => i.severity === 'error')) return { record: null, issues, empty: false };

    // Macro figures at a quarter end go to the quarterly series when the subject only has one.
    if (this.ctx.dataset === 'macro' && period.granularity === 'month' && period.kind === 'ytd' && period.month % 3 === 0 && !forced) {
      const existing = this.ctx.index.existingGranularities(subject.indicator.id, subject.industry?.id ?? null, subject.region.id);
      if (existing.has('quarter') && !existing.has('month')) period = { ...period, granularity: 'quarter', merged: false };
    }

    // Numbers.
    const amount = subject.indicator.unit === '万元';
    const allowNegative = subject.indicator.code === 'value_added';
    const rowUnit = raw.cells.unit;
    const values: Partial<Record<ValueRole, number>> = {};
    for (const role of Object.keys(raw.values) as ValueRole[]) {
      const cell = raw.values[role]!;
      if (cell.text === '') continue;
      if (role === 'yoyMonth' || role === 'yoyYtd') {
        const fast = plainScaled(cell.text, 4);
        if (fast !== null && fast >= -1_000_000 && Math.abs(fast) <= PERCENT_LIMIT_SCALED) {
          values[role] = fast;
          continue;
        }
        const r = readPercent(cell.text);
        if (r.ok) values[role] = r.value;
        else issues.push(issueError(UploadIssueCode.NumberInvalid, r.message, { row, column: cell.column, value: cell.text }));
        continue;
      }
      if (amount) {
        const unit = this.unitFor(cell, rowUnit, row, issues);
        if (unit === undefined) continue;
        const fast = plainScaled(cell.text, AMOUNT_UNIT_EXPONENT[unit]);
        if (fast !== null && (fast >= 0 || allowNegative) && Math.abs(fast) <= VALUE_LIMIT_SCALED) {
          values[role] = fast;
          continue;
        }
        const r = readAmount(cell.text, unit, { allowNegative });
        if (!r.ok) {
          issues.push(issueError(r.message.includes('负数') ? UploadIssueCode.ValueNegative : r.message.includes('范围') ? UploadIssueCode.ValueOutOfRange : UploadIssueCode.NumberInvalid, r.message, { row, column: cell.column, value: cell.text }));
          continue;
        }
        if (r.value.rounded && this.roundedWarnings++ < 50) {
          issues.push(
            issueWarning(UploadIssueCode.PrecisionRounded, `「${cell.text.trim()}」${unit}换算为万元后超过 4 位小数，已四舍五入到 0.0001 万元（1 元）`, { row, column: cell.column, value: cell.text }),
          );
        }
        values[role] = r.value.scaled;
      } else {
        if (rowUnit && rowUnit.text.trim() && !this.sameUnit(rowUnit.text, subject.indicator.unit)) {
          issues.push(
            issueError(UploadIssueCode.UnitConflict, `计量单位「${rowUnit.text.trim()}」与指标「${subject.indicator.name}」的单位「${subject.indicator.unit}」不一致`, { row, column: rowUnit.column, value: rowUnit.text }),
          );
          break;
        }
        const r = readLevel(cell.text, { allowNegative });
        if (!r.ok) {
          issues.push(issueError(r.message.includes('负数') ? UploadIssueCode.ValueNegative : UploadIssueCode.NumberInvalid, r.message, { row, column: cell.column, value: cell.text }));
          continue;
        }
        values[role] = r.value.scaled;
      }
    }
    if (issues.some((i) => i.severity === 'error')) return { record: null, issues, empty: false };

    // Put the figures in their place.
    const pick = (r: ValueRole) => values[r] ?? NaN;
    let vMonth = pick('valueMonth');
    let vYtd = pick('valueYtd');
    let yoyM = pick('yoyMonth');
    let yoyY = pick('yoyYtd');
    const single = pick('value');
    if (!Number.isNaN(single)) {
      if (period.kind === 'ytd') vYtd = Number.isNaN(vYtd) ? single : vYtd;
      else vMonth = Number.isNaN(vMonth) ? single : vMonth;
    }
    const level = period.granularity === 'year' || subject.indicator.kind !== 'flow';
    if (level) {
      const both = [vMonth, vYtd].filter((v) => !Number.isNaN(v));
      if (both.length === 2 && both[0] !== both[1]) {
        issues.push(
          issueError(UploadIssueCode.NumberInvalid, `${period.granularity === 'year' ? '全年数据' : `「${subject.indicator.name}」是时点数`}只能有一个数值，本月与累计却不同`, { row }),
        );
        return { record: null, issues, empty: false };
      }
      const v = both[0] ?? NaN;
      vMonth = v;
      vYtd = v;
      const yoy = Number.isNaN(yoyY) ? yoyM : yoyY;
      yoyM = yoy;
      yoyY = yoy;
    } else if (period.merged) {
      // 1–2月: the row's 本月 column is the two-month figure, i.e. the year to date at February.
      if (Number.isNaN(vYtd)) vYtd = vMonth;
      if (Number.isNaN(yoyY)) yoyY = yoyM;
      vMonth = NaN;
      yoyM = NaN;
    }
    if ([vMonth, vYtd, yoyM, yoyY].every(Number.isNaN)) {
      issues.push(issueWarning(UploadIssueCode.ValueMissing, '这一行没有任何数值（都为空或「—」），未导入', { row }));
      return { record: null, issues, empty: true };
    }

    return {
      record: { row, subject, granularity: period.granularity, year: period.year, month: period.month, merged: period.merged, vMonth, vYtd, yoyM, yoyY },
      issues,
      empty: false,
    };
  }

  /** The amount unit of a value cell: the row's unit column, else the header's, else the title's. */
  private unitFor(cell: RawCell, rowUnit: RawCell | undefined, row: number, issues: Issue[]): AmountUnit | undefined {
    let fromRow: AmountUnit | null = null;
    if (rowUnit && rowUnit.text.trim()) {
      let d = this.units.get(rowUnit.text);
      if (!d) {
        d = detectUnit(rowUnit.text);
        if (this.units.size < 1000) this.units.set(rowUnit.text, d);
      }
      if (d.kind === 'unit' && isAmountUnit(d.unit)) fromRow = d.unit;
      else {
        issues.push(
          issueError(UploadIssueCode.UnitUnknown, `计量单位「${rowUnit.text.trim()}」无法换算，金额请用 元、千元、万元 或 亿元`, { row, column: rowUnit.column, value: rowUnit.text }),
        );
        return undefined;
      }
    }
    const fromHeader = cell.unit && isAmountUnit(cell.unit) ? cell.unit : null;
    if (fromRow && fromHeader && fromRow !== fromHeader) {
      issues.push(
        issueError(UploadIssueCode.UnitConflict, `计量单位列写的是「${fromRow}」，表头「${cell.column}」写的是「${fromHeader}」，请统一`, { row, column: rowUnit?.column ?? null, value: rowUnit?.text }),
      );
      return undefined;
    }
    const titleUnit = this.ctx.hints.unit && isAmountUnit(this.ctx.hints.unit) ? this.ctx.hints.unit : null;
    const unit = fromRow ?? fromHeader ?? titleUnit;
    if (!unit) {
      issues.push(
        issueError(UploadIssueCode.UnitMissing, `「${cell.column}」没有注明计量单位，请在表头（如「${cell.column}(万元)」）或计量单位列写明 万元 或 亿元`, { row, column: cell.column }),
      );
      return undefined;
    }
    return unit;
  }

  private sameUnit(text: string, unit: string): boolean {
    const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    return norm(text) === norm(unit);
  }

  static roleText(role: ValueRole): string {
    return ROLE_TEXT[role];
  }
}
