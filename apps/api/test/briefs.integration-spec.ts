/**
 * The monthly brief on SQLite and MariaDB/MySQL: a month's files committed through the upload API →
 * the brief appears by itself (DATA_CHANGED_EVENT) → its sentences carry the figures computed here by
 * hand from the fixture → versions on regeneration (none for an identical one) → district and lead-unit
 * views → Word and Excel files opened back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefDto, BriefSummaryDto, BriefTemplateSetDto, GenerateBriefResultDto } from '@im/contracts';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { JobRegistry } from '../src/modules/jobs/job-registry';
import { Brief } from '../src/modules/reports/entities/brief.entity';
import { readZipEntry } from '../src/modules/reports/export/zip-entry';
import { commit, upload, utf8 } from './ingest.support';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

// ---- the fixture: 1—10月 2025 against 1—10月 2024 (YTD, 万元) ---------------------------------------
const CITY: Record<string, [number, number]> = {
  'sei.ngit': [50_000_000, 56_000_000],
  'sei.bio': [10_000_000, 9_500_000],
  'sei.nmne': [8_000_000, 8_000_000],
  'sei.dc': [12_000_000, 13_080_000],
  'sei.marine': [15_000_000, 16_500_000],
  'sei.ngit.ic': [10_000_000, 14_000_000],
  'sei.ngit.display': [20_000_000, 19_000_000],
};
/** 新一代信息技术 by district and park. */
const REGIONS: Record<string, [number, number]> = {
  'xm.huli': [20_000_000, 23_000_000],
  'xm.haicang': [10_000_000, 10_500_000],
  'xm.siming': [5_000_000, 4_900_000],
  'xm.jimei': [4_000_000, 4_400_000],
  'xm.park.torch-park': [4_000_000, 4_400_000],
  'xm.park.huli-east': [2_000_000, 2_300_000],
  'xm.park.haicang-south': [6_000_000, 6_300_000],
  'xm.park.biomed-port': [1_000_000, 1_200_000],
};

function fixtureCsv(): string {
  const lines = ['期间,产业代码,区域,1-本月累计(万元)'];
  for (const [code, [ly, cur]] of Object.entries(CITY)) lines.push(`2024-10,${code},xm,${ly}`, `2025-10,${code},xm,${cur}`);
  for (const [region, [ly, cur]] of Object.entries(REGIONS)) lines.push(`2024-10,sei.ngit,${region},${ly}`, `2025-10,sei.ngit,${region},${cur}`);
  return `${lines.join('\n')}\n`;
}

// ---- hand-written expected sentences (figures worked out in the comments) ------------------------
// Σ five industries: 2025 103,080,000 万元 = 10308.00 亿元; 2024 95,000,000; growth 8,080,000 / 95,000,000 = 8.505 % → 8.5
const TOTAL = '1—10月，全市五大战略性新兴产业实现产业规模10308.00亿元，同比增长8.5%。';
// 5600 / 7000 = 80.0 %; time progress 10/12 = 83.3 % → 3.3 pp behind. 集成电路 +4,000,000 / 50,000,000 = 8.0 pp (40.0 %);
// 新型显示 −1,000,000 / 50,000,000 = −2.0 pp (−5.0 %).
const NGIT =
  '1—10月，全市新一代信息技术产业实现产值5600.00亿元，同比增长12.0%，完成年度目标80.0%，慢于时序进度3.3个百分点。' +
  '从细分领域看，集成电路同比增长40.0%，拉动新一代信息技术产业增长8.0个百分点；新型显示同比下降5.0%，下拉新一代信息技术产业增速2.0个百分点。';
const BIO = '1—10月，全市生物医药与健康产业实现产值950.00亿元，同比下降5.0%，完成年度目标63.3%，慢于时序进度20.0个百分点。'; // 950/1500
const NMNE = '1—10月，全市新材料与新能源产业实现产值800.00亿元，与上年同期持平，完成年度目标57.1%，慢于时序进度26.2个百分点。'; // 800/1400
const DC = '1—10月，全市数字创意产业实现营收1308.00亿元，同比增长9.0%，完成年度目标72.7%，慢于时序进度10.6个百分点。'; // 1308/1800
const MARINE = '1—10月，全市海洋高新产业实现产值1650.00亿元，同比增长10.0%，完成年度目标82.5%，慢于时序进度0.8个百分点。'; // 1650/2000
const X = '1—10月，全市未来赛道产值数据暂缺。';
const DISTRICTS = '分区域看，增速居前的是湖里区（同比增长15.0%）、集美区（同比增长10.0%），增速靠后的是思明区（同比下降2.0%）、海沧区（同比增长5.0%）。';
const PARKS = '分园区看，增速居前的是厦门生物医药港（同比增长20.0%）、湖里东部科技创新园（同比增长15.0%），增速靠后的是海沧南部工业组团（同比增长5.0%）、火炬园（同比增长10.0%）。';
const BEHIND =
  '5项年度目标慢于时序进度：新一代信息技术产业总规模完成年度目标80.0%，慢于时序进度3.3个百分点；生物医药与健康产业总规模完成年度目标63.3%，慢于时序进度20.0个百分点；' +
  '新材料与新能源产业总规模完成年度目标57.1%，慢于时序进度26.2个百分点；数字创意产业总规模完成年度目标72.7%，慢于时序进度10.6个百分点；海洋高新产业总规模完成年度目标82.5%，慢于时序进度0.8个百分点。';
// 湖里区: 23,000,000 vs 20,000,000 → 2300.00 亿元, +15.0 %; its parks only.
const HULI_TOTAL = '1—10月，湖里区五大战略性新兴产业实现产业规模2300.00亿元，同比增长15.0%。同期，全市实现产业规模10308.00亿元，同比增长8.5%。';
const HULI_PARKS = '分园区看，增速居前的是湖里东部科技创新园（同比增长15.0%），增速靠后的是火炬园（同比增长10.0%）。';

const FILE_NAME = '2025年1—10月产业运行简报';

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(testDatabases())('monthly brief on $name', ({ config }) => {
  let t: TestApp;
  let admin: AuthedAgent;
  let mayor: AuthedAgent;
  let huli: AuthedAgent;
  let gxj: AuthedAgent;
  let stats: AuthedAgent;
  let city: BriefSummaryDto;

  const paragraphs = (b: BriefDto, key: string) => b.content.sections.find((s) => s.key === key)?.paragraphs ?? [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'im-brief-'));
    const uploads = { maxBytes: 50 * 1024 * 1024, swingWarnPct: 500, maxIssues: 20_000, lockWaitSeconds: 30, dir: join(dataDir, 'uploads') };
    t = await createTestApp(testConfig(config(), { dataDir, uploads }), { seed: true, users: 'standard' });
    [admin, mayor, huli, gxj, stats] = await Promise.all(['admin', 'mayor', 'huli', 'gxj', 'stats'].map((u) => loginAs(t.app, u)));
  }, 120_000);
  afterAll(() => t?.close());

  it('writes the brief by itself once a month’s files are committed through the upload API', async () => {
    expect((await mayor.get('/api/briefs').expect(200)).body).toEqual([]);
    const report = await upload(stats, utf8(fixtureCsv()), '2025年10月产业数据.csv');
    expect(report.body.issues.errors, JSON.stringify(report.body).slice(0, 500)).toBe(0);
    expect(report.body.canCommit).toBe(true);
    expect((await commit(stats, report.body.batch.id)).status).toBe(200);
    const list = await waitFor('the brief of 2025-10', async () => {
      const body = (await mayor.get('/api/briefs').expect(200)).body as BriefSummaryDto[];
      return body.some((b) => b.year === 2025 && b.month === 10) ? body : null;
    });
    city = list.find((b) => b.year === 2025 && b.month === 10)!;
    expect(city).toMatchObject({ kind: 'monthly', scope: 'city', version: 1, trigger: 'event', title: FILE_NAME, periodLabel: '1—10月' });
    // 2024-10 is complete as well (every industry has its figure): its brief says the growth is not known.
    const older = list.find((b) => b.year === 2024 && b.month === 10)!;
    const olderBrief = (await mayor.get(`/api/briefs/${older.id}`).expect(200)).body as BriefDto;
    expect(paragraphs(olderBrief, 'overview')[0]).toBe('1—10月，全市五大战略性新兴产业实现产业规模9500.00亿元，同比增速暂缺。');
    // The months in between have no data: no brief.
    expect(list.filter((b) => b.scope === 'city').map((b) => `${b.year}-${b.month}`)).toEqual(['2025-10', '2024-10']);
  });

  it('says what the figures say, in the words of a government brief (checked against hand computation)', async () => {
    const b = (await mayor.get(`/api/briefs/${city.id}`).expect(200)).body as BriefDto;
    expect(b.content.title).toBe(FILE_NAME);
    expect(b.content.sections.map((s) => s.key)).toEqual(['overview', 'industries', 'regions', 'parks', 'targets', 'missing', 'problems']);
    expect(paragraphs(b, 'overview')).toEqual([TOTAL]);
    expect(paragraphs(b, 'industries')).toEqual([NGIT, BIO, NMNE, DC, MARINE, X]);
    expect(paragraphs(b, 'regions')).toEqual([DISTRICTS]);
    expect(paragraphs(b, 'parks')).toEqual([PARKS]);
    expect(paragraphs(b, 'targets')).toEqual([BEHIND]);
    expect(paragraphs(b, 'missing')).toEqual(['本期应报数据均已报送。']);
    expect(paragraphs(b, 'problems')).toEqual(['牵头单位反映的问题均在办理期限内，无逾期未办结事项。']);
    // Tables: figures in 亿元 as numbers, each row with its file row.
    const overview = b.content.sections[0].tables[0];
    const ngitRow = overview.rows.find((r) => r.cells.name === '新一代信息技术产业')!;
    expect(ngitRow.cells).toMatchObject({ ytd: 5600, yoy: 12, indicator: '产值' });
    expect(ngitRow.source).toMatch(/^上传批次 \d+ 第 \d+ 行$/);
    expect(b.content.sources.map((s) => s.fileName)).toEqual(['2025年10月产业数据.csv']);
    const chart = b.content.sections[0].chart!;
    expect(chart.categories).toEqual(['新一代信息技术', '生物医药与健康', '新材料与新能源', '数字创意', '海洋高新']);
    expect(chart.series[0].values).toEqual([5600, 950, 800, 1308, 1650]);
  });

  it('gives a district user the district’s view only: no other district’s parks, no city brief', async () => {
    const list = (await huli.get('/api/briefs').expect(200)).body as BriefSummaryDto[];
    expect(list.every((b) => b.scope === 'district:xm.huli')).toBe(true);
    const mine = list.find((b) => b.year === 2025 && b.month === 10)!;
    expect(mine.title).toBe('湖里区2025年1—10月产业运行简报');
    const b = (await huli.get(`/api/briefs/${mine.id}`).expect(200)).body as BriefDto;
    expect(paragraphs(b, 'overview')).toEqual([HULI_TOTAL]);
    expect(paragraphs(b, 'parks')).toEqual([HULI_PARKS]);
    const text = JSON.stringify(b.content);
    for (const foreign of ['海沧南部工业组团', '厦门生物医药港', '软件园', '海沧区', '思明区']) expect(text).not.toContain(foreign);
    // The city brief (and another district's view) are not found for this user.
    await huli.get(`/api/briefs/${city.id}`).expect(404);
    await huli.get(`/api/briefs/${city.id}.docx`).expect(404);
    const haicang = (await mayor.get('/api/briefs?scope=district:xm.haicang').expect(200)).body as BriefSummaryDto[];
    expect(haicang[0].scope).toBe('district:xm.haicang');
    await huli.get(`/api/briefs/${haicang[0].id}`).expect(404);
    // Asking for another scope is ignored for a district user.
    expect(((await huli.get('/api/briefs?scope=city').expect(200)).body as BriefSummaryDto[]).every((s) => s.scope === 'district:xm.huli')).toBe(true);
  });

  it('gives a lead unit the city brief without the district and park sections', async () => {
    const b = (await gxj.get(`/api/briefs/${city.id}`).expect(200)).body as BriefDto;
    expect(b.content.sections.map((s) => s.key)).toEqual(['overview', 'industries', 'targets', 'missing', 'problems']);
    expect(JSON.stringify(b.content)).not.toContain('海沧南部工业组团');
  });

  it('keeps the version when an identical regeneration is asked for, and adds one when the wording changed', async () => {
    const same = (await admin.post('/api/briefs/generate').send({ year: 2025, month: 10 }).expect(200)).body as GenerateBriefResultDto;
    expect(same.briefs.find((x) => x.scope === 'city')).toMatchObject({ id: city.id, version: 1, created: false });
    expect(same.briefs.every((x) => !x.created)).toBe(true);

    // An adjusted pattern: refused with a clear message when a placeholder is unknown or missing.
    const bad = await admin.put('/api/briefs/templates/growth.up').send({ text: '增长{rate}%{foo}' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'REPORTS_TEMPLATE_INVALID' });
    expect(bad.body.message).toContain('未知占位符 {foo}');
    const missing = await admin.put('/api/briefs/templates/growth.up').send({ text: '增长了' }).expect(400);
    expect(missing.body.message).toContain('缺少必需的占位符 {rate}');
    const preview = await admin.post('/api/briefs/templates/preview').send({ key: 'growth.up', text: '比上年同期增长{rate}%' }).expect(200);
    expect(preview.body.samples[0]).toBe('比上年同期增长12.3%');
    expect(preview.body.samples).toContain('1—10月，全市新一代信息技术产业实现产值1234.57亿元，比上年同期增长12.3%，完成年度目标85.6%，快于时序进度2.3个百分点。');
    await admin.put('/api/briefs/templates/growth.up').send({ text: '比上年同期增长{rate}%' }).expect(200);
    const set = (await admin.get('/api/briefs/templates').expect(200)).body as BriefTemplateSetDto;
    expect(set.version).toBe(1);
    expect(set.templates.find((x) => x.key === 'growth.up')).toMatchObject({ text: '比上年同期增长{rate}%', isDefault: false, revision: 1, updatedBy: 'admin' });

    const again = (await admin.post('/api/briefs/generate').send({ year: 2025, month: 10 }).expect(200)).body as GenerateBriefResultDto;
    const v2 = again.briefs.find((x) => x.scope === 'city')!;
    expect(v2).toMatchObject({ version: 2, created: true });
    const b2 = (await mayor.get(`/api/briefs/${v2.id}`).expect(200)).body as BriefDto;
    expect(paragraphs(b2, 'industries')[0]).toContain('实现产值5600.00亿元，比上年同期增长12.0%');
    expect(b2).toMatchObject({ trigger: 'manual', generatedBy: 'admin', templateVersion: 1 });
    expect(b2.versions.map((v) => v.version)).toEqual([2, 1]);
    // The earlier version stays readable as it was; the list shows the latest.
    expect(paragraphs((await mayor.get(`/api/briefs/${city.id}`).expect(200)).body as BriefDto, 'industries')[0]).toBe(NGIT);
    expect(((await mayor.get('/api/briefs?year=2025').expect(200)).body as BriefSummaryDto[])[0]).toMatchObject({ id: v2.id, version: 2 });
    expect(await t.dataSource.getRepository(Brief).countBy({ scope: 'city', year: 2025, month: 10 })).toBe(2);

    // Restoring the default and regenerating adds version 3, saying what version 1 said.
    await admin.put('/api/briefs/templates/growth.up').send({ text: '' }).expect(200);
    const history = (await admin.get('/api/briefs/templates/growth.up/history').expect(200)).body as { revision: number; text: string }[];
    expect(history.map((h) => [h.revision, h.text])).toEqual([
      [2, ''],
      [1, '比上年同期增长{rate}%'],
    ]);
    const v3 = ((await admin.post('/api/briefs/generate').send({ year: 2025, month: 10 }).expect(200)).body as GenerateBriefResultDto).briefs.find((x) => x.scope === 'city')!;
    expect(v3.version).toBe(3);
    expect(paragraphs((await mayor.get(`/api/briefs/${v3.id}`).expect(200)).body as BriefDto, 'industries')[0]).toBe(NGIT);
  });

  it('refuses what it cannot write, with a clear message', async () => {
    const none = await admin.post('/api/briefs/generate').send({ year: 2025, month: 5 }).expect(422);
    expect(none.body).toMatchObject({ code: 'REPORTS_NO_DATA' });
    expect(none.body.message).toContain('2025年5月还没有');
    await admin.post('/api/briefs/generate').send({ year: 2025, month: 13 }).expect(400);
    const annual = await admin.post('/api/briefs/generate').send({ year: 2025, month: 10, kind: 'annual' }).expect(400);
    expect(annual.body.message).toContain('年度报告');
    await mayor.post('/api/briefs/generate').send({ year: 2025, month: 10 }).expect(403);
    await mayor.get('/api/briefs/999999').expect(404);
  });

  it('exports an editable Word document with the sentences and the Chinese fonts, audited', async () => {
    const latest = ((await mayor.get('/api/briefs?year=2025').expect(200)).body as BriefSummaryDto[])[0];
    const before = (await t.dataSource.getRepository(AuditLog).maximum('id')) ?? 0;
    const res = await mayor.get(`/api/briefs/${latest.id}.docx`).buffer(true).parse(binary as never).expect(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${FILE_NAME.replace(/[^\x20-\x7e]/g, '_')}.docx"; filename*=UTF-8''${encodeURIComponent(`${FILE_NAME}.docx`)}`);
    const xml = readZipEntry(res.body as Buffer, 'word/document.xml')!.toString('utf8');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const sentence of [FILE_NAME, '一、总体情况', TOTAL, NGIT, DISTRICTS, BEHIND]) expect(text).toContain(sentence);
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    const audit = await t.dataSource.getRepository(AuditLog).createQueryBuilder('a').where('a.id > :before', { before }).getMany();
    expect(audit.map((a) => [a.action, a.objectType, a.objectId, a.username])).toEqual([['export', 'brief', String(latest.id), 'mayor']]);
    expect(audit[0].fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exports the tables to Excel, one sheet per section, numbers as numbers', async () => {
    const res = await mayor.get(`/api/briefs/${city.id}.xlsx`).buffer(true).parse(binary as never).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${FILE_NAME}.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['一、总体情况', '二、分产业运行情况', '三、分区域运行情况', '四、重点园区运行情况', '五、年度目标进度', '六、数据报送情况', '七、问题督办情况']);
    const ws = wb.getWorksheet('一、总体情况')!;
    let ngit: ExcelJS.Row | null = null;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '新一代信息技术产业') ngit = r;
    });
    expect(ngit).not.toBeNull();
    const row = ngit as unknown as ExcelJS.Row;
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual(['产值', 5600, 12]);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
  });

  it('runs the scheduled jobs for a fixed moment: brief.monthly catches up missing months once, report.annual waits for December', async () => {
    const registry = t.app.get(JobRegistry);
    const monthly = registry.get('brief.monthly')!;
    const annual = registry.get('report.annual')!;
    expect([monthly.cron, annual.cron]).toEqual(['0 0 9 15 * *', '0 0 9 20 1 *']);
    const repo = t.dataSource.getRepository(Brief);
    await repo.delete({ year: 2024, month: 10 });
    const first = await monthly.run({ now: new Date('2025-11-15T01:00:00Z'), trigger: 'manual' });
    expect(first.details).toMatchObject({ generated: ['2024-10'] });
    expect(first.summary).toContain('已生成 2024-10 的简报');
    expect(await repo.findOneBy({ year: 2024, month: 10, scope: 'city' })).toMatchObject({ version: 1, trigger: 'schedule' });
    const second = await monthly.run({ now: new Date('2025-11-15T01:00:00Z'), trigger: 'manual' });
    expect(second.details).toMatchObject({ generated: [] });
    expect(await repo.countBy({ year: 2024, month: 10, version: 2 })).toBe(0);
    const report = await annual.run({ now: new Date('2026-01-20T01:00:00Z'), trigger: 'schedule' });
    expect(report.summary).toBe('2025年12月数据不全，暂不生成年度报告');
    expect(await repo.countBy({ kind: 'annual' })).toBe(0);
  });
});

/** supertest: collect a binary body into a Buffer. */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
