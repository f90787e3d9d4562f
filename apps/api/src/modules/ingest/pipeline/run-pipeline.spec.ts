import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UploadIssueCode, type UploadDataset } from '@im/contracts';
import type { StoredObservationRow } from '../../observations/observation-writer';
import { ENTERPRISE_A, ENTERPRISE_B, testIndex } from '../testing/reference.fixture';
import { DiffSampler, periodRange, prepareFile, runPipeline, type PipelineResult } from './run-pipeline';
import { planChanges, SINK_BATCH, type SeriesChange, type StoredAccess } from './plan-changes';

const TODAY = { year: 2025, month: 6 };

function memoryAccess(stored: (StoredObservationRow & { key: string })[] = []): StoredAccess {
  const ids = new Map<string, number>();
  for (const s of stored) ids.set(s.key, s.seriesId);
  return {
    seriesIds: async (entries) => new Map(entries.filter((e) => ids.has(e.key)).map((e) => [e.key, ids.get(e.key)!])),
    load: async (seriesIds, from, to) => stored.filter((s) => seriesIds.includes(s.seriesId) && s.periodYear >= from && s.periodYear <= to),
  };
}

interface Run extends PipelineResult {
  changes: SeriesChange[];
  sampler: DiffSampler;
}

async function run(
  text: string | Buffer,
  options: { dataset?: UploadDataset | null; period?: string | null; gbk?: boolean; stored?: (StoredObservationRow & { key: string })[]; chunk?: number } = {},
): Promise<Run> {
  const bytes = typeof text === 'string' ? (options.gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8')) : text;
  const chunk = options.chunk ?? 7;
  const changes: SeriesChange[] = [];
  const sampler = new DiffSampler(100);
  const index = testIndex();
  const result = await runPipeline(
    {
      open: async function* () {
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
      },
      encoding: options.gbk ? 'gb18030' : 'utf-8',
      encodingDetected: true,
      bom: false,
      dataset: options.dataset ?? null,
      periodText: options.period ?? null,
      reference: async () => index,
      today: TODAY,
      maxIssues: 1000,
    },
    memoryAccess(options.stored),
    {
      swingWarnPct: 50,
      sink: async (c) => {
        changes.push(...c);
        await sampler.sink(c);
      },
    },
  );
  return { ...result, changes, sampler };
}

const errors = (r: PipelineResult) => r.issues.sorted().filter((i) => i.severity === 'error');
const warnings = (r: PipelineResult) => r.issues.sorted().filter((i) => i.severity === 'warning');
const codes = (r: PipelineResult) => errors(r).map((i) => [i.row, i.code]);

describe(runPipeline.name, () => {
  it('reads the long template in 亿元 with a BOM: converts exactly to 万元, derives 本月 from 累计', async () => {
    const csv = '\uFEFF期间,产业代码,产业名称,本月(亿元),1-本月累计(亿元),累计同比增长(%)\n2025-01,sei.ngit.ic,集成电路,,10.5,3.2\n2025-03,sei.ngit.ic,集成电路,,33.1234,\n2025-02,sei.ngit.ic,集成电路,,21.01,4\n';
    const r = await run(csv);
    expect(errors(r)).toEqual([]);
    expect(r).toMatchObject({ dataset: 'industry-monthly', layout: 'long', rows: { total: 4, data: 3, valid: 3, error: 0 } });
    expect(r.changes.map((c) => [c.month, c.after.vYtd / 1e4, c.after.vMonth / 1e4, c.after.monthDerived, c.after.ytdDerived])).toEqual([
      [1, 105000, 105000, true, false],
      [2, 210100, 105100, true, false],
      [3, 331234, 121134, true, false],
    ]);
    expect(r.totals).toEqual({ new: 3, changed: 0, unchanged: 0, recomputed: 0 });
    expect(periodRange(r.periods)).toEqual({ from: '2025-01', to: '2025-03', label: '2025年1月 至 2025年3月' });
  });

  it('reads a GBK bureau report: title period and unit, # and 其中 sub-items, notes below the table', async () => {
    const csv = [
      '2025年1-5月厦门市规模以上工业主要行业产值,,,,,',
      '单位：亿元,,,,,',
      '指标名称,计量单位,本月,同比增长%,1-本月累计,同比增长%',
      '新一代信息技术,亿元,"1,200.5",5.2,"5,600.0",6.1',
      '#集成电路,亿元,300,-2.5,"1,400",—',
      '其中：新型显示,亿元,200,1.0,900,2',
      '　人工智能,亿元,-,,—,',
      '注：本表数据为快报数。,,,,,',
      '数据来源：市统计局,,,,,',
    ].join('\r\n');
    const r = await run(csv, { gbk: true, chunk: 5 });
    expect(errors(r)).toEqual([]);
    expect(r.detection).toMatchObject({ layout: 'bureau', titleRows: [1, 2], headerRow: 3, noteRows: [8, 9], periodSource: 'title' });
    expect(r.dataset).toBe('industry-monthly');
    const byIndustry = new Map(r.changes.map((c) => [c.series.subject.industry!.code, c]));
    expect(byIndustry.get('sei.ngit')!.after).toMatchObject({ vMonth: 120050000000, vYtd: 560000000000, yoyM: 52000, yoyY: 61000 });
    expect(byIndustry.get('sei.ngit.ic')!.after).toMatchObject({ vMonth: 30000000000, yoyM: -25000 });
    expect(Number.isNaN(byIndustry.get('sei.ngit.ic')!.after.yoyY)).toBe(true);
    expect(r.changes.every((c) => c.year === 2025 && c.month === 5)).toBe(true);
    expect(warnings(r).map((w) => w.code)).toContain(UploadIssueCode.ValueMissing);
  });

  it('reads NBS columns (…_当期值 / _累计值 / _同比增长 / _累计增长), one record per indicator prefix', async () => {
    const csv = '时间,地区生产总值_当期值(亿元),地区生产总值_累计值(亿元),地区生产总值_同比增长,地区生产总值_累计增长\n2025年一季度,1800.5,1800.5,5.1,5.1\n2025年二季度,1900,3700.5,5.5,5.3\n';
    const r = await run(csv);
    expect(errors(r)).toEqual([]);
    expect(r).toMatchObject({ dataset: 'macro', layout: 'nbs' });
    expect(r.changes.map((c) => [c.series.granularity, c.month, c.after.vYtd / 1e4])).toEqual([
      ['quarter', 3, 18005000],
      ['quarter', 6, 37005000],
    ]);
  });

  it('stores the merged 1–2月 as the year to date at February, January unknown', async () => {
    const csv = '期间,产业代码,本月(万元),1-本月累计(万元)\n2025年1-2月,sei.ngit.ic,5000,\n2025年3月,sei.ngit.ic,3000,\n';
    const r = await run(csv);
    expect(errors(r)).toEqual([]);
    const [feb, mar] = r.changes;
    expect(feb).toMatchObject({ month: 2, after: { merged: true, vYtd: 50000000, ytdDerived: false } });
    expect(Number.isNaN(feb.after.vMonth)).toBe(true);
    expect(mar).toMatchObject({ month: 3, after: { vMonth: 30000000, vYtd: 80000000, ytdDerived: true, monthDerived: false } });
  });

  it('reads a two-row bureau header (本月 / 累计 over 绝对值 | 同比增长%) with the period chosen by the user', async () => {
    const csv = '指标名称,计量单位,本月,,1-本月累计,\n,,绝对值,同比增长%,绝对值,同比增长%\n集成电路,万元,100,1.5,500,2.5\n';
    const r = await run(csv, { period: '2025年4月' });
    expect(errors(r)).toEqual([]);
    expect(r.changes[0]).toMatchObject({ year: 2025, month: 4, after: { vMonth: 1000000, vYtd: 5000000, yoyM: 15000, yoyY: 25000 } });
  });

  it('reads enterprise rows by credit code, keeps leading zeros of codes, warns on a different name', async () => {
    const csv = `期间,统一社会信用代码,企业名称,指标,本月(万元),1-本月累计(万元)\n2025-01,${ENTERPRISE_A},厦门示例芯片有限公司,产值,100,100\n2025-01,${ENTERPRISE_B.toLowerCase()},别名公司,产值,50,50\n`;
    const r = await run(csv);
    expect(errors(r)).toEqual([]);
    expect(r.dataset).toBe('enterprise-monthly');
    expect(r.changes.map((c) => [c.series.subject.enterprise!.id, c.series.subject.region.code, c.series.subject.industry?.code])).toEqual([
      [1000, 'xm.park.software', 'sei.ngit.ic'],
      [1001, 'xm.huli', 'sei.ngit.display'],
    ]);
    expect(warnings(r).map((w) => [w.row, w.code])).toEqual([[3, UploadIssueCode.NameMismatch]]);
  });

  it('replaces stored values, keeps what was reported elsewhere, recomputes derived neighbours', async () => {
    const key = '1|11|100|-|month';
    const base = { key, seriesId: 7, periodYear: 2025, yoyMonthPct: null, yoyYtdPct: null, yoyComputed: false, mergedJanFeb: false, batchId: 1, version: 1 };
    const stored = [
      { ...base, id: 1, periodMonth: 1, valueMonth: '100', valueYtd: '100', monthDerived: true, ytdDerived: false, sourceRow: 2 },
      { ...base, id: 2, periodMonth: 2, valueMonth: '150', valueYtd: '250', monthDerived: true, ytdDerived: false, sourceRow: 3 },
    ];
    const r = await run('期间,产业代码,1-本月累计(万元)\n2025-01,sei.ngit.ic,120\n', { stored });
    expect(r.totals).toEqual({ new: 0, changed: 1, unchanged: 0, recomputed: 1 });
    expect(r.changes.map((c) => [c.kind, c.month, c.row, c.after.vMonth / 1e4])).toEqual([
      ['changed', 1, 2, 120],
      ['recomputed', 2, null, 130],
    ]);
    const unchanged = await run('期间,产业代码,1-本月累计(万元)\n2025-02,sei.ngit.ic,250\n', { stored });
    expect(unchanged.totals).toEqual({ new: 0, changed: 0, unchanged: 1, recomputed: 0 });
  });

  describe('rejections, each with its row and column', () => {
    it('names an unknown industry and suggests the closest names; an ambiguous name asks for the code', async () => {
      const r = await run('期间,产业名称,本月(万元)\n2025-01,集成电路产业,1\n2025-01,第三代半导体,2\n');
      const [unknown, ambiguous] = errors(r);
      expect(unknown).toMatchObject({ row: 2, column: '产业名称', code: UploadIssueCode.IndustryUnknown, suggestions: ['集成电路'] });
      expect(unknown.message).toContain('是否是：集成电路');
      expect(ambiguous).toMatchObject({ row: 3, code: UploadIssueCode.IndustryAmbiguous });
      expect(ambiguous.message).toContain('xm446.future.semi3');
    });

    it('refuses bad periods, non-numbers, negative levels, impossible growth and future periods', async () => {
      const csv = [
        '期间,产业代码,本月(万元),本月同比增长(%)',
        '2025-13,sei.ngit.ic,1,',
        '2025.1,sei.ngit.ic,1,',
        '2025-01,sei.ngit.ic,abc,',
        '2025-02,sei.ngit.ic,-5,',
        '2025-03,sei.ngit.ic,5,-120',
        '2030-01,sei.ngit.ic,5,',
        '2025-04,sei.ngit.ic,1.2E+08,',
        '2025年三季度,sei.ngit.ic,5,',
      ].join('\n');
      const r = await run(csv);
      expect(codes(r)).toEqual([
        [2, UploadIssueCode.PeriodInvalid],
        [3, UploadIssueCode.PeriodInvalid],
        [4, UploadIssueCode.NumberInvalid],
        [5, UploadIssueCode.ValueNegative],
        [6, UploadIssueCode.NumberInvalid],
        [7, UploadIssueCode.PeriodInvalid],
        [8, UploadIssueCode.NumberInvalid],
        [9, UploadIssueCode.PeriodInvalid],
      ]);
      expect(errors(r)[4].message).toContain('-100%');
      expect(r.changes).toEqual([]);
    });

    it('reports duplicated keys on both rows', async () => {
      const r = await run('期间,产业代码,本月(万元)\n2025-01,sei.ngit.ic,1\n2025-02,sei.ngit.ic,2\n2025-01,集成电路,3\n'.replace('集成电路', 'sei.ngit.ic'));
      expect(codes(r)).toEqual([
        [2, UploadIssueCode.DuplicateKey],
        [4, UploadIssueCode.DuplicateKey],
      ]);
      expect(r.rows).toMatchObject({ valid: 1, error: 2 });
    });

    it('rejects missing, unknown and duplicated columns as problems of the whole file', async () => {
      expect(codes(await run('期间,本月(万元)\n2025-01,1\n', { dataset: 'industry-monthly' }))).toEqual([[1, UploadIssueCode.ColumnMissing]]);
      expect(codes(await run('期间,产业代码,本月(万元),颜色\n2025-01,sei.ngit.ic,1,红\n'))).toEqual([[1, UploadIssueCode.ColumnUnknown]]);
      expect(codes(await run('期间,产业代码,本月(万元),当月(万元)\n2025-01,sei.ngit.ic,1,2\n'))).toEqual([[1, UploadIssueCode.ColumnDuplicated]]);
    });

    it('rejects a file without any unit and a truncated last line', async () => {
      const noUnit = await run('期间,产业代码,本月\n2025-01,sei.ngit.ic,1\n');
      expect(codes(noUnit)).toEqual([[1, UploadIssueCode.UnitMissing]]);
      expect(noUnit.fatal).toBe(true);
      const truncated = await run('期间,产业代码,本月(万元),1-本月累计(万元)\n2025-01,sei.ngit.ic,1,1\n2025-02,sei.ngit.ic,2');
      expect(codes(truncated)).toEqual([[3, UploadIssueCode.RowTruncated]]);
    });

    it('rejects a file without a header and one in the wrong encoding', async () => {
      expect(codes(await run('a,b,c\n1,2,3\n'))).toEqual([[null, UploadIssueCode.HeaderNotFound]]);
      const gbkBytes = iconv.encode('期间,产业名称,本月(万元)\n2025-01,集成电路,1\n', 'gbk');
      const r = await run(gbkBytes);
      expect(codes(r)).toEqual([[1, UploadIssueCode.EncodingInvalid]]);
    });
  });

  it('warns on an abnormal swing against last year and a parent that is not the sum of its children', async () => {
    const key = '1|11|100|-|month';
    const stored = [
      { key, seriesId: 7, id: 1, periodYear: 2024, periodMonth: 1, valueMonth: '100', valueYtd: '100', yoyMonthPct: null, yoyYtdPct: null, monthDerived: false, ytdDerived: false, yoyComputed: false, mergedJanFeb: false, batchId: 1, sourceRow: 2, version: 1 },
    ];
    const csv = '期间,产业代码,本月(万元),1-本月累计(万元)\n2025-01,sei.ngit,1000,1000\n2025-01,sei.ngit.ic,300,300\n2025-01,sei.ngit.display,300,300\n2025-01,sei.ngit.ai,300,300\n';
    const r = await run(csv, { stored });
    const w = warnings(r).map((x) => [x.row, x.code]);
    expect(w).toContainEqual([2, UploadIssueCode.ParentSum]);
    expect(w).toContainEqual([3, UploadIssueCode.Swing]);
    // The computed YoY of the new January against 2024 is nominal and labelled.
    const ic = r.changes.find((c) => c.series.subject.industry!.code === 'sei.ngit.ic')!;
    expect(ic.after).toMatchObject({ yoyM: 2000000, yoyY: 2000000, yoyComputed: true });
  });
});

describe('planChanges', () => {
  it('hands the changes on in small batches of whole series, the same changes as in one batch', async () => {
    const text = '期间,产业代码,1-本月累计(万元)\n2024-01,sei.ngit.ic,1\n2024-02,sei.ngit.ic,2\n2024-03,sei.ngit.ic,3\n2024-01,sei.ngit.display,4\n2024-02,sei.ngit.display,5\n2024-03,sei.ngit.display,6\n';
    const index = testIndex();
    const input = {
      open: async function* () {
        yield Buffer.from(text, 'utf8');
      },
      encoding: 'utf-8' as const,
      encodingDetected: true,
      bom: false,
      dataset: null,
      periodText: null,
      reference: async () => index,
      today: TODAY,
      maxIssues: 100,
    };
    const batches = async (sinkBatch: number) => {
      const prepared = await prepareFile(input);
      const seen: string[][] = [];
      const totals = await planChanges(prepared.store, prepared.order, prepared.issues, memoryAccess(), {
        swingWarnPct: 50,
        sinkBatch,
        sink: async (changes) => {
          seen.push(changes.map((c) => `${c.series.subject.industry?.code} ${c.month} ${c.after.vYtd}`));
        },
      });
      return { seen: seen.filter((b) => b.length), totals };
    };
    const small = await batches(2);
    const one = await batches(SINK_BATCH);
    expect(small.seen.map((b) => b.length)).toEqual([3, 3]);
    expect(one.seen).toHaveLength(1);
    expect(small.seen.flat()).toEqual(one.seen.flat());
    expect(small.totals).toEqual(one.totals);
    expect(one.totals.new).toBe(6);
  });
});
