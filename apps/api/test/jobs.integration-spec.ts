import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobListDto, JobRunDto, JobRunPageDto, WebhookDeliveryDto } from '@im/contracts';
import { FixedClock } from '../src/core/clock/clock';
import { loadJobsConfig } from '../src/core/config/jobs-config';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { JobRun } from '../src/modules/jobs/entities/job-run.entity';
import { JobRegistry } from '../src/modules/jobs/job-registry';
import { JobRunner } from '../src/modules/jobs/job-runner.service';
import { WebhookNotifier } from '../src/modules/jobs/webhook.notifier';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

/** 2026-11-10 09:00 in Asia/Shanghai = 01:00 UTC: the default completeness tick of November. */
const TICK = new Date('2026-11-10T01:00:00.000Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job that takes a while, counting how often it really ran (per registry). */
function slowJob(counter: { runs: number }, ms = 300) {
  return {
    name: 'test.slow',
    title: '测试任务',
    cron: '0 0 9 10 * *',
    run: async () => {
      counter.runs++;
      await sleep(ms);
      return { summary: '完成', details: { ms } };
    },
  };
}

describe.each(testDatabases())('jobs on $name', ({ name, config }) => {
  /**
   * MySQL: two API instances on one database (the deployment that scales out). The embedded SQLite
   * database serves one instance (one writer): there, two timers of the same instance race instead.
   */
  describe(name === 'mysql' ? 'run once across two API instances' : 'run once across two concurrent timers', () => {
    let a: TestApp;
    let b: TestApp;
    const clock = new FixedClock(new Date(TICK.getTime() + 1500));
    const counter = { runs: 0 };

    beforeAll(async () => {
      const db = config();
      // Both instances schedule nothing by themselves (RUN_JOBS=false): the test fires the tick.
      const jobs = loadJobsConfig({ RUN_JOBS: 'false' }, []);
      a = await createTestApp(testConfig(db, { jobs }), { clock, seed: true, users: [{ username: 'admin', role: 'admin' }] });
      b = name === 'mysql' ? await createTestApp(testConfig(db, { jobs, migrateOnStart: false }), { clock, keepDatabase: true }) : a;
      a.app.get(JobRegistry).register(slowJob(counter));
      if (b !== a) b.app.get(JobRegistry).register(slowJob(counter));
    });
    afterAll(async () => {
      if (b && b !== a) await b.close();
      await a?.close();
    });

    it('claims a tick on exactly one instance when both fire it at once', async () => {
      const [ra, rb] = await Promise.all([a.app.get(JobRunner).runScheduled('test.slow'), b.app.get(JobRunner).runScheduled('test.slow')]);
      expect([ra.claimed, rb.claimed].filter(Boolean)).toHaveLength(1);
      expect(counter.runs).toBe(1);
      const rows = await a.dataSource.getRepository(JobRun).findBy({ jobName: 'test.slow' });
      expect(rows).toHaveLength(1);
      expect(rows[0].slotKey).toBe(`tick:${TICK.toISOString()}`);
      expect(rows[0].status).toBe('succeeded');
      expect(rows[0].trigger).toBe('schedule');
      const winner = ra.claimed ? ra.run : rb.run;
      expect(rows[0].instanceId).toBe(winner!.instanceId);
    });

    it('runs the same tick once even when fired again later (a retry, a late timer)', async () => {
      clock.set(new Date(TICK.getTime() + 5 * 60_000));
      const again = await b.app.get(JobRunner).runScheduled('test.slow');
      expect(again.claimed).toBe(false);
      expect(counter.runs).toBe(1);
    });

    it('keeps a manual run and a scheduled run of the same job apart, across instances', async () => {
      const next = new Date('2026-12-10T01:00:00.000Z');
      clock.set(next);
      const scheduled = a.app.get(JobRunner).runScheduled('test.slow');
      await sleep(100);
      await expect(b.app.get(JobRunner).runNow('test.slow', null)).rejects.toMatchObject({ code: 'JOBS_JOB_BUSY' });
      const done = await scheduled;
      expect(done.claimed && done.run?.status).toBe('succeeded');
      // Free again: the manual run goes through.
      const manual = await b.app.get(JobRunner).runNow('test.slow', null);
      expect(manual.status).toBe('succeeded');
      expect(manual.slotKey).toMatch(/^manual:/);
      expect(counter.runs).toBe(3);
    });

    it('marks a run left running by a dead process as failed, and frees its lock after the timeout', async () => {
      const repo = a.dataSource.getRepository(JobRun);
      const started = new Date(clock.now().getTime() - 2 * 60 * 60_000);
      const dead = await repo.save(
        repo.create({ jobName: 'test.slow', slotKey: 'tick:dead', trigger: 'schedule', status: 'running', runFor: started, startedAt: started, instanceId: 'gone:1:abc', finishedAt: null, summary: null, detailsJson: null, errorMessage: null, triggeredById: null }),
      );
      expect(await a.app.get(JobRunner).recoverStale()).toBe(1);
      const after = await repo.findOneByOrFail({ id: dead.id });
      expect(after.status).toBe('failed');
      expect(after.errorMessage).toContain('进程可能已退出');
    });

    it('records a failing job as failed without throwing', async () => {
      a.app.get(JobRegistry).register({
        name: 'test.broken',
        title: '会失败的任务',
        cron: '0 0 9 10 * *',
        run: () => Promise.reject(new Error('数据库暂时不可用')),
      });
      const run = await a.app.get(JobRunner).runNow('test.broken', null);
      expect(run.status).toBe('failed');
      expect(run.errorMessage).toBe('数据库暂时不可用');
      // The lock was released: a second run happens (and fails) again instead of being refused.
      expect((await a.app.get(JobRunner).runNow('test.broken', null)).status).toBe('failed');
    });
  });

  describe('API', () => {
    let t: TestApp;
    let admin: AuthedAgent;
    let stats: AuthedAgent;
    const clock = new FixedClock(TICK);

    beforeAll(async () => {
      t = await createTestApp(testConfig(config(), { jobs: loadJobsConfig({ RUN_JOBS: 'false' }, []) }), {
        clock,
        seed: true,
        users: [
          { username: 'admin', role: 'admin' },
          { username: 'stats', role: 'statistician' },
        ],
      });
      admin = await loginAs(t.app, 'admin');
      stats = await loginAs(t.app, 'stats');
    });
    afterAll(() => t?.close());

    it('lists the jobs with their schedule, next tick and last run', async () => {
      const res = await admin.get('/api/jobs');
      expect(res.status).toBe(200);
      const body = res.body as JobListDto;
      expect(body.timezone).toBe('Asia/Shanghai');
      expect(body.runJobs).toBe(false);
      const completeness = body.jobs.find((j) => j.name === 'completeness')!;
      expect(completeness.cron).toBe('0 0 9 10 * *');
      // Clock at the November tick itself: the next one is 10 December 09:00 Shanghai.
      expect(completeness.nextRunAt).toBe('2026-12-10T01:00:00.000Z');
      expect(completeness.lastRun).toBeNull();
      expect(body.jobs.map((j) => j.name)).toEqual(expect.arrayContaining(['completeness', 'alerts']));
      expect(body.webhook.enabled).toBe(false);
    });

    it('runs a job now (audited) and shows it in the history', async () => {
      const res = await admin.post('/api/jobs/completeness/run').send({});
      expect(res.status).toBe(200);
      const run = res.body as JobRunDto;
      expect(run.status).toBe('succeeded');
      expect(run.trigger).toBe('manual');
      expect(run.triggeredBy).toBe('admin');
      expect(run.summary).toContain('2026年10月');
      const history = (await admin.get('/api/jobs/runs?job=completeness')).body as JobRunPageDto;
      expect(history.total).toBe(1);
      expect(history.items[0].id).toBe(run.id);
      const list = (await admin.get('/api/jobs')).body as JobListDto;
      expect(list.jobs.find((j) => j.name === 'completeness')!.lastRun!.id).toBe(run.id);
      const audit = await t.dataSource.getRepository(AuditLog).findBy({ action: 'job.run' });
      expect(audit).toHaveLength(1);
      expect(audit[0].objectId).toBe('completeness');
      expect(audit[0].username).toBe('admin');
    });

    it('does not check January on its own (published merged with February as 1—2月)', async () => {
      clock.set(new Date('2027-02-10T01:00:00.000Z'));
      const run = await t.app.get(JobRunner).runScheduled('completeness');
      expect(run.claimed && run.run.status).toBe('succeeded');
      expect(run.run!.summary).toBe('2027年1月：1月数据与2月合并发布（1—2月），不单独检查');
      expect(run.run!.slotKey).toBe('tick:2027-02-10T01:00:00.000Z');
      clock.set(TICK);
    });

    it('answers unknown jobs and bad filters with a Chinese message, and refuses non-admins', async () => {
      const unknown = await admin.post('/api/jobs/no.such.job/run').send({});
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('JOBS_JOB_NOT_FOUND');
      expect(unknown.body.message).toContain('没有名为');
      const bad = await admin.get('/api/jobs/runs?pageSize=1000');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('每页条数');
      expect((await stats.get('/api/jobs')).status).toBe(403);
      expect((await stats.post('/api/jobs/completeness/run').send({})).status).toBe(403);
    });
  });

  describe('webhook', () => {
    let server: Server;
    let port: number;
    let received: { url: string; body: unknown }[] = [];
    let plan: ('fail' | 'ok')[] = [];
    let t: TestApp | undefined;

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let data = '';
        req.on('data', (c: Buffer) => (data += c.toString('utf8')));
        req.on('end', () => {
          received.push({ url: req.url ?? '', body: JSON.parse(data) as unknown });
          const next = plan.shift() ?? 'fail';
          if (next === 'ok') {
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
          } else {
            res.writeHead(500).end('busy');
          }
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterEach(async () => {
      await t?.close();
      t = undefined;
      received = [];
      plan = [];
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    const appWith = async (env: Record<string, string>) => {
      const jobs = loadJobsConfig({ RUN_JOBS: 'false', WEBHOOK_URL: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=SECRET-KEY-123`, WEBHOOK_BACKOFF_MS: '20', WEBHOOK_RETRIES: '2', ...env }, []);
      t = await createTestApp(testConfig(config(), { jobs }), { clock: new FixedClock(TICK), seed: true });
      return t;
    };

    it('retries after a failure and delivers a WeCom markdown message', async () => {
      const app = await appWith({});
      plan = ['fail', 'ok'];
      const delivery = (await app.app.get(WebhookNotifier).send({ title: '2026年10月数据缺报提醒（1 项）', lines: ['- 软件园 新一代信息技术产值未报送'] }))!;
      expect(delivery.delivered).toBe(true);
      expect(delivery.host).toBe(`127.0.0.1:${port}`);
      expect(delivery.attempts.map((a) => [a.attempt, a.ok, a.status])).toEqual([
        [1, false, 500],
        [2, true, 200],
      ]);
      expect(received).toHaveLength(2);
      expect(received[1].body).toEqual({ msgtype: 'markdown', markdown: { content: '### 2026年10月数据缺报提醒（1 项）\n- 软件园 新一代信息技术产值未报送' } });
      expect(received[1].url).toBe('/cgi-bin/webhook/send?key=SECRET-KEY-123');
    });

    it('signs DingTalk messages when a secret is configured', async () => {
      const app = await appWith({ WEBHOOK_FLAVOR: 'dingtalk', WEBHOOK_SECRET: 'SEC-test' });
      plan = ['ok'];
      const delivery = (await app.app.get(WebhookNotifier).send({ title: '产业运行预警（1 条）', lines: ['- 新一代信息技术：慢于时序进度'] }))!;
      expect(delivery.delivered).toBe(true);
      expect(received[0].body).toEqual({ msgtype: 'markdown', markdown: { title: '产业运行预警（1 条）', text: '### 产业运行预警（1 条）\n- 新一代信息技术：慢于时序进度' } });
      expect(received[0].url).toMatch(/[?&]timestamp=\d+&sign=[^&]+$/);
    });

    it('a webhook that always fails is recorded in the run, and the job still succeeds', async () => {
      const app = await appWith({});
      // No data at all: every expected series of October is missing → new reminders → a message.
      const run = await app.app.get(JobRunner).runNow('completeness', null);
      expect(run.status).toBe('succeeded');
      expect(run.summary).toContain('推送失败');
      const details = JSON.parse(run.detailsJson!) as { webhook: WebhookDeliveryDto; created: number };
      expect(details.created).toBeGreaterThan(0);
      expect(details.webhook.delivered).toBe(false);
      expect(details.webhook.attempts).toHaveLength(3);
      expect(details.webhook.attempts.every((a) => a.status === 500 && !a.ok)).toBe(true);
      expect(received).toHaveLength(3);
      // The robot's key never reaches the history.
      expect(run.detailsJson).not.toContain('SECRET-KEY-123');
    });
  });
});
