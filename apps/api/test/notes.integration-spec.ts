/**
 * Lead units' monthly notes and the problem list (对账销号) on the running application, with a fixed
 * clock: notes with versions, problems with history and status rules, the scope of each role (in the
 * SQL: lists, details, history, the brief's listOverdue / forMonth), overdue by the Asia/Shanghai
 * day, and one audit record per change.
 */
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyNoteDto, MonthlyNotesPageDto, MonthlyNoteVersionDto, NotesIndustryDto, ProblemDto, ProblemEventDto, ProblemsPageDto } from '@im/contracts';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { Clock, FixedClock } from '../src/core/clock/clock';
import { AccessScopeFactory } from '../src/modules/auth/access-scope.factory';
import { Problem } from '../src/modules/notes/entities/problem.entity';
import { NotesDemoSeeder } from '../src/modules/notes/notes-demo.seeder';
import { NotesService } from '../src/modules/notes/notes.service';
import { ProblemsService } from '../src/modules/notes/problems.service';
import { ReferenceSeeder } from '../src/modules/seed/reference-seeder';
import { User } from '../src/modules/users/entities/user.entity';
import { UsersService } from '../src/modules/users/users.service';
import { emptyDatabase, loginAs, TEST_PASSWORD, testConfig, testDatabases, type AuthedAgent } from './support/test-app';

/** 2025-11-20 12:00 in Beijing. */
const NOW = new Date('2025-11-20T04:00:00Z');

const USERS = [
  { username: 'admin', displayName: '管理员', role: 'admin', unit: '市大数据局' },
  { username: 'mayor', displayName: '市政府办公厅', role: 'leader', unit: '市政府办公厅' },
  { username: 'gxj', displayName: '工信局张三', role: 'lead_unit', unit: '市工信局', leadIndustryCodes: ['sei.ngit', 'xm446.pillar.electronics'] },
  { username: 'gxj2', displayName: '工信局李四', role: 'lead_unit', unit: '市工信局', leadIndustryCodes: ['sei.ngit'] },
  { username: 'kjj', displayName: '科技局王五', role: 'lead_unit', unit: '市科技局', leadIndustryCodes: ['sei.bio'] },
  { username: 'huli', displayName: '湖里区', role: 'district', unit: '湖里区人民政府', districtCode: 'xm.huli' },
] as const;

const NOTE = { progress: '召开产业链对接会', problems: '本地配套协作水平较低', suggestions: '建议召开供需对接会' };

describe.each(testDatabases())('notes and problems on $name', ({ config }) => {
  let app: INestApplication;
  let ds: DataSource;
  const clock = new FixedClock(NOW);
  const as: Record<string, AuthedAgent> = {};

  const auditRows = async (action: string, objectId: number | string) =>
    (await ds.query('SELECT action, username, object_type, object_id, detail FROM audit_log WHERE action = ? AND object_id = ?', [action, String(objectId)])) as {
      username: string;
      object_type: string;
      detail: string;
    }[];
  const scopeOf = async (username: string) => app.get(AccessScopeFactory).forUser((await ds.getRepository(User).findOneByOrFail({ username }))!);

  beforeAll(async () => {
    const cfg = testConfig(config());
    await emptyDatabase(cfg.database);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(cfg)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = configureApp(moduleRef.createNestApplication({ logger: ['error'], bodyParser: false }));
    await app.init();
    ds = app.get(DataSource);
    await new ReferenceSeeder(ds).run();
    for (const u of USERS) await app.get(UsersService).create({ ...u, leadIndustryCodes: 'leadIndustryCodes' in u ? [...u.leadIndustryCodes] : undefined, password: TEST_PASSWORD });
    for (const u of USERS) as[u.username] = await loginAs(app, u.username);
  });
  afterAll(() => app?.close());

  describe('monthly notes', () => {
    let noteId: number;

    it('a lead unit files a note (version 1), audited', async () => {
      const res = await as.gxj.put('/api/notes/sei.ngit/2025-10').send(NOTE).expect(200);
      const note = res.body as MonthlyNoteDto;
      expect(note).toMatchObject({ industryCode: 'sei.ngit', industryName: '新一代信息技术', period: '2025-10', unit: '市工信局', version: 1, ...NOTE, updatedBy: '工信局张三', canEdit: true });
      expect(note.updatedAt).toBe(NOW.toISOString());
      noteId = note.id;
      const audit = await auditRows('note.create', noteId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ username: 'gxj', object_type: 'monthly_note' });
      expect(JSON.parse(audit[0].detail)).toMatchObject({ industry: 'sei.ngit', period: '2025-10', version: 1 });
    });

    it('an edit adds a version; an unchanged save adds none; earlier versions stay readable', async () => {
      clock.set(new Date('2025-11-20T05:00:00Z'));
      const v2 = (await as.gxj.put('/api/notes/sei.ngit/2025-10').send({ ...NOTE, progress: '召开产业链对接会，走访企业 12 家', baseVersion: 1 }).expect(200)).body as MonthlyNoteDto;
      expect(v2).toMatchObject({ id: noteId, version: 2, progress: '召开产业链对接会，走访企业 12 家' });
      const same = (await as.gxj.put('/api/notes/sei.ngit/2025-10').send({ ...NOTE, progress: '召开产业链对接会，走访企业 12 家', baseVersion: 2 }).expect(200)).body as MonthlyNoteDto;
      expect(same.version).toBe(2);
      // Another user of the same unit edits the same note.
      const v3 = (await as.gxj2.put('/api/notes/sei.ngit/2025-10').send({ ...NOTE, suggestions: '建议加大通用厂房供给', baseVersion: 2 }).expect(200)).body as MonthlyNoteDto;
      expect(v3).toMatchObject({ version: 3, updatedBy: '工信局李四', suggestions: '建议加大通用厂房供给' });
      const versions = (await as.mayor.get(`/api/notes/${noteId}/versions`).expect(200)).body as MonthlyNoteVersionDto[];
      expect(versions.map((v) => [v.version, v.createdBy])).toEqual([
        [3, '工信局李四'],
        [2, '工信局张三'],
        [1, '工信局张三'],
      ]);
      expect(versions[2]).toMatchObject(NOTE);
      expect(versions[1].createdAt).toBe('2025-11-20T05:00:00.000Z');
      expect(await auditRows('note.update', noteId)).toHaveLength(2);
      clock.set(NOW);
    });

    it('refuses to overwrite a save made in between (409 NOTES_NOTE_CHANGED) and changes nothing', async () => {
      const stale = await as.gxj.put('/api/notes/sei.ngit/2025-10').send({ ...NOTE, progress: '旧稿', baseVersion: 2 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'NOTES_NOTE_CHANGED', details: { currentVersion: 3 } });
      expect(stale.body.message).toContain('第 3 版');
      const blind = await as.gxj.put('/api/notes/sei.ngit/2025-10').send({ ...NOTE, progress: '旧稿' }).expect(409);
      expect(blind.body.code).toBe('NOTES_NOTE_CHANGED');
      expect(((await as.gxj.get(`/api/notes/${noteId}`).expect(200)).body as MonthlyNoteDto).version).toBe(3);
    });

    it('lets a lead unit write only for the industries it leads and their sub-fields', async () => {
      await as.gxj.put('/api/notes/sei.ngit.ic/2025-10').send(NOTE).expect(200);
      await as.gxj.put('/api/notes/xm446.pillar.electronics/2025-10').send(NOTE).expect(200);
      const foreign = await as.gxj.put('/api/notes/sei.bio/2025-10').send(NOTE).expect(403);
      expect(foreign.body.code).toBe('NOTES_INDUSTRY_NOT_LED');
      expect(foreign.body.message).toContain('生物医药与健康');
      await as.kjj.put('/api/notes/sei.bio/2025-10').send({ ...NOTE, progress: '生物医药进展' }).expect(200);
      await as.kjj.put('/api/notes/sei.bio.drug/2025-10').send({ ...NOTE, progress: '新药进展' }).expect(200);
      for (const who of ['admin', 'mayor', 'huli']) expect((await as[who].put('/api/notes/sei.ngit/2025-10').send(NOTE).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
    });

    it('answers bad input with Chinese messages and stores nothing', async () => {
      const before = await ds.query('SELECT COUNT(*) AS n FROM monthly_note_version');
      expect((await as.gxj.put('/api/notes/sei.ngit/2025-13').send(NOTE).expect(400)).body.code).toBe('NOTES_INVALID_PERIOD');
      const future = await as.gxj.put('/api/notes/sei.ngit/2025-12').send(NOTE).expect(400);
      expect(future.body).toMatchObject({ code: 'NOTES_FUTURE_PERIOD' });
      expect(future.body.message).toContain('2025-11');
      expect((await as.gxj.put('/api/notes/no.such/2025-10').send(NOTE).expect(404)).body.code).toBe('NOTES_INDUSTRY_NOT_FOUND');
      const missing = await as.gxj.put('/api/notes/sei.ngit/2025-09').send({ progress: 'x' }).expect(400);
      expect(missing.body.message).toContain('存在问题应为文字');
      expect((await as.gxj.put('/api/notes/sei.ngit/2025-09').send({ ...NOTE, unit: '市科技局' }).expect(400)).body.code).toBe('BAD_REQUEST');
      const long = await as.gxj.put('/api/notes/sei.ngit/2025-09').send({ ...NOTE, progress: '字'.repeat(5001) }).expect(400);
      expect(long.body.message).toContain('最多 5000 个字');
      expect((await as.gxj.get('/api/notes/abc').expect(400)).body.code).toBe('NOTES_INVALID_ID');
      expect(await ds.query('SELECT COUNT(*) AS n FROM monthly_note_version')).toEqual(before);
    });

    it('scopes reads: leaders and admins all, a lead unit its industries, a district what its parks carry', async () => {
      const codes = async (who: string, q = '') => ((await as[who].get(`/api/notes?period=2025-10${q}`).expect(200)).body as MonthlyNotesPageDto).items.map((n) => n.industryCode).sort();
      const all = ['sei.bio', 'sei.bio.drug', 'sei.ngit', 'sei.ngit.ic', 'xm446.pillar.electronics'];
      expect(await codes('mayor')).toEqual(all);
      expect(await codes('admin')).toEqual(all);
      expect(await codes('kjj')).toEqual(['sei.bio', 'sei.bio.drug']);
      expect(await codes('gxj2')).toEqual(['sei.ngit', 'sei.ngit.ic']);
      // 湖里: 火炬园 and 湖里创新园 carry 新一代信息技术; no park of 湖里 carries 电子信息产业集群 or 生物医药与健康 as a whole.
      expect(await codes('huli')).toEqual(['sei.ngit', 'sei.ngit.ic']);
      expect(await codes('mayor', '&industry=sei.ngit')).toEqual(['sei.ngit', 'sei.ngit.ic']);
      expect(await codes('mayor', '&unit=市科技局')).toEqual(['sei.bio', 'sei.bio.drug']);
      expect(await codes('gxj', '&mine=true')).toEqual(['sei.ngit', 'sei.ngit.ic', 'xm446.pillar.electronics']);
      const page = (await as.mayor.get('/api/notes?pageSize=2&page=2').expect(200)).body as MonthlyNotesPageDto;
      expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page.items).toHaveLength(2);
      const bio = (await as.mayor.get('/api/notes?industry=sei.bio').expect(200)).body.items[0] as MonthlyNoteDto;
      expect(bio.canEdit).toBe(false);
      await as.gxj.get(`/api/notes/${bio.id}`).expect(404);
      await as.huli.get(`/api/notes/${bio.id}/versions`).expect(404);
      expect(((await as.kjj.get(`/api/notes/${bio.id}`).expect(200)).body as MonthlyNoteDto).canEdit).toBe(true);
    });

    it('gives the brief the notes of a month, narrowed by the scope when one is given', async () => {
      const notes = app.get(NotesService);
      expect((await notes.forMonth(2025, 10)).map((n) => `${n.industryCode}/${n.unit}`)).toEqual([
        'xm446.pillar.electronics/市工信局',
        'sei.ngit/市工信局',
        'sei.ngit.ic/市工信局',
        'sei.bio/市科技局',
        'sei.bio.drug/市科技局',
      ]);
      expect((await notes.forMonth(2025, 10, await scopeOf('huli'))).map((n) => n.industryCode)).toEqual(['sei.ngit', 'sei.ngit.ic']);
      expect(await notes.forMonth(2025, 9)).toEqual([]);
    });

    it('lists the industries a user may write with the units a problem can be given to', async () => {
      const list = (await as.gxj.get('/api/notes/industries').expect(200)).body as NotesIndustryDto[];
      expect(list.every((i) => i.writable)).toBe(true);
      expect(list.map((i) => i.code)).toEqual(expect.arrayContaining(['sei.ngit', 'sei.ngit.ic', 'xm446.pillar.electronics']));
      expect(list.find((i) => i.code === 'xm446.pillar.electronics')!.ownerUnits).toEqual(['市工信局', '市发改委', '科技局', '各区', '火炬管委会']);
      expect(list.find((i) => i.code === 'sei.ngit')!.ownerUnits).toEqual(['市工信局']);
      const mayor = (await as.mayor.get('/api/notes/industries').expect(200)).body as NotesIndustryDto[];
      expect(mayor.length).toBeGreaterThan(100);
      expect(mayor.some((i) => i.writable)).toBe(false);
    });
  });

  describe('problems', () => {
    let id: number;
    let noteId: number;

    it('a lead unit raises a problem from its note; owner defaults to its unit; history and audit written', async () => {
      noteId = ((await as.gxj.get('/api/notes?industry=sei.ngit.ic&period=2025-10').expect(200)).body as MonthlyNotesPageDto).items[0].id;
      const res = await as.gxj
        .post('/api/problems')
        .send({ industryCode: 'sei.ngit.ic', period: '2025-10', title: '集成电路上下游供应关系不稳定', description: '设备、材料企业进入本地供应链渠道有限', dueDate: '2025-12-31', noteId })
        .expect(201);
      const p = res.body as ProblemDto;
      expect(p).toMatchObject({ industryCode: 'sei.ngit.ic', industryName: '集成电路', period: '2025-10', ownerUnit: '市工信局', raisedByUnit: '市工信局', status: 'open', overdue: false, daysOverdue: 0, noteId, createdBy: '工信局张三', canEdit: true, canChangeStatus: true, closingNote: null });
      id = p.id;
      const history = (await as.gxj.get(`/api/problems/${id}/history`).expect(200)).body as ProblemEventDto[];
      expect(history).toEqual([expect.objectContaining({ kind: 'create', by: '工信局张三', fromStatus: null, toStatus: 'open', at: NOW.toISOString() })]);
      expect(await auditRows('problem.create', id)).toHaveLength(1);
      expect(((await as.gxj.get(`/api/notes/${noteId}`).expect(200)).body as MonthlyNoteDto).linkedProblemIds).toEqual([id]);
    });

    it('moves open → in progress → closed with a closing note; the mayor sees it closed with its history', async () => {
      expect(((await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'in_progress' }).expect(200)).body as ProblemDto).status).toBe('in_progress');
      const noNote = await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'closed', note: '  ' }).expect(400);
      expect(noNote.body.code).toBe('NOTES_CLOSING_NOTE_REQUIRED');
      expect(noNote.body.message).toContain('销号说明');
      const closed = (await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'closed', note: '已组织供需对接，3 家企业签订供货协议' }).expect(200)).body as ProblemDto;
      expect(closed).toMatchObject({ status: 'closed', closingNote: '已组织供需对接，3 家企业签订供货协议', closedAt: NOW.toISOString(), canEdit: false });
      const seen = (await as.mayor.get(`/api/problems/${id}`).expect(200)).body as ProblemDto;
      expect(seen).toMatchObject({ status: 'closed', canEdit: false, canChangeStatus: false });
      const history = (await as.mayor.get(`/api/problems/${id}/history`).expect(200)).body as ProblemEventDto[];
      expect(history.map((e) => [e.kind, e.fromStatus, e.toStatus, e.note, e.by])).toEqual([
        ['create', null, 'open', null, '工信局张三'],
        ['status', 'open', 'in_progress', null, '工信局张三'],
        ['status', 'in_progress', 'closed', '已组织供需对接，3 家企业签订供货协议', '工信局张三'],
      ]);
      const audit = await auditRows('problem.status', id);
      expect(audit.map((a) => JSON.parse(a.detail) as { from: string; to: string }).map((d) => `${d.from}>${d.to}`)).toEqual(['open>in_progress', 'in_progress>closed']);
    });

    it('refuses edits of a closed problem and wrong transitions; reopens with a reason', async () => {
      expect((await as.gxj.patch(`/api/problems/${id}`).send({ title: '新标题' }).expect(409)).body.code).toBe('NOTES_PROBLEM_CLOSED');
      const wrong = await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'in_progress' }).expect(409);
      expect(wrong.body).toMatchObject({ code: 'NOTES_TRANSITION_NOT_ALLOWED', details: { allowed: ['open'] } });
      expect((await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'open' }).expect(400)).body.code).toBe('NOTES_REOPEN_REASON_REQUIRED');
      const reopened = (await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'open', note: '企业反映供货协议未履行' }).expect(200)).body as ProblemDto;
      expect(reopened).toMatchObject({ status: 'open', closingNote: null, closedAt: null });
      expect((await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'open' }).expect(409)).body.code).toBe('NOTES_STATUS_UNCHANGED');
      expect((await as.gxj.post(`/api/problems/${id}/status`).send({ to: 'done' }).expect(400)).body.message).toContain('目标状态应为');
      const history = (await as.gxj.get(`/api/problems/${id}/history`).expect(200)).body as ProblemEventDto[];
      expect(history.at(-1)).toMatchObject({ kind: 'status', fromStatus: 'closed', toStatus: 'open', note: '企业反映供货协议未履行' });
    });

    it('edits title and due date with the change recorded (from → to)', async () => {
      const p = (await as.gxj.patch(`/api/problems/${id}`).send({ dueDate: '2026-01-15', title: '集成电路上下游供应关系不稳定' }).expect(200)).body as ProblemDto;
      expect(p.dueDate).toBe('2026-01-15');
      const history = (await as.gxj.get(`/api/problems/${id}/history`).expect(200)).body as ProblemEventDto[];
      expect(history.at(-1)).toMatchObject({ kind: 'update', changes: { dueDate: { from: '2025-12-31', to: '2026-01-15' } } });
      expect(await auditRows('problem.update', id)).toHaveLength(1);
      expect((await as.gxj.patch(`/api/problems/${id}`).send({ dueDate: '2026-02-30' }).expect(400)).body.code).toBe('NOTES_INVALID_DUE_DATE');
      expect((await as.gxj.patch(`/api/problems/${id}`).send({ title: null }).expect(400)).body.message).toContain('问题标题');
    });

    it('checks the owner unit against the catalog where it names the units', async () => {
      const body = { industryCode: 'xm446.pillar.electronics', period: '2025-11', title: '重点项目用地供给不足', dueDate: '2025-12-15' };
      const torch = (await as.gxj.post('/api/problems').send({ ...body, ownerUnit: '火炬管委会' }).expect(201)).body as ProblemDto;
      expect(torch.ownerUnit).toBe('火炬管委会');
      const bad = await as.gxj.post('/api/problems').send({ ...body, ownerUnit: '市卫健委' }).expect(400);
      expect(bad.body).toMatchObject({ code: 'NOTES_OWNER_UNIT_UNKNOWN', details: { choices: ['市工信局', '市发改委', '科技局', '各区', '火炬管委会'] } });
      expect((await as.gxj.post('/api/problems').send({ ...body, dueDate: '2025-02-29' }).expect(400)).body.code).toBe('NOTES_INVALID_DUE_DATE');
      expect((await as.gxj.post('/api/problems').send({ ...body, period: '2026-01' }).expect(400)).body.code).toBe('NOTES_FUTURE_PERIOD');
      expect((await as.gxj.post('/api/problems').send({ ...body, noteId: 999999 }).expect(400)).body.code).toBe('NOTES_NOTE_LINK_INVALID');
      const missing = await as.gxj.post('/api/problems').send({ industryCode: 'sei.ngit', period: '2025-11' }).expect(400);
      expect(missing.body.message).toContain('请填写问题标题');
      expect(missing.body.message).toContain('请填写完成时限');
    });

    it('lets the owner unit move the status of a problem it owns on an industry it does not lead, nothing else', async () => {
      const owned = (await as.gxj.post('/api/problems').send({ industryCode: 'sei.ngit', period: '2025-11', title: '新型研发机构支撑不足', ownerUnit: '市科技局', dueDate: '2025-11-10' }).expect(201)).body as ProblemDto;
      const other = (await as.gxj.post('/api/problems').send({ industryCode: 'sei.ngit', period: '2025-11', title: '专业人才供给不足', dueDate: '2025-11-20' }).expect(201)).body as ProblemDto;
      const kjjSees = (await as.kjj.get('/api/problems?industry=sei.ngit').expect(200)).body as ProblemsPageDto;
      expect(kjjSees.items.map((p) => p.id)).toEqual([owned.id]);
      expect(kjjSees.items[0]).toMatchObject({ canEdit: false, canChangeStatus: true });
      expect((await as.kjj.post(`/api/problems/${owned.id}/status`).send({ to: 'in_progress', note: '已启动评估' }).expect(200)).body.status).toBe('in_progress');
      expect((await as.kjj.patch(`/api/problems/${owned.id}`).send({ title: '改标题' }).expect(403)).body.code).toBe('NOTES_INDUSTRY_NOT_LED');
      await as.kjj.get(`/api/problems/${other.id}`).expect(404);
      await as.kjj.post(`/api/problems/${other.id}/status`).send({ to: 'in_progress' }).expect(404);
      expect((await as.kjj.post('/api/problems').send({ industryCode: 'sei.ngit', period: '2025-11', title: '越权', dueDate: '2025-12-01' }).expect(403)).body.code).toBe('NOTES_INDUSTRY_NOT_LED');
      // A lead unit of the same industry but another unit may not move a problem it does not lead... gxj2 leads sei.ngit: it may.
      expect((await as.gxj2.post(`/api/problems/${other.id}/status`).send({ to: 'in_progress' }).expect(200)).body.status).toBe('in_progress');
    });

    it('gives districts read-only access to the problems of what their parks carry, admins and leaders everything', async () => {
      const bio = (await as.kjj.post('/api/problems').send({ industryCode: 'sei.bio', period: '2025-11', title: '创新药临床资源不足', dueDate: '2025-12-01' }).expect(201)).body as ProblemDto;
      const huli = (await as.huli.get('/api/problems?pageSize=200').expect(200)).body as ProblemsPageDto;
      expect(huli.items.every((p) => p.industryCode.startsWith('sei.ngit'))).toBe(true);
      expect(huli.items.every((p) => !p.canEdit && !p.canChangeStatus)).toBe(true);
      expect(huli.total).toBe(3);
      await as.huli.get(`/api/problems/${bio.id}`).expect(404);
      await as.huli.get(`/api/problems/${bio.id}/history`).expect(404);
      expect((await as.huli.post(`/api/problems/${huli.items[0].id}/status`).send({ to: 'closed', note: 'x' }).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
      for (const who of ['admin', 'mayor']) {
        const all = (await as[who].get('/api/problems?pageSize=200').expect(200)).body as ProblemsPageDto;
        expect(all.total).toBe(5);
        expect(all.items.every((p) => !p.canEdit && !p.canChangeStatus)).toBe(true);
        expect((await as[who].patch(`/api/problems/${bio.id}`).send({ title: '管理员改' }).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
      }
      expect((await as.kjj.get('/api/problems?pageSize=200').expect(200)).body.total).toBe(2);
    });

    it('flags overdue by the Asia/Shanghai day (fixed clock): API filters, counts and the brief’s listOverdue', async () => {
      // 2025-11-20 12:00 Beijing: the problem due 11-10 (in progress) is 10 days overdue; the one due today is not.
      const overdue = (await as.mayor.get('/api/problems?overdue=true').expect(200)).body as ProblemsPageDto;
      expect(overdue.items.map((p) => [p.title, p.daysOverdue, p.overdue])).toEqual([['新型研发机构支撑不足', 10, true]]);
      expect(overdue.overdueTotal).toBe(1);
      const notOverdue = (await as.mayor.get('/api/problems?overdue=false&pageSize=200').expect(200)).body as ProblemsPageDto;
      expect(notOverdue.total).toBe(4);
      const problems = app.get(ProblemsService);
      expect(await problems.listOverdue(new Date('2025-11-20T15:59:59Z'))).toEqual([
        expect.objectContaining({ industryCode: 'sei.ngit', industryName: '新一代信息技术', title: '新型研发机构支撑不足', ownerUnit: '市科技局', dueDate: '2025-11-10', daysOverdue: 10, status: 'in_progress', period: '2025-11' }),
      ]);
      // 00:00 on 11-21 in Beijing (16:00 UTC on 11-20): the problem due 11-20 turns overdue.
      const later = await problems.listOverdue(new Date('2025-11-20T16:00:00Z'));
      expect(later.map((p) => [p.title, p.daysOverdue])).toEqual([
        ['新型研发机构支撑不足', 11],
        ['专业人才供给不足', 1],
      ]);
      expect((await problems.listOverdue(new Date('2025-11-20T16:00:00Z'), await scopeOf('kjj'))).map((p) => p.title)).toEqual(['新型研发机构支撑不足']);
      expect(await problems.listOverdue(new Date('2025-11-20T16:00:00Z'), await scopeOf('huli'))).toHaveLength(2);
      clock.set(new Date('2025-11-21T01:00:00Z'));
      const api = (await as.gxj.get('/api/problems?overdue=true').expect(200)).body as ProblemsPageDto;
      expect(api.items.map((p) => p.daysOverdue)).toEqual([11, 1]);
      clock.set(NOW);
    });

    it('filters by industry (with sub-fields), status, owner, period and words, with pagination', async () => {
      const q = async (query: string) => (await as.mayor.get(`/api/problems?${query}`).expect(200)).body as ProblemsPageDto;
      expect((await q('industry=sei.ngit')).total).toBe(3);
      expect((await q('industry=sei.ngit.ic')).total).toBe(1);
      expect((await q('status=in_progress')).items.map((p) => p.title).sort()).toEqual(['专业人才供给不足', '新型研发机构支撑不足']);
      expect((await q('owner=火炬管委会')).items.map((p) => p.title)).toEqual(['重点项目用地供给不足']);
      expect((await q('period=2025-10')).total).toBe(1);
      expect((await q(`q=${encodeURIComponent('人才')}`)).items.map((p) => p.title)).toEqual(['专业人才供给不足']);
      expect((await q('q=%25')).total).toBe(0);
      const page = await q('pageSize=2&page=3');
      expect(page).toMatchObject({ total: 5, page: 3 });
      expect(page.items).toHaveLength(1);
      expect((await as.mayor.get('/api/problems?status=done').expect(400)).body.message).toContain('status 应为');
      expect((await as.mayor.get('/api/problems?overdue=maybe').expect(400)).body.message).toContain('overdue 应为');
      expect((await as.mayor.get('/api/problems?industry=no.such').expect(404)).body.code).toBe('NOTES_INDUSTRY_NOT_FOUND');
    });
  });

  describe('demo data', () => {
    it('is written only for the demo lead unit, once, with overdue problems for the brief', async () => {
      const seeder = app.get(NotesDemoSeeder);
      // gxj here is a real (non-demo) user: nothing is written.
      expect(await seeder.seed()).toEqual({ notes: 0, problems: 0 });
      await ds.getRepository(User).update({ username: 'gxj' }, { isDemo: true });
      // The unit's own notes of 2025-10 (filed above) are kept: only the demo note of 2025-09 is added.
      expect(await seeder.seed()).toEqual({ notes: 1, problems: 5 });
      expect(await seeder.seed()).toEqual({ notes: 0, problems: 0 });
      const demo = await ds.getRepository(Problem).find({ where: { isDemo: true }, order: { id: 'ASC' } });
      expect(demo).toHaveLength(5);
      expect(demo.every((p) => p.title.includes('演示'))).toBe(true);
      // Due dates relative to the clock's day (2025-11-20): two open ones are past due, the closed one is not counted.
      const overdue = (await app.get(ProblemsService).listOverdue(NOW)).filter((p) => p.title.includes('演示'));
      expect(overdue.map((p) => [p.industryCode, p.daysOverdue])).toEqual([
        ['sei.ngit.display', 20],
        ['sei.ngit.ic', 5],
      ]);
      expect((await app.get(NotesService).forMonth(2025, 10)).some((n) => n.progress.includes('演示'))).toBe(false);
      expect((await app.get(NotesService).forMonth(2025, 9)).map((n) => [n.industryCode, n.progress.startsWith('（演示）')])).toEqual([['sei.ngit', true]]);
      // The demo notes are gxj's own: it sees them as editable.
      const page = (await as.gxj.get('/api/notes?period=2025-09').expect(200)).body as MonthlyNotesPageDto;
      expect(page.items.map((n) => [n.industryCode, n.canEdit])).toEqual([['sei.ngit', true]]);
    });
  });
});
