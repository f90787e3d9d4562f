/**
 * Phase one of every upload (dry run and commit alike): the stored raw file, streamed — decode →
 * CSV records → header → column plan → each row read and validated → the valid observation records
 * packed in a RecordStore, every problem in an IssueCollector. The source is read only as fast as
 * rows are processed (pull-based), so memory stays bounded whatever the file size.
 */
import type { UploadDataset, UploadDetectionDto, UploadEncoding, UploadLayout } from '@im/contracts';
import { formatPeriod, isAmountUnit, parsePeriod } from '@im/domain';
import { CsvReader, DEFAULT_MAX_RECORD_CHARS, detectDelimiter, type CsvRecord } from '../csv/csv-reader';
import { decodeChunks, DecodeError } from '../decode/encoding';
import { ROLE_LABELS } from '../header/column-dictionary';
import {
  buildColumnPlan,
  datasetFromColumns,
  findHeader,
  HEADER_SEARCH_ROWS,
  knownColumnsHint,
  titleHints,
  type ColumnPlan,
  type SheetRow,
  type TitleHints,
} from '../header/header-plan';
import { readRow, type RawRecord } from '../layout/row-reader';
import { RecordStore } from '../records/record-store';
import type { ReferenceIndex } from '../reference/reference-index';
import { issueError, issueWarning, IssueCollector, UploadIssueCode } from '../report/issues';
import { RecordValidator } from '../validate/record-validator';
import { ReferenceValidator, type ReferenceRecord } from '../validate/reference-validator';

export interface ParseInput {
  /** Opens the raw file as a stream of byte chunks (read on demand). */
  open: () => AsyncIterable<Uint8Array>;
  encoding: UploadEncoding;
  encodingDetected: boolean;
  bom: boolean;
  /** Chosen by the user; null = detect from the columns and labels. */
  dataset: UploadDataset | null;
  /** Period chosen by the user for files without a period column (text as typed). */
  periodText: string | null;
  /** Reference data for a dataset (enterprises are loaded only for enterprise files). */
  reference: (dataset: UploadDataset) => Promise<ReferenceIndex>;
  today: { year: number; month: number };
  maxIssues: number;
  /** Rows the user chose to leave out (commit): not read at all. */
  exclude?: ReadonlySet<number>;
}

export interface RowCounts {
  /** Every row of the file. */
  total: number;
  /** Rows of the table (data rows, valid or not). */
  data: number;
  valid: number;
  error: number;
  excluded: number;
  /** Blank, total (合计) and figure-less rows inside the table. */
  skipped: number;
}

export interface ParseResult {
  dataset: UploadDataset | null;
  layout: UploadLayout | null;
  detection: UploadDetectionDto;
  issues: IssueCollector;
  store: RecordStore;
  rows: RowCounts;
  plan: ColumnPlan | null;
  /** A problem of the whole file: nothing can be committed. */
  fatal: boolean;
  /** Reference lists (parks, enterprises): the valid rows, in file order. */
  references: ReferenceRecord[];
}

const OBSERVATION_DATASETS: UploadDataset[] = ['industry-monthly', 'region-monthly', 'enterprise-monthly', 'macro'];

/** Rows read below the header before the table is started (their labels decide the dataset of a bureau table). */
const LABEL_PROBE_ROWS = 20;

/** Which dataset a bureau / NBS table is: what most of its first labels name (industries, indicators or regions). */
function datasetFromLabels(labels: string[], index: ReferenceIndex): UploadDataset {
  const votes = new Map<UploadDataset, number>();
  const vote = (d: UploadDataset) => votes.set(d, (votes.get(d) ?? 0) + 1);
  for (const label of labels.slice(0, 50)) {
    if (index.industry(label).kind !== 'unknown') vote('industry-monthly');
    else if (index.indicatorLabel(label)) vote('macro');
    else if (index.region(label).kind !== 'unknown') vote('region-monthly');
  }
  let best: UploadDataset = 'industry-monthly';
  for (const [d, n] of votes) if (n > (votes.get(best) ?? 0)) best = d;
  return best;
}

function missingColumns(plan: ColumnPlan, dataset: UploadDataset): string[] {
  const has = (...roles: (keyof ColumnPlan['single'])[]) => roles.some((r) => plan.single[r] !== undefined);
  const missing: string[] = [];
  const labelled = plan.single.label !== undefined || plan.layout === 'nbs';
  if (dataset === 'industry-monthly' && !labelled && !has('industryCode', 'industryName')) missing.push('产业代码或产业名称');
  if (dataset === 'region-monthly' && !labelled && !has('regionCode', 'regionName')) missing.push('区域代码或区域名称');
  if (dataset === 'enterprise-monthly' && !has('creditCode')) missing.push('统一社会信用代码');
  if (dataset === 'macro' && !labelled && !has('indicator') && !plan.groups.some((g) => g.prefix)) missing.push('指标');
  if (plan.groups.length === 0) missing.push('数值列（本月、1-本月累计 或 同比增长）');
  return missing;
}

export async function parseFile(input: ParseInput): Promise<ParseResult> {
  const issues = new IssueCollector(input.maxIssues);
  const store = new RecordStore();
  const rows: RowCounts = { total: 0, data: 0, valid: 0, error: 0, excluded: 0, skipped: 0 };
  const detection: UploadDetectionDto = {
    encoding: input.encoding,
    encodingDetected: input.encodingDetected,
    bom: input.bom,
    layout: null,
    dataset: input.dataset,
    datasetDetected: input.dataset === null,
    headerRow: null,
    titleRows: [],
    noteRows: [],
    unit: null,
    periodSource: null,
    columns: [],
  };
  const result: ParseResult = { dataset: input.dataset, layout: null, detection, issues, store, rows, plan: null, fatal: false, references: [] };
  const fatal = (code: UploadIssueCode, message: string, row: number | null = null): ParseResult => {
    issues.add(issueError(code, message, { row }));
    result.fatal = true;
    return result;
  };

  let reader: CsvReader | null = null;
  const pending: SheetRow[] = [];
  let plan: ColumnPlan | null = null;
  let validator: RecordValidator | null = null;
  let referenceValidator: ReferenceValidator | null = null;
  let dataset: UploadDataset | null = input.dataset;
  let noteSeen = false;
  let lastRecordRow = 0;
  /** Rows already reported as short or long (their quote problem is the same problem). */
  const structural = new Set<number>();

  const handleData = (row: SheetRow, isLast: boolean) => {
    if (!plan || (!validator && !referenceValidator)) return;
    if (input.exclude?.has(row.row)) {
      rows.excluded++;
      return;
    }
    const reading = readRow(plan, row, { isLast, endedWithNewline: reader?.endedWithNewline });
    if (reading.kind === 'blank') {
      rows.skipped++;
      return;
    }
    if (reading.kind === 'note' || (noteSeen && row.cells.slice(1).every((c) => c.trim() === ''))) {
      // A note, or the next line of one (`2.“—”表示无数据。`).
      noteSeen = true;
      detection.noteRows.push(row.row);
      return;
    }
    if (noteSeen) {
      rows.data++;
      rows.error++;
      issues.add(issueError(UploadIssueCode.RowMalformed, '表格下方的注释（注：、数据来源：）之后还有数据行，请把注释移到表格最下方，或删除多余的行', { row: row.row }));
      return;
    }
    rows.data++;
    if (reading.kind === 'total') {
      rows.skipped++;
      issues.add(issueWarning(UploadIssueCode.ParameterIgnored, `「${reading.label}」行是合计，未导入（合计由各项数据汇总，或请按具体产业、区域填报）`, { row: row.row }));
      return;
    }
    issues.addAll(reading.issues);
    if (reading.issues.length) structural.add(row.row);
    if (referenceValidator) {
      if (!reading.issues.length) {
        const r = referenceValidator.validate(row.row, row.cells);
        issues.addAll(r.issues);
        if (r.record) result.references.push(r.record);
      }
      if (issues.hasRowError(row.row)) rows.error++;
      else rows.valid++;
      return;
    }
    if (!validator) return;
    let valid = 0;
    let empty = 0;
    for (const raw of reading.records) {
      const r = validator.validate(raw);
      issues.addAll(r.issues);
      if (r.record) {
        store.add(r.record);
        valid++;
      } else if (r.empty) empty++;
    }
    if (issues.hasRowError(row.row)) rows.error++;
    else if (valid > 0) rows.valid++;
    else if (empty > 0) rows.skipped++;
  };

  const startTable = async (headerIndex: number, height: 1 | 2, headerCells: string[]): Promise<boolean> => {
    const headerRows = pending.slice(headerIndex, headerIndex + height).map((r) => r.row);
    const titles = pending.slice(0, headerIndex).filter((r) => r.cells.some((c) => c.trim() !== ''));
    detection.titleRows = titles.map((r) => r.row);
    detection.headerRow = headerRows[0];
    const hints: TitleHints = titleHints(titles);

    let built = buildColumnPlan(headerCells, headerRows, dataset);
    const fromColumns = datasetFromColumns(built.plan);
    if (!dataset && fromColumns) dataset = fromColumns;
    if (dataset === 'parks' || dataset === 'enterprises') {
      built = buildColumnPlan(headerCells, headerRows, dataset);
      plan = built.plan;
      result.plan = plan;
      result.layout = 'reference';
      detection.layout = 'reference';
      result.dataset = dataset;
      detection.dataset = dataset;
      detection.columns = plan.columns.filter((c) => c.header !== '').map((c) => ({ header: c.header, meaning: c.role ? ROLE_LABELS[c.role] : '（不认识）' }));
      issues.addAll(built.issues);
      if (built.issues.some((i) => i.severity === 'error')) {
        result.fatal = true;
        return false;
      }
      const missing = ReferenceValidator.missingColumns(dataset, plan);
      if (missing.length) {
        fatal(UploadIssueCode.ColumnMissing, `缺少必需的列：${missing.join('、')}。${knownColumnsHint(dataset)}`, headerRows[0]);
        return false;
      }
      referenceValidator = new ReferenceValidator(dataset, await input.reference(dataset), plan);
      return true;
    }
    plan = built.plan;
    result.plan = plan;
    result.layout = plan.layout;
    detection.layout = plan.layout;
    detection.columns = plan.columns
      .filter((c) => c.header !== '')
      .map((c) => ({ header: c.header, meaning: c.role ? `${ROLE_LABELS[c.role]}${c.prefix ? `（${c.prefix}）` : ''}${c.unit && c.unit !== '%' ? `，单位${c.unit}` : ''}` : '（不认识）' }));
    issues.addAll(built.issues);
    if (built.issues.some((i) => i.severity === 'error')) {
      result.fatal = true;
      return false;
    }

    if (!dataset) {
      // Bureau / NBS tables: the labels of the first rows decide.
      const labelColumn = plan.single.label;
      const probe = labelColumn !== undefined ? pending.slice(headerIndex + height).map((r) => (r.cells[labelColumn] ?? '').replace(/^[#＃\s]+|^其中[:：]?/g, '').trim()) : [];
      const prefixes = plan.groups.map((g) => g.prefix ?? '').filter(Boolean);
      const index = await input.reference('industry-monthly');
      dataset = datasetFromLabels([...probe, ...prefixes].filter(Boolean), index);
    }
    result.dataset = dataset;
    detection.dataset = dataset;
    if (!OBSERVATION_DATASETS.includes(dataset)) return false;

    const missing = missingColumns(plan, dataset);
    if (missing.length) {
      fatal(UploadIssueCode.ColumnMissing, `缺少必需的列：${missing.join('、')}。${knownColumnsHint(dataset)}`, headerRows[0]);
      return false;
    }

    // Period of rows without a period column: the user's choice, else the title's.
    let filePeriodText: string | null = null;
    const hasPeriodColumn = plan.single.period !== undefined;
    if (hasPeriodColumn) {
      detection.periodSource = 'column';
      if (input.periodText) issues.add(issueWarning(UploadIssueCode.ParameterIgnored, `文件中已有期间列，所选期间「${input.periodText}」未使用`, { row: headerRows[0] }));
    } else if (input.periodText) {
      if (hints.period && hints.periodText) {
        const chosen = formatPeriodText(input.periodText);
        const titled = formatPeriod(hints.period);
        if (chosen !== null && chosen !== titled) {
          fatal(UploadIssueCode.PeriodConflict, `所选期间「${input.periodText}」与标题中的期间「${hints.periodText}」不一致，请核对后重新选择`, titles[0]?.row ?? null);
          return false;
        }
      }
      filePeriodText = input.periodText;
      detection.periodSource = 'parameter';
    } else if (hints.periodText) {
      filePeriodText = hints.periodText;
      detection.periodSource = 'title';
    } else {
      fatal(UploadIssueCode.PeriodMissing, '文件没有期间列，标题中也没有写明期间（如「2024年1-10月」），请在上传时选择期间，或在表中增加「期间」列', headerRows[0]);
      return false;
    }

    // A unit for the amounts: a unit column, units in the headers, or the title.
    const unitColumns = plan.columns.filter((c) => c.group !== null && !c.role?.startsWith('yoy'));
    const headerUnits = new Set(unitColumns.map((c) => c.unit).filter((u): u is NonNullable<typeof u> => u !== null && isAmountUnit(u)));
    const titleUnit = hints.unit && isAmountUnit(hints.unit) ? hints.unit : null;
    detection.unit = headerUnits.size === 1 ? [...headerUnits][0] : headerUnits.size === 0 ? titleUnit : null;
    if (plan.single.unit === undefined && headerUnits.size === 0 && !titleUnit && dataset !== 'macro' && unitColumns.length > 0) {
      fatal(
        UploadIssueCode.UnitMissing,
        `文件没有注明金额的计量单位：请在表头写明（如「本月(万元)」「1-本月累计(亿元)」），或增加「计量单位」列，或在标题下写「单位：万元」`,
        headerRows[0],
      );
      return false;
    }

    validator = new RecordValidator({ dataset, index: await input.reference(dataset), hints, filePeriodText, today: input.today });
    return true;
  };

  let headerDone = false;
  let stopped = false;
  /** Finds the header among the pending rows and starts the table; `atEnd`: no more rows will come. */
  const decide = async (atEnd: boolean): Promise<void> => {
    const found = findHeader(pending, dataset);
    if (found.index < 0) {
      fatal(
        UploadIssueCode.HeaderNotFound,
        `在文件前 ${Math.min(pending.length, HEADER_SEARCH_ROWS)} 行中没有找到表头。表头应包含如「期间」「产业名称」「本月(万元)」「1-本月累计(万元)」等列名，或统计局报表的「指标名称、计量单位、本月、同比增长%、1-本月累计、同比增长%」。${input.encodingDetected ? '' : '（如果文字显示为乱码，请换一种编码重试。）'}`,
      );
      stopped = true;
      return;
    }
    headerDone = true;
    if (!(await startTable(found.index, found.height, found.cells))) {
      stopped = true;
      return;
    }
    const rest = pending.slice(found.index + found.height);
    for (let j = 0; j < rest.length; j++) handleData(rest[j], atEnd && j === rest.length - 1);
  };

  const consume = async (records: CsvRecord[], last: boolean) => {
    for (let i = 0; i < records.length && !stopped; i++) {
      const rec = records[i];
      rows.total++;
      lastRecordRow = rec.row;
      const isLast = last && i === records.length - 1;
      if (headerDone) {
        handleData(rec, isLast);
        continue;
      }
      pending.push(rec);
      const found = findHeader(pending, dataset);
      // Decided once a few rows below the header are in: a second header row, and labels to tell industries from regions.
      const decided = found.index >= 0 && pending.length >= found.index + found.height + LABEL_PROBE_ROWS;
      if (decided || pending.length >= HEADER_SEARCH_ROWS + LABEL_PROBE_ROWS || isLast) await decide(isLast);
    }
  };

  try {
    let first = true;
    for await (const text of decodeChunks(input.open(), input.encoding)) {
      if (first) {
        reader = new CsvReader({ delimiter: detectDelimiter(text.slice(0, 65536)), maxRecordChars: DEFAULT_MAX_RECORD_CHARS });
        first = false;
      }
      await consume(reader!.push(text), false);
      if (stopped || reader!.halted) break;
    }
    if (!reader) return fatal(UploadIssueCode.FileEmpty, '文件是空的');
    if (!stopped && !reader.halted) await consume(reader.end(), true);
    if (!headerDone && !stopped && pending.length) await decide(true);
  } catch (e) {
    if (e instanceof DecodeError) {
      return fatal(
        UploadIssueCode.EncodingInvalid,
        e.encoding === 'utf-8'
          ? `文件不是有效的 UTF-8 编码（第 ${lastRecordRow + 1} 行附近有无法识别的字节），可能是 GBK 编码：请选择「GBK」编码重新上传`
          : `文件不是有效的 GBK/GB18030 编码（第 ${lastRecordRow + 1} 行附近有无法识别的字节），请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后重新上传`,
        lastRecordRow + 1,
      );
    }
    throw e;
  }

  if (reader) {
    for (const p of reader.problems) {
      if (p.kind === 'unterminated' && structural.has(p.row)) continue;
      const message =
        p.kind === 'too_long'
          ? '这一行超过 100 万个字符，多半是引号没有配对（一个单元格以 " 开头却没有结束），之后的内容无法读取'
          : p.kind === 'unterminated'
            ? '这一行的引号没有结束（单元格以 " 开头却没有配对的 "），文件可能被截断或引号不配对'
            : '这一行的引号用法不对（引号内的 " 要写成 ""），请检查';
      issues.add(issueError(p.kind === 'unterminated' ? UploadIssueCode.RowTruncated : p.kind === 'too_long' ? UploadIssueCode.RowTooLong : UploadIssueCode.RowMalformed, message, { row: p.row }));
      if (p.kind === 'too_long') result.fatal = true;
    }
  }
  if (!headerDone && !result.fatal) {
    if (rows.total === 0) return fatal(UploadIssueCode.FileEmpty, '文件是空的（没有任何内容）');
    return fatal(UploadIssueCode.HeaderNotFound, '没有找到表头', null);
  }
  if (!result.fatal && rows.data === 0) fatal(UploadIssueCode.NoDataRows, '表头下面没有数据行');
  else if (!result.fatal && !referenceValidator && store.length === 0 && rows.error === 0) fatal(UploadIssueCode.NoDataRows, '没有可导入的数据：所有数据行都没有数值');
  if (issues.errors > input.maxIssues) {
    issues.add(issueError(UploadIssueCode.TooManyIssues, `错误超过 ${input.maxIssues} 个，仅列出前 ${input.maxIssues} 个。请检查文件是否选错了数据集、编码或单位`));
    result.fatal = true;
  }
  return result;
}

/** `2024年1-10月` form of a period typed by the user, or null when it does not parse. */
function formatPeriodText(text: string): string | null {
  const p = parsePeriod(text);
  return p.ok ? formatPeriod(p.period) : null;
}

export type { RawRecord };
