import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode as iconvDecode, encode as iconvEncode } from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetailDto, TargetDto, TargetImportReportDto } from '@im/contracts';
import { seedsDir } from '@im/seeds';
import { ReferenceSeeder } from '../src/modules/seed/reference-seeder';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

const PLAN = 'xm-sei-14';
const SEED_TARGETS_CSV = readFileSync(join(seedsDir(), 'reference', 'targets.csv'), 'utf8');
const BOM = '\uFEFF';

/** Every row of the plans module's tables, for "nothing changed" comparisons. */
async function snapshot(t: TestApp): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of ['plan', 'target', 'annual_target']) {
    const rows = (await t.dataSource.query(`SELECT * FROM ${table} ORDER BY id`)) as Record<string, unknown>[];
    // Drivers differ in how they hand out DECIMAL (string vs number): compare the text.
    out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(Number.isNaN(Number(v)) ? v : Number(v))])));
  }
  return out;
}

/** The seed file with one cell replaced in the row of `code` (by column name). */
function editSeedCsv(edits: { code: string; column: string; value: string }[], extraLines: string[] = []): string {
  const lines = SEED_TARGETS_CSV.trimEnd().split('\n');
  const header = lines[0].split(',');
  for (const e of edits) {
    const i = lines.findIndex((l) => l.split(',')[1] === e.code);
    const cells = lines[i].split(',');
    cells[header.indexOf(e.column)] = e.value;
    lines[i] = cells.join(',');
  }
  return [...lines, ...extraLines].join('\n') + '\n';
}

const NEW_TARGET_LINE = `${PLAN},xm-sei-14.ai-scale,人工智能产业规模,industry,sei.ngit.ai,xm,revenue,,,,level,gte,500,2025,200,2020,,亿元,test,第四章,`;

describe.each(testDatabases())('plans administration API on $name', ({ config }) => {
  let t: TestApp;
  let admin: AuthedAgent;
  // Plans and targets are changed by admins (plans.write); reads need any role.
  const http = () => admin;
  const upload = (csv: string | Buffer, query = '', name = 'targets.csv') =>
    http()
      .post(`/api/plans/${PLAN}/targets/import${query}`)
      .attach('file', typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv, name);

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()), { users: [{ username: 'admin', role: 'admin' }] });
    await new ReferenceSeeder(t.dataSource).run();
    admin = await loginAs(t.app, 'admin');
  });
  afterAll(() => t?.close());

  describe('reads', () => {
    it('GET /api/plans/:code gives the plan with its 13 targets and named numerator/denominator series', async () => {
      const res = await http().get(`/api/plans/${PLAN}`).expect(200);
      const plan = res.body as PlanDetailDto;
      expect(plan).toMatchObject({ code: PLAN, startYear: 2021, endYear: 2025, ownerUnit: '市发改委' });
      expect(plan.targets).toHaveLength(13);
      const bio = plan.targets.find((x) => x.code === 'xm-sei-14.bio-scale')!;
      expect(bio).toMatchObject({
        planCode: PLAN,
        subjectType: 'industry',
        kind: 'level',
        comparator: 'gte',
        targetValue: 1500,
        targetYear: 2025,
        baselineValue: 776,
        baselineYear: 2020,
        unit: '亿元',
        denominator: null,
        annualTargets: [],
      });
      expect(bio.numerator).toEqual({ indicatorCode: 'output', indicatorName: '产值', industryCode: 'sei.bio', industryName: '生物医药与健康', regionCode: 'xm', regionName: '厦门市' });
      const share = plan.targets.find((x) => x.code === 'xm-sei-14.rd-intensity')!;
      expect(share.targetValue).toBe(3.5);
      expect(share.denominator).toMatchObject({ indicatorCode: 'gdp', industryCode: null, regionCode: 'xm' });
      expect(JSON.stringify(plan)).not.toMatch(/"id"|planId|indicatorId/);
    });

    it('GET targets and one target; unknown plan or target is a Chinese 404', async () => {
      const list = await http().get(`/api/plans/${PLAN}/targets`).expect(200);
      expect((list.body as TargetDto[]).map((x) => x.code)).toContain('xm-sei-14.hnte');
      const one = await http().get(`/api/plans/${PLAN}/targets/xm-sei-14.hnte`).expect(200);
      expect(one.body).toMatchObject({ code: 'xm-sei-14.hnte', kind: 'count', targetValue: 3500, unit: '家', subjectType: 'city' });
      const noPlan = await http().get('/api/plans/nope').expect(404);
      expect(noPlan.body).toMatchObject({ code: 'PLANS_PLAN_NOT_FOUND', message: '未找到规划"nope"' });
      const noTarget = await http().get(`/api/plans/${PLAN}/targets/nope`).expect(404);
      expect(noTarget.body.code).toBe('PLANS_TARGET_NOT_FOUND');
      await http().get('/api/plans/nope/targets').expect(404);
    });
  });

  describe('CSV export and import', () => {
    it('exports exactly the seed file, with a BOM for Excel', async () => {
      const res = await http().get(`/api/plans/${PLAN}/targets.csv`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${PLAN}-targets.csv"`);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.subarray(3).toString('utf8')).toBe(SEED_TARGETS_CSV);
    });

    it('export → import changes nothing', async () => {
      const before = await snapshot(t);
      const exported = (await http().get(`/api/plans/${PLAN}/targets.csv`)).text;
      expect(exported.startsWith(BOM)).toBe(true);
      const res = await upload(exported).expect(200);
      const report = res.body as TargetImportReportDto;
      expect(report).toMatchObject({ applied: true, dryRun: false, encoding: 'utf-8', rowCount: 13, inserted: 0, updated: 0, unchanged: 13, errors: [], notInFile: [] });
      expect(await snapshot(t)).toEqual(before);
    });

    it('a dry run reports inserts and updates (old → new) and changes nothing', async () => {
      const before = await snapshot(t);
      const csv = editSeedCsv([{ code: 'xm-sei-14.bio-scale', column: 'target_value', value: '1600' }], [NEW_TARGET_LINE]);
      const res = await upload(csv, '?dryRun=true').expect(200);
      const report = res.body as TargetImportReportDto;
      expect(report).toMatchObject({ dryRun: true, applied: false, rowCount: 14, inserted: 1, updated: 1, unchanged: 12, errors: [] });
      expect(report.rows.find((r) => r.code === 'xm-sei-14.bio-scale')).toEqual({ row: 6, code: 'xm-sei-14.bio-scale', action: 'update', changes: [{ column: 'target_value', from: '1500', to: '1600' }] });
      expect(report.rows.find((r) => r.code === 'xm-sei-14.ai-scale')).toMatchObject({ row: 15, action: 'insert' });
      expect(await snapshot(t)).toEqual(before);
    });

    it('a file with errors is refused as a whole: every error with its line and column, nothing changed', async () => {
      const before = await snapshot(t);
      const csv = editSeedCsv(
        [
          { code: 'xm-sei-14.bio-scale', column: 'target_value', value: '1600' }, // valid on its own: must not be applied
          { code: 'xm-sei-14.nmne-scale', column: 'kind', value: 'levle' },
          { code: 'xm-sei-14.marine-scale', column: 'industry_code', value: 'sei.marin' },
          { code: 'xm-sei-14.rd-intensity', column: 'denominator_indicator_code', value: '' },
        ],
        [NEW_TARGET_LINE, NEW_TARGET_LINE],
      );
      const res = await upload(csv).expect(400);
      expect(res.body.code).toBe('PLANS_IMPORT_INVALID');
      expect(res.body.message).toMatch(/没有导入任何内容/);
      const report = res.body.details as TargetImportReportDto;
      expect(report.applied).toBe(false);
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [7, 'kind', 'invalid_kind'],
        [9, 'industry_code', 'unknown_industry'],
        [13, 'denominator_indicator_code', 'denominator_required'],
        [16, 'code', 'duplicate_code'],
      ]);
      expect(report.errors[1].message).toContain('sei.marine（海洋高新）');
      expect(report.errors[3].message).toContain('第 15 行');
      expect(await snapshot(t)).toEqual(before);

      // The same file as a dry run: a 200 report with the same errors and what the valid rows would do.
      const dry = await upload(csv, '?dryRun=true').expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, applied: false, updated: 1, inserted: 1, errors: report.errors });
      expect(await snapshot(t)).toEqual(before);
    });

    it('applies inserts and updates in one go and reports what it did', async () => {
      const csv = editSeedCsv([{ code: 'xm-sei-14.bio-scale', column: 'target_value', value: '1600.25' }], [NEW_TARGET_LINE]);
      const res = await upload(csv).expect(200);
      expect(res.body).toMatchObject({ applied: true, inserted: 1, updated: 1, unchanged: 12 });
      const bio = await http().get(`/api/plans/${PLAN}/targets/xm-sei-14.bio-scale`).expect(200);
      expect(bio.body.targetValue).toBe(1600.25);
      const ai = await http().get(`/api/plans/${PLAN}/targets/xm-sei-14.ai-scale`).expect(200);
      expect(ai.body.numerator).toMatchObject({ indicatorCode: 'revenue', industryCode: 'sei.ngit.ai', industryName: '人工智能' });

      // The seed file again: restores the value; the extra target is kept and listed.
      const back = await upload(SEED_TARGETS_CSV).expect(200);
      expect(back.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 12, notInFile: ['xm-sei-14.ai-scale'] });
      await http().delete(`/api/plans/${PLAN}/targets/xm-sei-14.ai-scale`).expect(204);
    });

    it('reads a GBK file (Excel on Chinese Windows) with CRLF line ends', async () => {
      const before = await snapshot(t);
      const gbk = iconvEncode(SEED_TARGETS_CSV.replace(/\n/g, '\r\n'), 'gbk');
      expect(iconvDecode(gbk, 'gbk')).toContain('战略性新兴产业');
      const res = await upload(gbk, '', '目标.csv').expect(200);
      expect(res.body).toMatchObject({ encoding: 'gbk', unchanged: 13, updated: 0, inserted: 0, fileName: expect.any(String) });
      expect(await snapshot(t)).toEqual(before);
    });

    it('refuses a request without a file, with a wrong field name, or with unknown query parameters', async () => {
      const none = await http().post(`/api/plans/${PLAN}/targets/import`).expect(400);
      expect(none.body.code).toBe('PLANS_IMPORT_FILE_MISSING');
      const wrong = await http().post(`/api/plans/${PLAN}/targets/import`).attach('upload', Buffer.from(SEED_TARGETS_CSV), 'a.csv').expect(400);
      expect(wrong.body.code).toBe('PLANS_IMPORT_UPLOAD_INVALID');
      const two = await upload(SEED_TARGETS_CSV).attach('file', Buffer.from(SEED_TARGETS_CSV), 'b.csv').expect(400);
      expect(two.body.code).toBe('PLANS_IMPORT_UPLOAD_INVALID');
      const big = await upload(Buffer.alloc(1024 * 1024 + 1, 0x41)).expect(413);
      expect(big.body).toMatchObject({ code: 'PLANS_IMPORT_FILE_TOO_LARGE', message: '文件太大：目标文件最大 1024 KB' });
      const badQuery = await upload(SEED_TARGETS_CSV, '?dryRun=yes').expect(400);
      expect(badQuery.body.code).toBe('BAD_REQUEST');
      await upload(SEED_TARGETS_CSV, '?force=true').expect(400);
      await http().post('/api/plans/nope/targets/import').attach('file', Buffer.from(SEED_TARGETS_CSV), 'a.csv').expect(404);
    });

    it('refuses a file of another plan and a file that is not a targets file', async () => {
      const other = await upload(SEED_TARGETS_CSV.replace(/^xm-sei-14,xm-sei-14\.hnte,/m, 'xm-sei-15,xm-sei-14.hnte,')).expect(400);
      expect(other.body.details.errors).toEqual([expect.objectContaining({ row: 10, column: 'plan_code', code: 'plan_mismatch' })]);
      const wrongFile = await upload('指标名称,计量单位,本月\n产值,万元,1\n').expect(400);
      expect(wrongFile.body.details.errors[0]).toMatchObject({ row: 1, code: 'unknown_column' });
    });

    it('escapes formula-looking text on export and reads it back unchanged', async () => {
      await http()
        .post(`/api/plans/${PLAN}/targets`)
        .send({ code: 'xm-sei-14.formula', name: '=HYPERLINK("http://x","点我")', subjectType: 'city', indicatorCode: 'hnte_count', kind: 'count', targetValue: '10', targetYear: 2025, unit: '家', note: '-5 与 +3, @备注' })
        .expect(201);
      const before = await snapshot(t);
      const exported = (await http().get(`/api/plans/${PLAN}/targets.csv`)).text;
      const line = exported.split('\n').find((l) => l.includes('xm-sei-14.formula'))!;
      expect(line).toBe(`${PLAN},xm-sei-14.formula,"'=HYPERLINK(""http://x"",""点我"")",city,,,hnte_count,,,,count,gte,10,2025,,,,家,,,"'-5 与 +3, @备注"`);
      const res = await upload(exported).expect(200);
      expect(res.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 14 });
      expect(await snapshot(t)).toEqual(before);
      await http().delete(`/api/plans/${PLAN}/targets/xm-sei-14.formula`).expect(204);
    });
  });

  describe('plans', () => {
    const plan = { code: 'xm-test-plan', name: '测试规划', startYear: 2024, endYear: 2027, ownerUnit: '市工信局' };

    it('creates, reads, changes and deletes a plan', async () => {
      const created = await http().post('/api/plans').send(plan).expect(201);
      expect(created.body).toEqual({ ...plan, nameEn: null, source: null });
      expect((await http().get('/api/plans').expect(200)).body.map((p: { code: string }) => p.code)).toContain(plan.code);
      const changed = await http().patch(`/api/plans/${plan.code}`).send({ name: '测试规划（修订）', endYear: 2028, ownerUnit: null }).expect(200);
      expect(changed.body).toMatchObject({ name: '测试规划（修订）', endYear: 2028, ownerUnit: null, startYear: 2024 });
      expect((await http().get(`/api/plans/${plan.code}`).expect(200)).body).toMatchObject({ name: '测试规划（修订）', targets: [] });
      await http().delete(`/api/plans/${plan.code}`).expect(204);
      await http().get(`/api/plans/${plan.code}`).expect(404);
      await http().delete(`/api/plans/${plan.code}`).expect(404);
    });

    it('refuses bad plans: unknown fields, bad code, years reversed, duplicate code', async () => {
      const before = await snapshot(t);
      const unknown = await http().post('/api/plans').send({ ...plan, owner: 'x' }).expect(400);
      expect(unknown.body.code).toBe('BAD_REQUEST');
      await http().post('/api/plans').send({ ...plan, code: 'Bad Code' }).expect(400);
      await http().post('/api/plans').send({ ...plan, startYear: '2024' }).expect(400);
      const reversed = await http().post('/api/plans').send({ ...plan, startYear: 2030 }).expect(400);
      expect(reversed.body.code).toBe('PLANS_INVALID_PLAN_YEARS');
      const dup = await http().post('/api/plans').send({ ...plan, code: PLAN }).expect(409);
      expect(dup.body.code).toBe('PLANS_PLAN_EXISTS');
      await http().patch(`/api/plans/${PLAN}`).send({ code: 'renamed' }).expect(400);
      await http().patch(`/api/plans/${PLAN}`).send({ name: null }).expect(400);
      await http().patch(`/api/plans/${PLAN}`).send({ endYear: 2020 }).expect(400);
      expect(await snapshot(t)).toEqual(before);
    });

    it('refuses to delete a plan that has targets (409, Chinese message) and to move its start after a target year', async () => {
      const before = await snapshot(t);
      const res = await http().delete(`/api/plans/${PLAN}`).expect(409);
      expect(res.body).toMatchObject({ code: 'PLANS_PLAN_HAS_TARGETS', message: `规划"${PLAN}"下还有 13 个目标，不能删除：请先删除这些目标` });
      const late = await http().patch(`/api/plans/${PLAN}`).send({ startYear: 2026, endYear: 2030 }).expect(409);
      expect(late.body.code).toBe('PLANS_PLAN_YEARS_CONFLICT');
      expect(await snapshot(t)).toEqual(before);
    });
  });

  describe('targets', () => {
    const base = {
      code: 'xm-sei-14.ic-scale',
      name: '集成电路产业规模',
      subjectType: 'industry',
      industryCode: 'sei.ngit.ic',
      regionCode: 'xm.haicang',
      indicatorCode: 'output',
      kind: 'level',
      comparator: 'gte',
      targetValue: '1000.5',
      targetYear: 2025,
      baselineValue: 400,
      baselineYear: 2020,
      unit: '亿元',
      sourceDocument: '测试',
    };

    it('creates, changes and deletes a target', async () => {
      const created = await http().post(`/api/plans/${PLAN}/targets`).send(base).expect(201);
      expect(created.body).toMatchObject({ code: base.code, targetValue: 1000.5, baselineValue: 400, comparator: 'gte', denominator: null, annualTargets: [] });
      expect(created.body.numerator).toEqual({ indicatorCode: 'output', indicatorName: '产值', industryCode: 'sei.ngit.ic', industryName: '集成电路', regionCode: 'xm.haicang', regionName: '海沧区' });
      const changed = await http().patch(`/api/plans/${PLAN}/targets/${base.code}`).send({ targetValue: '1200', regionCode: null, note: '  调整  ' }).expect(200);
      expect(changed.body).toMatchObject({ targetValue: 1200, note: '调整', numerator: { regionCode: null } });
      const stored = await t.dataSource.query(`SELECT target_value, region_id FROM target WHERE code = ?`, [base.code]);
      expect(Number(stored[0].target_value)).toBe(1200);
      expect(stored[0].region_id).toBeNull();
      await http().delete(`/api/plans/${PLAN}/targets/${base.code}`).expect(204);
      await http().get(`/api/plans/${PLAN}/targets/${base.code}`).expect(404);
      await http().delete(`/api/plans/${PLAN}/targets/${base.code}`).expect(404);
    });

    it('refuses invalid targets with field errors in Chinese, and changes nothing', async () => {
      const before = await snapshot(t);
      const post = (body: object) => http().post(`/api/plans/${PLAN}/targets`).send(body);

      const unknownField = await post({ ...base, owner: 'x' }).expect(400);
      expect(unknownField.body.code).toBe('BAD_REQUEST');
      expect((await post({ ...base, kind: 'ratio' }).expect(400)).body.code).toBe('BAD_REQUEST');
      expect((await post({ ...base, comparator: 'lt' }).expect(400)).body.code).toBe('BAD_REQUEST');
      expect((await post({ ...base, targetValue: '-5' }).expect(400)).body.code).toBe('BAD_REQUEST');

      const unknownIndustry = await post({ ...base, industryCode: 'sei.ngit.icc' }).expect(400);
      expect(unknownIndustry.body).toMatchObject({ code: 'PLANS_INVALID_TARGET', details: [{ field: 'industryCode', code: 'unknown_industry' }] });
      expect(unknownIndustry.body.message).toContain('sei.ngit.ic（集成电路）');

      const share = await post({ ...base, kind: 'share', unit: '%' }).expect(400);
      expect(share.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort()).toEqual([
        'denominatorIndicatorCode:denominator_required',
        'denominatorRegionCode:denominator_required',
      ]);
      const levelWithDenominator = await post({ ...base, denominatorIndicatorCode: 'gdp' }).expect(400);
      expect(levelWithDenominator.body.details).toEqual([expect.objectContaining({ field: 'denominatorIndicatorCode', code: 'denominator_not_allowed' })]);
      const zero = await post({ ...base, targetValue: '0' }).expect(400);
      expect(zero.body.details[0]).toMatchObject({ field: 'targetValue', code: 'not_positive' });
      const early = await post({ ...base, targetYear: 2019, baselineYear: 2018 }).expect(400);
      expect(early.body.details[0]).toMatchObject({ field: 'targetYear', code: 'target_year_before_plan' });
      const baseline = await post({ ...base, baselineYear: 2025 }).expect(400);
      expect(baseline.body.details[0]).toMatchObject({ field: 'baselineYear', code: 'baseline_year_not_before_target' });
      const city = await post({ ...base, subjectType: 'city' }).expect(400);
      expect(city.body.details.map((d: { code: string }) => d.code)).toEqual(['subject_mismatch', 'subject_mismatch']);
      const unit = await post({ ...base, unit: '家' }).expect(400);
      expect(unit.body.details[0]).toMatchObject({ field: 'unit', code: 'unit_mismatch' });
      const dup = await post({ ...base, code: 'xm-sei-14.bio-scale' }).expect(409);
      expect(dup.body.code).toBe('PLANS_TARGET_EXISTS');
      await http().post('/api/plans/nope/targets').send(base).expect(404);

      const patchShare = await http().patch(`/api/plans/${PLAN}/targets/xm-sei-14.bio-scale`).send({ kind: 'share' }).expect(400);
      expect(patchShare.body.code).toBe('PLANS_INVALID_TARGET');
      await http().patch(`/api/plans/${PLAN}/targets/xm-sei-14.bio-scale`).send({ code: 'x' }).expect(400);
      await http().patch(`/api/plans/${PLAN}/targets/xm-sei-14.bio-scale`).send({ name: null }).expect(400);
      await http().patch(`/api/plans/${PLAN}/targets/nope`).send({ name: 'x' }).expect(404);
      expect(await snapshot(t)).toEqual(before);
    });
  });

  describe('annual targets', () => {
    const url = (year: number | string) => `/api/plans/${PLAN}/targets/xm-sei-14.bio-scale/annual/${year}`;

    it('sets, replaces and deletes the annual target of a year', async () => {
      expect((await http().put(url(2023)).send({ value: '1050', note: '年度计划' }).expect(200)).body).toEqual({ year: 2023, value: 1050, note: '年度计划' });
      expect((await http().put(url(2023)).send({ value: 1080.5 }).expect(200)).body).toEqual({ year: 2023, value: 1080.5, note: null });
      await http().put(url(2021)).send({ value: '900' }).expect(200);
      const target = await http().get(`/api/plans/${PLAN}/targets/xm-sei-14.bio-scale`).expect(200);
      expect(target.body.annualTargets).toEqual([
        { year: 2021, value: 900, note: null },
        { year: 2023, value: 1080.5, note: null },
      ]);
      await http().delete(url(2021)).expect(204);
      const gone = await http().delete(url(2021)).expect(404);
      expect(gone.body.code).toBe('PLANS_ANNUAL_TARGET_NOT_FOUND');
    });

    it('accepts only years strictly between the baseline (or plan start − 1) and the target year', async () => {
      const before = await snapshot(t);
      for (const year of [2020, 2025, 2030]) {
        const res = await http().put(url(year)).send({ value: '1000' }).expect(400);
        expect(res.body.code).toBe('PLANS_ANNUAL_YEAR_OUT_OF_RANGE');
        expect(res.body.message).toContain('2021–2024');
      }
      // No baseline: from the plan's start year.
      await http().put(`/api/plans/${PLAN}/targets/xm-sei-14.sei-va/annual/2020`).send({ value: '1000' }).expect(400);
      const bad = await http().put(url('20x3')).send({ value: '1000' }).expect(400);
      expect(bad.body.code).toBe('PLANS_INVALID_YEAR');
      await http().put(url(2022)).send({ value: '0' }).expect(400);
      await http().put(url(2022)).send({ value: '-1' }).expect(400);
      await http().put(url(2022)).send({ value: '100', extra: 1 }).expect(400);
      await http().put(`/api/plans/${PLAN}/targets/nope/annual/2022`).send({ value: '100' }).expect(404);
      expect(await snapshot(t)).toEqual(before);
    });

    it('keeps annual targets consistent when the target years change (409) and deletes them with the target', async () => {
      const move = await http().patch(`/api/plans/${PLAN}/targets/xm-sei-14.bio-scale`).send({ baselineYear: 2023 }).expect(409);
      expect(move.body).toMatchObject({ code: 'PLANS_ANNUAL_TARGETS_CONFLICT' });
      expect(move.body.message).toContain('2023');
      const csv = editSeedCsv([{ code: 'xm-sei-14.bio-scale', column: 'target_year', value: '2023' }]);
      const imported = await upload(csv).expect(400);
      expect(imported.body.details.errors).toEqual([expect.objectContaining({ row: 6, code: 'annual_targets_out_of_range' })]);

      await http()
        .post(`/api/plans/${PLAN}/targets`)
        .send({ code: 'xm-sei-14.tmp', name: '临时', subjectType: 'city', indicatorCode: 'hnte_count', kind: 'count', targetValue: '3000', targetYear: 2025, unit: '家' })
        .expect(201);
      await http().put(`/api/plans/${PLAN}/targets/xm-sei-14.tmp/annual/2022`).send({ value: '2500' }).expect(200);
      await http().delete(`/api/plans/${PLAN}/targets/xm-sei-14.tmp`).expect(204);
      const left = await t.dataSource.query(`SELECT COUNT(*) AS n FROM annual_target a LEFT JOIN target t ON t.id = a.target_id WHERE t.id IS NULL`);
      expect(Number(left[0].n)).toBe(0);
    });
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/plans/{code}', '/api/plans/{code}/targets', '/api/plans/{code}/targets.csv', '/api/plans/{code}/targets/{targetCode}', '/api/plans/{code}/targets/{targetCode}/annual/{year}', '/api/plans/{code}/targets/import']),
    );
    expect(Object.keys(doc.paths['/api/plans/{code}/targets/import'].post.requestBody!.content)).toEqual(['multipart/form-data']);
  });
});
