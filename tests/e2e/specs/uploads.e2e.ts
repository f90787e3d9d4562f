/**
 * The 数据 page as a statistics clerk uses it, against the real product with demo data: a real bureau
 * export (GBK, a title row with the period, 单位：亿元, notes) with one bad row is uploaded through the
 * file input; the report groups the error and links it to its row; the corrected file shows its diff
 * and is committed after confirmation; the history says committed and the industry dashboard shows
 * the new figure; a correction shows old → new; rolling it back restores the figure. The admin sees
 * the page read-only, and the API refuses an upload from the admin. Screenshots of every step go to
 * tests/e2e/artifacts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BreakdownDto, AuthSessionDto } from '@im/contracts';
import { launchChromium, openPage, screenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/login';
import { bureauReportGbk, type BureauRow } from '../fixtures/bureau-report';

const baseUrl = inject('baseUrl');

let adminCookie: string | null = null;

/** The API as the admin sees it (unscoped figures), to know the demo data's figures and check the pages. */
async function api<T>(path: string): Promise<T> {
  if (!adminCookie) {
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseUrl }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  }
  const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: adminCookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** 集成电路's figures at the latest period (万元), as the industry page's sub-field table shows them. */
async function icFigures(): Promise<{ period: string; month: number; ytd: number }> {
  const b = await api<BreakdownDto>('/api/observations/breakdown?by=industry&parent=sei.ngit');
  const ic = b.items.find((i) => i.code === 'sei.ngit.ic');
  if (!ic || ic.month.value === null || ic.ytd.value === null) throw new Error('the demo data has no 集成电路 figures');
  return { period: b.period, month: ic.month.value, ytd: ic.ytd.value };
}

/** `1,234.56`: two decimals with thousands separators (the page's 亿元 format). */
function grouped(decimal: string): string {
  const [int, frac] = decimal.split('.');
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), null, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

describe('数据 page: a clerk uploads a bureau report, commits, corrects and rolls back (1366×768)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let year: number;
  let month: number;
  let base: { month: number; ytd: number };
  /** 集成电路 in the first committed file and in the correction (亿元 text). */
  let first: { month: string; ytd: string };
  let second: { month: string; ytd: string };
  let firstBatch: number;
  let secondBatch: number;

  const rowsWith = (ic: { month: string; ytd: string }, display: string): BureauRow[] => [
    { label: '#集成电路', month: ic.month, monthYoy: '8.5', ytd: ic.ytd, ytdYoy: '9.1' },
    { label: '#新型显示', month: display, monthYoy: '—', ytd: '—', ytdYoy: '—' },
  ];

  /** Sends a file through the page's file input (what the drop area's click opens). */
  async function uploadThroughPage(file: Buffer, name: string): Promise<void> {
    await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
    await page.getByTestId('upload-report').waitFor({ timeout: 30_000 });
    await page.waitForFunction((n) => document.querySelector('[data-testid="upload-report"]')?.textContent?.includes(n), name, { timeout: 30_000 });
    await settle(page);
  }

  async function commitThroughPage(): Promise<void> {
    await page.getByTestId('commit').click();
    const dialog = page.locator('.el-message-box');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('确定提交吗');
    await screenshot(page, `52-commit-confirm-${Date.now() % 2}`);
    await dialog.locator('.el-button--primary').click();
    await page.getByTestId('report-status').filter({ hasText: '已提交' }).waitFor({ timeout: 30_000 });
    await settle(page);
  }

  /** The 集成电路 row of the industry page's sub-field table (as the page shows it, 亿元). */
  async function dashboardIcYtd(expected: string): Promise<void> {
    await page.goto(`${baseUrl}/industry?framework=xm-sei-5x&industry=sei.ngit`);
    await page.getByTestId('subfield-breakdown-view-table').click();
    const row = page.locator('[data-testid="subfield-breakdown-table"] .el-table__body tr', { hasText: '集成电路' });
    await row.first().waitFor({ timeout: 30_000 });
    // The rollups catch up right after the commit: reload until the page shows the new figure.
    await expect
      .poll(
        async () => {
          const cells = (await row.first().locator('td').allInnerTexts()).map((s) => s.trim());
          if (cells.includes(expected)) return true;
          await page.reload();
          await page.getByTestId('subfield-breakdown-view-table').click();
          await row.first().waitFor({ timeout: 30_000 });
          return false;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    await row.first().scrollIntoViewIfNeeded();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const ic = await icFigures();
    [year, month] = ic.period.split('-').map(Number);
    base = { month: ic.month, ytd: ic.ytd };
    // The corrected figures: 1.23 亿元 more than the demo data in the month and the year to date, then 0.5 more.
    const plus = (wan: number, yi: number) => (Math.round(wan / 100) / 100 + yi).toFixed(2);
    first = { month: plus(base.month, 1.23), ytd: plus(base.ytd, 1.23) };
    second = { month: plus(base.month, 1.73), ytd: plus(base.ytd, 1.73) };
    ({ page, errors } = await openPage(browser, undefined, { signInAs: 'stats' }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the bad row of a GBK bureau report, grouped and linked to its row', async () => {
    await page.goto(`${baseUrl}/uploads`);
    await page.getByTestId('upload-panel').waitFor();
    await screenshot(page, '50-uploads-empty');
    await uploadThroughPage(bureauReportGbk(year, month, rowsWith(first, '12..5')), '规上工业分产业产值-有错.csv');
    const report = page.getByTestId('upload-report');
    expect(await page.getByTestId('report-blockers').innerText()).toContain('有 1 行存在错误');
    const text = await report.innerText();
    expect(text).toContain('GB18030');
    expect(text).toContain('统计局报表');
    expect(text).toContain(`${year}年${month}月`);
    const group = page.getByTestId('issue-group-NUMBER_INVALID');
    await group.waitFor();
    expect(await group.innerText()).toContain('1');
    // The error names its row (title 1, unit row 2, header 3, 集成电路 4, 新型显示 5) and opens it in context.
    await page.getByTestId('issue-row-5').click();
    const context = page.getByTestId('row-context');
    await context.waitFor();
    // The bad cell is marked in its row, under the file's own header.
    await page.locator('[data-testid="row-context"] td.is-bad', { hasText: '12..5' }).waitFor();
    expect(await context.innerText()).toContain('无法识别的数字');
    await page.waitForTimeout(600); // the drawer slides in
    await screenshot(page, '51-upload-with-error');
    expect(await page.getByTestId('commit').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('the corrected file shows its diff; committed after confirmation, it is in the history and on the dashboard', async () => {
    await page.goto(`${baseUrl}/uploads`);
    await uploadThroughPage(bureauReportGbk(year, month, rowsWith(first, '—')), '规上工业分产业产值.csv');
    expect(await page.getByTestId('report-blockers').count()).toBe(0);
    await page.getByTestId('commit').waitFor();
    const diff = page.getByTestId('diff');
    expect(Number(await page.getByTestId('diff-changed').innerText().then((s) => s.replace(/\D/g, '')))).toBeGreaterThanOrEqual(1);
    const table = await page.getByTestId('diff-table').innerText();
    expect(table).toContain('集成电路');
    expect(table).toContain(grouped((Number(first.ytd) * 10_000).toFixed(0)));
    // The file is in 亿元, the diff in the stored 万元: the page says so.
    expect(await page.getByTestId('diff-unit-note').innerText()).toContain('亿元');
    await diff.scrollIntoViewIfNeeded();
    await screenshot(page, '52-report-and-diff');
    await commitThroughPage();
    firstBatch = Number(new URL(page.url()).searchParams.get('batch'));
    await screenshot(page, '53-committed');

    await page.goto(`${baseUrl}/uploads?tab=history`);
    const history = page.getByTestId('history-table');
    await history.waitFor();
    const firstRow = history.locator('.el-table__body tr').first();
    expect(await firstRow.innerText()).toContain('规上工业分产业产值.csv');
    expect(await firstRow.innerText()).toContain('已提交');
    await settle(page);
    await screenshot(page, '54-history');

    await dashboardIcYtd(grouped(first.ytd));
    await settle(page);
    await screenshot(page, '55-dashboard-after-commit');
  });

  it('a correction shows old → new, is committed, and rolling it back restores the figure', async () => {
    await page.goto(`${baseUrl}/uploads`);
    await uploadThroughPage(bureauReportGbk(year, month, rowsWith(second, '—')), '规上工业分产业产值-更正.csv');
    const table = await page.getByTestId('diff-table').innerText();
    expect(table).toContain(grouped((Number(first.ytd) * 10_000).toFixed(0)));
    expect(table).toContain(grouped((Number(second.ytd) * 10_000).toFixed(0)));
    await page.getByTestId('diff').scrollIntoViewIfNeeded();
    await screenshot(page, '56-correction-diff');
    await commitThroughPage();
    secondBatch = Number(new URL(page.url()).searchParams.get('batch'));
    expect(secondBatch).toBeGreaterThan(firstBatch);
    await dashboardIcYtd(grouped(second.ytd));

    await page.goto(`${baseUrl}/uploads?tab=history`);
    await page.getByTestId(`history-rollback-${secondBatch}`).click();
    const dialog = page.locator('.el-message-box');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`批次 #${secondBatch}`);
    await screenshot(page, '57-rollback-confirm');
    await dialog.locator('.el-button--primary').click();
    await page.locator('.el-message--success').waitFor({ timeout: 30_000 });
    const row = page.getByTestId('history-table').locator('.el-table__body tr', { hasText: '规上工业分产业产值-更正.csv' });
    await expect.poll(async () => row.first().innerText(), { timeout: 15_000 }).toContain('已回滚');
    await settle(page);
    await screenshot(page, '58-rolled-back');
    await dashboardIcYtd(grouped(first.ytd));
    await settle(page);
    await screenshot(page, '59-dashboard-restored');
    expect(errors).toEqual([]);
  });

  it('the admin sees the page read-only, and the API refuses an upload from the admin', async () => {
    const admin = await openPage(browser, undefined, { signInAs: 'admin' });
    await admin.page.goto(`${baseUrl}/uploads`);
    await admin.page.getByTestId('upload-history').or(admin.page.getByTestId('templates')).first().waitFor();
    expect(await admin.page.getByTestId('upload-input').count()).toBe(0);
    await admin.page.goto(`${baseUrl}/uploads?batch=${firstBatch}`);
    await admin.page.getByTestId('upload-report').waitFor();
    expect(await admin.page.getByTestId('commit').count()).toBe(0);
    await admin.page.goto(`${baseUrl}/uploads?tab=history`);
    await admin.page.getByTestId('history-table').waitFor();
    expect(await admin.page.getByTestId(`history-rollback-${firstBatch}`).count()).toBe(0);
    await settle(admin.page);
    await screenshot(admin.page, '60-admin-read-only');

    const request = admin.page.context().request;
    const me = (await (await request.get(`${baseUrl}/api/auth/me`)).json()) as AuthSessionDto;
    const refused = await request.post(`${baseUrl}/api/uploads`, {
      headers: { 'X-CSRF-Token': me.csrfToken, Origin: baseUrl },
      multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: bureauReportGbk(year, month, rowsWith(second, '—')) } },
    });
    expect(refused.status()).toBe(403);
    const commitRefused = await request.post(`${baseUrl}/api/uploads/${firstBatch}/rollback`, { headers: { 'X-CSRF-Token': me.csrfToken, Origin: baseUrl }, data: {} });
    expect(commitRefused.status()).toBe(403);
    expect(admin.errors).toEqual([]);
    await admin.page.context().close();
  });
});
