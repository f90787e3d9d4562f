/**
 * The whole pipeline over one file: phase one (parse and validate, {@link parseFile}), then the
 * cross-row checks (duplicated keys, parents vs children) and phase two ({@link planChanges}) against
 * what is stored. The dry run passes a sink that keeps the first changes for the report; the commit
 * passes one that writes them. Nothing here knows which.
 */
import { formatPeriod, quarterPeriod, ytdPeriod, monthPeriod } from '@im/domain';
import type { UploadDiffFieldDto, UploadDiffItemDto, UploadPeriodRangeDto } from '@im/contracts';
import { parentSumWarnings } from '../plan/parent-sum';
import { fromScaled } from '../records/scaled';
import { issueError, UploadIssueCode } from '../report/issues';
import { parseFile, type ParseInput, type ParseResult } from './parse-file';
import { isReferenceDataset, type ReferenceChange, type ReferenceDataset, type ReferenceInput } from '../../catalog/reference-writer.service';
import { referenceKey, type ReferenceRecord } from '../validate/reference-validator';
import { dropDuplicates, planChanges, type ChangeSink, type ChangeTotals, type SeriesChange, type StoredAccess } from './plan-changes';

export interface PipelineOptions {
  swingWarnPct: number;
  sink: ChangeSink;
}

export interface PreparedFile extends ParseResult {
  /** Live records ordered by series and period (duplicated keys removed). */
  order: Int32Array;
  /** Period ends of the valid records, year × 100 + month, sorted. */
  periods: number[];
}

export interface PipelineResult extends PreparedFile {
  totals: ChangeTotals;
  /** Reference lists: every row's change against the catalog (file order). */
  referenceChanges?: ReferenceChange[];
}

/** Plans reference rows against the catalog (the catalog module's ReferenceWriterService). */
export type ReferencePlanner = (dataset: ReferenceDataset, inputs: ReferenceInput[]) => Promise<ReferenceChange[]>;

/**
 * Duplicated keys in a reference list (the same park code or credit code twice): every such row is
 * an error naming the others, and none of them is kept (which one is right is the clerk's call).
 */
export function dropReferenceDuplicates(prepared: Pick<PreparedFile, 'references' | 'issues' | 'rows' | 'dataset'>): void {
  const rowsOf = new Map<string, number[]>();
  for (const r of prepared.references) rowsOf.set(referenceKey(r), [...(rowsOf.get(referenceKey(r)) ?? []), r.row]);
  const dropped = new Set<number>();
  const what = prepared.dataset === 'parks' ? '园区代码' : '统一社会信用代码';
  for (const [key, rows] of rowsOf) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((x) => x !== row);
      prepared.issues.add(issueError(UploadIssueCode.DuplicateKey, `${what}「${key}」在文件中出现了多次（第 ${others.join('、')} 行也是），请只保留一行`, { row, column: what, value: key }));
      dropped.add(row);
    }
  }
  if (!dropped.size) return;
  prepared.references = prepared.references.filter((r: ReferenceRecord) => !dropped.has(r.row));
  prepared.rows.valid -= dropped.size;
  prepared.rows.error += dropped.size;
}

/** Totals of reference changes in the shape of observation totals (new / changed / unchanged rows). */
export function referenceTotals(changes: readonly ReferenceChange[]): ChangeTotals {
  const totals: ChangeTotals = { new: 0, changed: 0, unchanged: 0, recomputed: 0 };
  for (const c of changes) totals[c.kind]++;
  return totals;
}

export function referenceDiffItem(c: ReferenceChange, row: number | null): UploadDiffItemDto {
  return { kind: c.kind === 'new' ? 'new' : 'changed', row, subject: c.subject, indicator: null, period: null, unit: null, fields: c.fields };
}

const EMPTY_TOTALS: ChangeTotals = { new: 0, changed: 0, unchanged: 0, recomputed: 0 };

/** Phase one and the checks across rows: everything that does not need the stored observations. */
export async function prepareFile(input: ParseInput): Promise<PreparedFile> {
  const parsed = await parseFile(input);
  if (parsed.fatal || !parsed.dataset) return { ...parsed, order: new Int32Array(0), periods: [] };
  if (isReferenceDataset(parsed.dataset)) {
    const prepared: PreparedFile = { ...parsed, order: new Int32Array(0), periods: [] };
    dropReferenceDuplicates(prepared);
    return prepared;
  }
  const { store, issues, rows } = parsed;
  const { order, newlyInvalidRows } = dropDuplicates(store, store.sortedOrder(), issues);
  rows.valid -= newlyInvalidRows;
  rows.error += newlyInvalidRows;
  if (parsed.dataset !== 'enterprise-monthly') {
    const index = await input.reference(parsed.dataset);
    issues.addAll(parentSumWarnings(store, (id) => index.childrenIds(id).map((c) => ({ id: c, indicatorId: index.industryById(c)?.indicatorId ?? null }))));
  }
  return { ...parsed, order, periods: store.periods() };
}

/** Leaves out the records of these rows (rows the user excluded at commit). */
export function excludeRows(prepared: PreparedFile, rows: ReadonlySet<number>): void {
  if (!rows.size) return;
  prepared.references = prepared.references.filter((r) => !rows.has(r.row));
  const { store } = prepared;
  const keep: number[] = [];
  for (const i of prepared.order) {
    if (rows.has(store.row[i])) store.dead[i] = 1;
    else keep.push(i);
  }
  prepared.order = Int32Array.from(keep);
  prepared.periods = store.periods();
}

/** The dry run: the whole pipeline against what is stored, the changes to `options.sink`. */
export async function runPipeline(input: ParseInput, access: StoredAccess, options: PipelineOptions & { reference?: ReferencePlanner }): Promise<PipelineResult> {
  const prepared = await prepareFile(input);
  if (prepared.fatal || !prepared.dataset) return { ...prepared, totals: { ...EMPTY_TOTALS } };
  if (isReferenceDataset(prepared.dataset)) {
    if (!options.reference) throw new Error('reference lists need a planner');
    const referenceChanges = await options.reference(prepared.dataset, prepared.references.map((r) => r.input));
    return { ...prepared, totals: referenceTotals(referenceChanges), referenceChanges };
  }
  const totals = await planChanges(prepared.store, prepared.order, prepared.issues, access, { swingWarnPct: options.swingWarnPct, sink: options.sink });
  return { ...prepared, totals };
}

// ---------------------------------------------------------------------------------------------
// Report helpers

const FIELD_LABELS = { valueMonth: '本月', valueYtd: '1-本月累计', yoyMonthPct: '本月同比增长(%)', yoyYtdPct: '累计同比增长(%)' } as const;

/** `2024年10月`, `2024年1-2月`, `2024年三季度`, `2024年`. */
export function periodLabel(granularity: 'month' | 'quarter' | 'year', year: number, month: number, merged = false): string {
  if (granularity === 'year') return `${year}年`;
  if (granularity === 'quarter') return formatPeriod(quarterPeriod(year, month / 3));
  return merged ? formatPeriod(ytdPeriod(year, 2)) : formatPeriod(monthPeriod(year, month));
}

/** The file's period range: `2024年1-10月`-style label for one period, `from 至 to` for several. */
export function periodRange(periods: number[]): UploadPeriodRangeDto | null {
  if (!periods.length) return null;
  const first = periods[0];
  const last = periods[periods.length - 1];
  const ym = (p: number) => `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}`;
  const label = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;
  return { from: ym(first), to: ym(last), label: first === last ? label(first) : `${label(first)} 至 ${label(last)}` };
}

export function toDiffItem(c: SeriesChange): UploadDiffItemDto {
  const fields: UploadDiffFieldDto[] = [];
  const pairs = [
    ['valueMonth', c.before?.vMonth ?? NaN, c.after.vMonth, c.after.monthDerived],
    ['valueYtd', c.before?.vYtd ?? NaN, c.after.vYtd, c.after.ytdDerived],
    ['yoyMonthPct', c.before?.yoyM ?? NaN, c.after.yoyM, c.after.yoyComputed],
    ['yoyYtdPct', c.before?.yoyY ?? NaN, c.after.yoyY, c.after.yoyComputed],
  ] as const;
  for (const [field, before, after, derived] of pairs) {
    const old = fromScaled(before);
    const now = fromScaled(after);
    if (old === now && !(c.kind === 'new' && now !== null)) continue;
    const suffix = derived && now !== null ? (field.startsWith('yoy') ? '（按名义值计算）' : '（推算）') : '';
    fields.push({ field, label: `${FIELD_LABELS[field]}${suffix}`, old, new: now });
  }
  if (!fields.length && c.before) {
    fields.push({ field: 'flags', label: '来源标记', old: describeFlags(c.before), new: describeFlags(c.after) });
  }
  return {
    kind: c.kind === 'new' ? 'new' : 'changed',
    row: c.row,
    subject: c.series.label,
    indicator: c.series.subject.indicator.name,
    period: periodLabel(c.series.granularity, c.year, c.month, c.after.merged),
    unit: c.series.subject.indicator.unit,
    fields,
  };
}

function describeFlags(s: { monthDerived: boolean; ytdDerived: boolean; yoyComputed: boolean; merged: boolean }): string {
  const parts = [s.monthDerived ? '本月推算' : '本月报送', s.ytdDerived ? '累计推算' : '累计报送'];
  if (s.yoyComputed) parts.push('同比按名义值计算');
  if (s.merged) parts.push('1-2月合并');
  return parts.join('，');
}

/** Keeps the first changes for the report: changed ones first, then new ones. */
export class DiffSampler {
  private readonly changed: UploadDiffItemDto[] = [];
  private readonly added: UploadDiffItemDto[] = [];
  private total = 0;

  constructor(private readonly limit: number) {}

  readonly sink: ChangeSink = async (changes) => {
    for (const c of changes) {
      this.total++;
      if (c.kind === 'new') {
        if (this.added.length < this.limit) this.added.push(toDiffItem(c));
      } else if (this.changed.length < this.limit) this.changed.push(toDiffItem(c));
    }
  };

  items(): UploadDiffItemDto[] {
    return [...this.changed, ...this.added].slice(0, this.limit);
  }

  truncated(): boolean {
    return this.total > this.items().length;
  }
}

export { UploadIssueCode };
