/**
 * The monitoring cycle in real Chromium, on the demo data:
 *  - the admin opens 系统 → 任务, runs the completeness job with confirmation, sees the run succeed in
 *    the job table and the history, and the reminders in the bell;
 *  - the statistician (the responsible role) sees the same reminders in the bell;
 *  - the mayor sees the alerts on the overview.
 * What the pages show is compared with the API. Screenshots go to tests/e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AlertListDto, JobRunPageDto, ReminderListDto } from '@im/contracts';
import { launchChromium, openPage, screenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/login';

const baseUrl = inject('baseUrl');

/** The API as a demo user sees it. */
async function api<T>(username: string, path: string): Promise<T> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseUrl }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), null, { timeout: 30_000 });
  await page.waitForTimeout(400);
}

describe('monitoring: jobs, reminders, alerts (1366×768)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser, undefined, { signInAs: 'admin' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function continueAs(user: 'stats' | 'mayor'): Promise<void> {
    expect(errors).toEqual([]);
    await page.context().close();
    ({ page, errors } = await openPage(browser, undefined, { signInAs: user }));
  }

  it('the admin runs the completeness job from 系统 → 任务 and sees it succeed', async () => {
    await page.goto(`${baseUrl}/overview`);
    await page.getByTestId('nav-system').click();
    await page.getByTestId('system-tab-jobs').click();
    await page.waitForURL(/\/system\/jobs$/);
    await page.getByTestId('jobs-table').waitFor();
    await settle(page);
    const row = page.getByTestId('jobs-table').locator('tr', { hasText: 'completeness' });
    expect(await row.innerText()).toContain('每月10日 09:00');
    const before = await api<JobRunPageDto>('admin', '/api/jobs/runs?job=completeness');

    await page.getByTestId('job-run-completeness').click();
    const dialog = page.locator('.el-message-box');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('数据完整性检查');
    await dialog.getByRole('button', { name: '运行' }).click();
    const toast = page.locator('.el-message--success');
    await toast.waitFor({ timeout: 60_000 });
    expect(await toast.innerText()).toContain('运行完成');

    const after = await api<JobRunPageDto>('admin', '/api/jobs/runs?job=completeness');
    expect(after.total).toBe(before.total + 1);
    const run = after.items[0];
    expect(run.status).toBe('succeeded');
    expect(run.trigger).toBe('manual');
    await page.getByTestId('job-last-status-completeness').filter({ hasText: '成功' }).waitFor();
    expect(await row.innerText()).toContain(run.summary!);
    const history = page.getByTestId('job-runs-table');
    await history.locator('tbody tr', { hasText: run.summary! }).first().waitFor();
    await settle(page);
    await screenshot(page, 'monitoring-jobs-admin');
  });

  it('the admin sees the reminders the run created in the bell', async () => {
    const reminders = await api<ReminderListDto>('admin', '/api/reminders');
    expect(reminders.open).toBeGreaterThan(0);
    await page.reload();
    const badge = page.getByTestId('reminder-count').locator('.el-badge__content');
    await badge.waitFor();
    expect(await badge.innerText()).toBe(String(reminders.open));
    await page.getByTestId('reminder-bell').click();
    const list = page.getByTestId('reminder-list');
    await list.waitFor();
    await list.getByTestId('reminder-item').first().waitFor();
    expect(await list.getByTestId('reminder-item').count()).toBe(reminders.items.length);
    expect(await list.innerText()).toContain(reminders.items[0].title);
    await settle(page);
    await screenshot(page, 'monitoring-bell-admin');
  });

  it('the statistician sees the reminders in the bell', async () => {
    await continueAs('stats');
    const reminders = await api<ReminderListDto>('stats', '/api/reminders');
    expect(reminders.open).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/uploads`);
    const badge = page.getByTestId('reminder-count').locator('.el-badge__content');
    await badge.waitFor();
    expect(await badge.innerText()).toBe(String(reminders.open));
    await page.getByTestId('reminder-bell').click();
    const list = page.getByTestId('reminder-list');
    await list.getByTestId('reminder-item').first().waitFor();
    const text = await list.innerText();
    for (const r of reminders.items) expect(text).toContain(r.title);
    expect(text).toContain('未报送');
    await settle(page);
    await screenshot(page, 'monitoring-bell-statistician');
  });

  it('the mayor sees the alerts on the overview', async () => {
    await continueAs('mayor');
    const alerts = await api<AlertListDto>('mayor', '/api/alerts');
    expect(alerts.items.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/overview`);
    const strip = page.getByTestId('alert-strip');
    await strip.waitFor({ timeout: 30_000 });
    expect(await strip.innerText()).toContain('运行预警');
    const shown = Math.min(3, alerts.items.length);
    expect(await strip.getByTestId('alert-item').count()).toBe(shown);
    for (const a of alerts.items.slice(0, shown)) expect(await strip.innerText()).toContain(a.title);
    await page.locator('[data-target-card]').first().waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot(page, 'monitoring-overview-alerts');
    if (alerts.items.length > shown) {
      await strip.getByTestId('alert-more').click();
      expect(await strip.getByTestId('alert-item').count()).toBe(alerts.items.length);
    }
    expect(errors).toEqual([]);
  });
});
