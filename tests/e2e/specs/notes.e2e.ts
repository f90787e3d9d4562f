/**
 * 督办 (follow-up) journeys on the demo data, in real Chromium:
 *  - the lead unit gxj (市工信局) files a monthly note, tracks a problem from it with a due date, moves
 *    it to in progress and closes it with a closing note (销号);
 *  - the mayor sees it closed, with its history, read-only;
 *  - an overdue demo problem is shown in red with its days overdue.
 * Screenshots go to tests/e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ProblemsPageDto } from '@im/contracts';
import { launchChromium, openPage, screenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/login';

const baseUrl = inject('baseUrl');
/** Unique per run, so that the journey finds its own rows. */
const TITLE = `物联网传感器本地配套不足（E2E ${Date.now().toString(36)}）`;
const CLOSING = '已组织传感器企业与整机企业供需对接，2 家企业达成供货意向（E2E）';

/** A date `days` after today in Xiamen, `YYYY-MM-DD`. */
function cstDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The API as the mayor sees it, to check what the pages show. */
async function apiAsMayor<T>(path: string): Promise<T> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseUrl }, body: JSON.stringify({ username: 'mayor', password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), null, { timeout: 30_000 });
  await page.waitForTimeout(400);
}

/** Picks an option of an Element Plus select by its text. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

/** The text box of an Element Plus input, textarea or date picker (the test id sits on the box or on its wrapper). */
function field(page: Page, testId: string): Locator {
  const id = `[data-testid="${testId}"]`;
  return page.locator(`input${id}:visible, textarea${id}:visible, ${id}:visible input, ${id}:visible textarea`).first();
}

function rowOf(page: Page, title: string): Locator {
  return page.locator('[data-testid="problems-table"] .el-table__body tr', { hasText: title });
}

describe('督办: monthly notes and the problem list (1366×768)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser, undefined, { signInAs: 'gxj' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the lead unit files a monthly note for an industry it leads', async () => {
    await page.goto(`${baseUrl}/overview`);
    await page.getByTestId('nav-notes').click();
    await page.getByTestId('problems-page').waitFor();
    await page.getByTestId('notes-tab-monthly').click();
    await page.getByTestId('note-editor').waitFor({ timeout: 30_000 });
    await choose(page, page.getByTestId('note-industry'), '物联网');
    await expect.poll(() => page.getByTestId('note-version').innerText()).toBe('该月尚未填报');
    await field(page, 'note-progress').fill('走访物联网重点企业 8 家，梳理传感器、模组配套需求（E2E）');
    await field(page, 'note-problems').fill('传感器等关键部件本地配套不足，主要依赖外地采购（E2E）');
    await field(page, 'note-suggestions').fill('建议组织传感器企业与整机企业供需对接（E2E）');
    await page.getByTestId('note-save').click();
    await expect.poll(() => page.getByTestId('note-version').innerText()).toMatch(/^第 1 版 · 市工信局（演示） 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 保存$/);
    const card = page.locator('[data-testid="note-card"]', { hasText: '物联网' });
    await card.waitFor();
    expect(await card.innerText()).toContain('传感器等关键部件本地配套不足');
    await settle(page);
    await screenshot(page, '40-notes-monthly-gxj');
  });

  it('tracks a problem from the note with a due date, moves it to in progress and closes it with a closing note', async () => {
    await page.getByTestId('note-add-problem').click();
    await page.getByTestId('problem-dialog').waitFor();
    // The note's 存在问题 is the starting point of the description.
    await expect.poll(() => field(page, 'problem-form-description').inputValue()).toBe('传感器等关键部件本地配套不足，主要依赖外地采购（E2E）');
    await field(page, 'problem-form-title').fill(TITLE);
    await field(page, 'problem-form-description').fill('传感器、射频识别等部件主要从外地采购（E2E）');
    // The owner unit defaults to the lead unit itself.
    expect(await page.getByTestId('problem-form-owner').innerText()).toContain('市工信局');
    const due = cstDate(30);
    const dueInput = field(page, 'problem-form-due');
    await dueInput.fill(due);
    await dueInput.press('Enter');
    await field(page, 'problem-form-title').click();
    await screenshot(page, '41-notes-problem-create');
    await page.getByTestId('problem-form-save').click();
    const row = rowOf(page, TITLE);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('problem-status').innerText()).toBe('待处理');
    expect(await row.innerText()).toContain(due);

    await row.locator('[data-testid^="problem-start-"]').click();
    await page.getByTestId('problem-status-dialog').waitFor();
    await page.getByTestId('problem-status-save').click();
    await expect.poll(() => row.getByTestId('problem-status').innerText()).toBe('处理中');

    await row.locator('[data-testid^="problem-close-"]').click();
    const closeButton = page.locator('[data-testid="problem-status-dialog"]:visible [data-testid="problem-status-save"]');
    // A closing note is required before the close can be confirmed.
    expect(await closeButton.isDisabled()).toBe(true);
    await field(page, 'problem-status-note').fill(CLOSING);
    await screenshot(page, '42-notes-problem-close');
    await closeButton.click();
    await expect.poll(() => row.getByTestId('problem-status').innerText()).toBe('已销号');
    await settle(page);
    await screenshot(page, '43-notes-problems-gxj');
    expect(errors).toEqual([]);
  });

  it('the mayor sees it closed with its history, read-only', async () => {
    await page.context().close();
    ({ page, errors } = await openPage(browser, undefined, { signInAs: 'mayor' }));
    await page.goto(`${baseUrl}/notes`);
    await page.getByTestId('problems-table').waitFor();
    expect(await page.getByTestId('problem-create').count()).toBe(0);
    await choose(page, page.getByTestId('problems-filter-status'), '已销号');
    const row = rowOf(page, TITLE);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('[data-testid^="problem-close-"], [data-testid^="problem-reopen-"]').count()).toBe(0);
    await row.locator('[data-testid^="problem-open-"]').click();
    const drawer = page.getByTestId('problem-drawer');
    await drawer.getByTestId('problem-drawer-title').waitFor();
    expect(await drawer.getByTestId('problem-drawer-status').innerText()).toBe('已销号');
    expect(await drawer.getByTestId('problem-drawer-closing-note').innerText()).toBe(CLOSING);
    await expect.poll(() => drawer.getByTestId('problem-history-item').count()).toBe(3);
    const history = (await drawer.getByTestId('problem-history-item').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(history[0]).toBe('新增问题');
    expect(history[1]).toBe('待处理 → 处理中');
    expect(history[2]).toBe(`处理中 → 已销号 ${CLOSING}`);
    await settle(page);
    await screenshot(page, '44-notes-problem-history-mayor');
    await page.keyboard.press('Escape');
    // The monthly notes, read-only: the lead unit's note filed above is there, with no editor.
    await page.getByTestId('notes-tab-monthly').click();
    const card = page.locator('[data-testid="note-card"]', { hasText: '物联网' });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toContain('传感器等关键部件本地配套不足');
    expect(await page.getByTestId('note-editor').count()).toBe(0);
    expect(await page.getByTestId('nav-notes').getAttribute('class')).toContain('router-link-active');
    await settle(page);
    await screenshot(page, '46-notes-monthly-mayor');
  });

  it('shows overdue demo problems in red with their days overdue', async () => {
    const overdue = await apiAsMayor<ProblemsPageDto>('/api/problems?overdue=true');
    expect(overdue.total).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/notes`);
    await page.getByTestId('problems-table').waitFor();
    await choose(page, page.getByTestId('problems-filter-overdue'), '仅逾期');
    await expect.poll(() => page.locator('[data-testid="problems-table"] .el-table__body tr').count()).toBe(overdue.total);
    const first = overdue.items[0];
    const row = rowOf(page, first.title);
    expect(await row.getByTestId('problem-overdue').innerText()).toBe(`逾期 ${first.daysOverdue} 天`);
    const colour = await row.locator('.im-overdue').evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = colour.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(140);
    expect(b).toBeLessThan(140);
    expect(await page.getByTestId('problems-summary').innerText()).toContain(`其中逾期未销号 ${overdue.overdueTotal} 条`);
    await settle(page);
    await screenshot(page, '45-notes-overdue-mayor');
    // Words of a title find it among all problems.
    await page.getByTestId('problems-filter-q').fill(first.title.slice(0, 4));
    await page.getByTestId('problems-filter-q').press('Enter');
    await expect.poll(async () => (await page.locator('[data-testid="problems-table"] .el-table__body tr').allInnerTexts()).every((t) => t.includes(first.title.slice(0, 4)))).toBe(true);
    expect(await rowOf(page, first.title).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
