import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertListDto, ReminderListDto, SeriesDto } from '@im/contracts';
import { lastCompleteMonth, readReferenceCsv } from '@im/seeds';
import { FixedClock } from '../src/core/clock/clock';
import { loadJobsConfig } from '../src/core/config/jobs-config';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { JobRunner } from '../src/modules/jobs/job-runner.service';
import { Alert } from '../src/modules/monitoring/entities/alert.entity';
import { Reminder } from '../src/modules/monitoring/entities/reminder.entity';
import { TargetProgressService } from '../src/modules/plans/progress/target-progress.service';
import { commit, upload, utf8 } from './ingest.support';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

/**
 * The monitoring jobs on the demo dataset, called directly with a fixed clock: the 10th of the month
 * after the demo's last month, 09:00 Shanghai — the completeness job then checks the demo's last month.
 */
const demoThrough = lastCompleteMonth(new Date());
const nextMonth = demoThrough.month === 12 ? { year: demoThrough.year + 1, month: 1 } : { year: demoThrough.year, month: demoThrough.month + 1 };
const AT = new Date(Date.UTC(nextMonth.year, nextMonth.month - 1, 10, 1, 0, 0));
const PERIOD = `${demoThrough.year}-${String(demoThrough.month).padStart(2, '0')}`;

/**
 * What the reference data expects and the demo generator does not produce, worked out from the seed
 * files (not from the code under test): the demo has a series for each of the five industries × each
 * park carrying it, but none for parks that carry an X future track (the tracks are never folded into
 * the five), so those park × track series are missing.
 */
function expectedMissingKeys(): string[] {
  const industries = readReferenceCsv('industries');
  const indicatorOf = new Map(industries.map((n) => [n.code, n.indicator_code]));
  return readReferenceCsv('park-industries')
    .filter((l) => l.industry_code.startsWith('sei.x.'))
    .map((l) => `series:${indicatorOf.get(l.industry_code)}:${l.industry_code}:${l.park_code}`)
    .sort();
}

function parkDistrict(parkCode: string): string {
  return readReferenceCsv('regions').find((r) => r.code === parkCode)!.parent_code;
}

describe.each(testDatabases())('monitoring jobs on $name', ({ config }) => {
  let t: TestApp;
  let runner: JobRunner;
  const agents: Record<string, AuthedAgent> = {};
  const missing = expectedMissingKeys();
  const xiangan = missing.filter((k) => parkDistrict(k.split(':')[3]) === 'xm.xiangan');

  beforeAll(async () => {
    const db = config();
    t = await createTestApp(testConfig(db, { demoData: true, jobs: loadJobsConfig({ RUN_JOBS: 'false' }, []) }), {
      clock: new FixedClock(AT),
      seed: true,
      users: [
        // Not the demo users' names: on SQLite with demo data the demo users exist too.
        { username: 't-admin', role: 'admin' },
        { username: 't-stats', role: 'statistician' },
        { username: 't-mayor', role: 'leader' },
        { username: 't-gxj', role: 'lead_unit', leadIndustryCodes: ['sei.ngit', 'xm446.pillar.electronics'] },
        { username: 't-xleader', role: 'lead_unit', leadIndustryCodes: ['sei.x'] },
        { username: 't-huli', role: 'district', districtCode: 'xm.huli' },
        { username: 't-xiangan', role: 'district', districtCode: 'xm.xiangan' },
        { username: 't-siming', role: 'district', districtCode: 'xm.siming' },
      ],
    });
    runner = t.app.get(JobRunner);
    for (const u of ['admin', 'stats', 'mayor', 'gxj', 'xleader', 'huli', 'xiangan', 'siming']) agents[u] = await loginAs(t.app, `t-${u}`);
  });
  afterAll(() => t?.close());

  describe('completeness', () => {
    it('finds exactly the expected series of last month that have no data and creates one reminder each', async () => {
      expect(missing.length).toBeGreaterThan(0);
      const run = await runner.runScheduled('completeness');
      expect(run.claimed && run.run.status).toBe('succeeded');
      const details = JSON.parse(run.run!.detailsJson!) as { period: string; missing: number; created: number; missingKeys: string[]; expected: number };
      expect(details.period).toBe(PERIOD);
      expect([...details.missingKeys].sort()).toEqual(missing);
      expect(details.created).toBe(missing.length);
      const rows = await t.dataSource.getRepository(Reminder).find({ order: { subjectKey: 'ASC' } });
      expect(rows.map((r) => r.subjectKey)).toEqual(missing);
      expect(rows.every((r) => r.period === PERIOD && r.audienceRole === 'statistician' && r.resolvedAt === null)).toBe(true);
      expect(rows[0].title).toContain(`${demoThrough.year}年${demoThrough.month}月`);
      expect(run.run!.summary).toContain(`缺报 ${missing.length} 项`);
    });

    it('is idempotent: a second run (manual this time) changes nothing', async () => {
      const before = await t.dataSource.getRepository(Reminder).find({ order: { id: 'ASC' } });
      const again = await runner.runNow('completeness', null);
      expect(again.status).toBe('succeeded');
      expect((JSON.parse(again.detailsJson!) as { created: number }).created).toBe(0);
      const after = await t.dataSource.getRepository(Reminder).find({ order: { id: 'ASC' } });
      expect(after).toEqual(before);
    });

    it('shows the reminders to the responsible role, the district concerned and the lead unit of the industry', async () => {
      const keys = async (who: string) => ((await agents[who].get('/api/reminders')).body as ReminderListDto).items.map((r) => r.subjectKey).sort();
      expect(await keys('stats')).toEqual(missing);
      expect(await keys('admin')).toEqual(missing);
      expect(await keys('xleader')).toEqual(missing);
      expect(xiangan.length).toBeGreaterThan(0);
      expect(await keys('xiangan')).toEqual(xiangan);
      expect(await keys('huli')).toEqual(missing.filter((k) => parkDistrict(k.split(':')[3]) === 'xm.huli'));
      expect(await keys('gxj')).toEqual([]);
      expect(await keys('mayor')).toEqual([]);
      const stats = (await agents.stats.get('/api/reminders')).body as ReminderListDto;
      expect(stats.open).toBe(missing.length);
    });

    it('lets the responsible role dismiss a reminder (audited), not a district user', async () => {
      const list = ((await agents.xiangan.get('/api/reminders')).body as ReminderListDto).items;
      const id = list[0].id;
      const refused = await agents.xiangan.post(`/api/reminders/${id}/dismiss`).send({});
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('MONITORING_NOT_RESPONSIBLE');
      const foreign = await agents.huli.post(`/api/reminders/${id}/dismiss`).send({});
      expect(foreign.status).toBe(404);
      const ok = await agents.stats.post(`/api/reminders/${id}/dismiss`).send({});
      expect(ok.status).toBe(200);
      expect(ok.body.dismissedAt).not.toBeNull();
      expect(((await agents.stats.get('/api/reminders')).body as ReminderListDto).open).toBe(missing.length - 1);
      const all = ((await agents.stats.get('/api/reminders?status=all')).body as ReminderListDto).items;
      expect(all).toHaveLength(missing.length);
      expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'reminder.dismiss', objectId: String(id) })).toBe(1);
      expect((await agents.stats.get('/api/reminders?status=closed')).status).toBe(400);
    });

    it('resolves a reminder by itself when the data arrives', async () => {
      const key = missing[missing.length - 1];
      const [, indicator, industry, park] = key.split(':');
      expect(indicator).toBe('output');
      const csv = `期间,区域名称,产业名称,指标,计量单位,本月,1-本月累计\n${PERIOD},${park},${industry},产值,万元,1200,9800\n`;
      const up = await upload(agents.stats, utf8(csv), 'park.csv');
      expect(up.status).toBe(201);
      const done = await commit(agents.stats, up.body.batch.id);
      expect(done.status).toBe(200);
      // The data.changed listener runs after the commit is visible.
      let row: Reminder | null = null;
      for (let i = 0; i < 50; i++) {
        row = await t.dataSource.getRepository(Reminder).findOneBy({ subjectKey: key });
        if (row?.resolvedAt) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(row!.resolvedAt).not.toBeNull();
      const stillOpen = ((await agents.stats.get('/api/reminders')).body as ReminderListDto).items.map((r) => r.subjectKey);
      expect(stillOpen).not.toContain(key);
      // The next run agrees and creates nothing.
      const run = await runner.runNow('completeness', null);
      expect(JSON.parse(run.detailsJson!)).toMatchObject({ missing: missing.length - 1, created: 0 });
    });
  });

  describe('alerts', () => {
    it('raises an alert for each target more than ALERT_BEHIND_PP behind its planned path, once', async () => {
      // Independent expectation from the progress figures themselves: actual vs planned path, in points of the target.
      const progress = await t.app.get(TargetProgressService).progress('xm-sei-14', PERIOD);
      const behind = progress.items
        .filter((i) => i.latestAnnual && i.plannedPathValue !== null && ((i.latestAnnual.value - i.plannedPathValue) / i.targetValue) * 100 < -5)
        .map((i) => `target:${i.code}`)
        .sort();
      const behindAnnual = progress.items.filter((i) => i.annual?.gapPp !== null && i.annual !== null && i.annual.gapPp! < -5).map((i) => `target:${i.code}`);

      const run = await runner.runNow('alerts', null);
      expect(run.status).toBe('succeeded');
      const rows = await t.dataSource.getRepository(Alert).find();
      expect(
        rows
          .filter((a) => a.kind === 'behind_path')
          .map((a) => a.subjectKey)
          .sort(),
      ).toEqual(behind);
      expect(
        rows
          .filter((a) => a.kind === 'behind_annual')
          .map((a) => a.subjectKey)
          .sort(),
      ).toEqual(behindAnnual.sort());
      expect(rows.length).toBeGreaterThan(0);

      const again = await runner.runNow('alerts', null);
      expect((JSON.parse(again.detailsJson!) as { created: number }).created).toBe(0);
      expect(await t.dataSource.getRepository(Alert).count()).toBe(rows.length);
    });

    it('narrows the alerts to the user’s scope', async () => {
      const rows = await t.dataSource.getRepository(Alert).find();
      const subjects = async (who: string) => ((await agents[who].get('/api/alerts')).body as AlertListDto).items.map((a) => a.id).sort((x, y) => x - y);
      const all = rows.map((r) => r.id).sort((x, y) => x - y);
      expect(await subjects('mayor')).toEqual(all);
      expect(await subjects('admin')).toEqual(all);
      const ngit = await t.dataSource.query(`SELECT id FROM industry_node WHERE code IN ('sei.ngit')`);
      const ngitId = Number((ngit as { id: number }[])[0].id);
      expect(await subjects('gxj')).toEqual(rows.filter((r) => r.industryNodeId === ngitId).map((r) => r.id).sort((x, y) => x - y));
      // City-level targets only: a district sees none of them.
      expect(await subjects('huli')).toEqual(rows.filter((r) => r.districtId !== null).map((r) => r.id));
    });

    it('raises a swing alert for a park figure far from last year, seen by its district only', async () => {
      // Last year's 1—本月累计 of 软件园 新一代信息技术, read back from the demo data.
      const series = (await agents.stats.get(`/api/observations/series?indicator=output&industry=sei.ngit&region=xm.park.software&from=${demoThrough.year - 1}-${String(demoThrough.month).padStart(2, '0')}&to=${PERIOD}`)).body as SeriesDto;
      const lastYear = series.points.find((p) => p.year === demoThrough.year - 1 && p.month === demoThrough.month)!;
      const before = series.points.find((p) => p.period === PERIOD)!;
      expect(lastYear.valueYtd).not.toBeNull();
      // A unit slip: three times last year's figure (+200 %), entered in 万元.
      const ytd = Math.round(lastYear.valueYtd! * 3);
      const month = Math.round(ytd - (before.valueYtd! - before.valueMonth!));
      const csv = `期间,区域名称,产业名称,指标,计量单位,本月,1-本月累计\n${PERIOD},xm.park.software,sei.ngit,产值,万元,${month},${ytd}\n`;
      const up = await upload(agents.stats, utf8(csv), 'software-park.csv');
      expect(up.status).toBe(201);
      expect((await commit(agents.stats, up.body.batch.id)).status).toBe(200);

      await runner.runNow('alerts', null);
      const alert = await t.dataSource.getRepository(Alert).findOneByOrFail({ kind: 'swing', subjectKey: 'series:output:sei.ngit:xm.park.software', period: PERIOD });
      expect(alert.severity).toBe('critical');
      expect(alert.title).toContain('同比增长 200');
      const ids = async (who: string) => ((await agents[who].get('/api/alerts')).body as AlertListDto).items.map((a) => a.id);
      expect(await ids('siming')).toContain(alert.id);
      expect(await ids('huli')).not.toContain(alert.id);
      expect(await ids('gxj')).toContain(alert.id);
      expect(await ids('stats')).toContain(alert.id);

      // Corrected: the next run resolves it.
      const fix = `期间,区域名称,产业名称,指标,计量单位,本月,1-本月累计\n${PERIOD},xm.park.software,sei.ngit,产值,万元,${before.valueMonth},${before.valueYtd}\n`;
      const up2 = await upload(agents.stats, utf8(fix), 'software-park-fix.csv');
      expect((await commit(agents.stats, up2.body.batch.id)).status).toBe(200);
      await runner.runNow('alerts', null);
      expect((await t.dataSource.getRepository(Alert).findOneByOrFail({ id: alert.id })).resolvedAt).not.toBeNull();
      expect(await ids('siming')).not.toContain(alert.id);
    });

    it('lets a user acknowledge an alert it sees (audited)', async () => {
      const list = ((await agents.mayor.get('/api/alerts')).body as AlertListDto).items;
      const res = await agents.mayor.post(`/api/alerts/${list[0].id}/acknowledge`).send({});
      expect(res.status).toBe(200);
      expect(res.body.acknowledgedAt).not.toBeNull();
      expect(((await agents.mayor.get('/api/alerts')).body as AlertListDto).open).toBe(list.length - 1);
      expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'alert.acknowledge' })).toBe(1);
      expect((await agents.mayor.post('/api/alerts/99999999/acknowledge').send({})).status).toBe(404);
    });
  });
});
