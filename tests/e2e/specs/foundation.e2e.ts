/**
 * Foundation journey: the shell loads against the real API with demo data; on 产业 with the 5+X
 * framework, 集成电路 under 新一代信息技术 draws a real chart and data table; English switches the labels.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot, waitForDrawnChart } from '../support/browser';

const baseUrl = inject('baseUrl');
const NAV_ZH = ['总览', '产业', '园区/区域', '数据', '目标', '简报', '督办', '系统'];
const NAV_EN = ['Overview', 'Industries', 'Parks & districts', 'Data', 'Targets', 'Brief', 'Follow-up', 'System'];

describe('foundation journey (1366×768)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function navLabels(): Promise<string[]> {
    const nav = page.locator('nav.im-nav ul');
    return (await nav.locator('a').allInnerTexts()).map((s) => s.trim());
  }

  it('loads the shell with every page in the navigation, the demo badge and the database status', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/overview$/);
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    expect(await navLabels()).toEqual(NAV_ZH);
    await expect.poll(() => page.getByTestId('nav-screen').innerText()).toContain('数据大屏');
    await page.getByTestId('demo-badge').waitFor();
    expect(await page.getByTestId('demo-badge').innerText()).toBe('演示数据');
    await expect.poll(() => page.getByTestId('status-bar').innerText()).toContain('SQLite');
    // The overview itself is covered by dashboards.e2e.ts.
    await page.locator('[data-target-card]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, '01-overview');
  });

  it('shows 新一代信息技术 with its sub-field 集成电路 in the 5+X tree', async () => {
    await page.getByTestId('nav-industry').click();
    await page.waitForURL(/\/industry\?/);
    expect(new URL(page.url()).searchParams.get('framework')).toBe('xm-sei-5x');
    const checked = page.locator('[data-testid="framework-switch"] .el-radio-button.is-active');
    expect((await checked.innerText()).trim()).toBe('5+X');

    const tree = page.getByTestId('industry-tree');
    const ngit = tree.locator('.el-tree-node', { has: page.locator('> .el-tree-node__content', { hasText: /^新一代信息技术$/ }) });
    await ngit.first().waitFor();
    const ic = ngit.locator('.el-tree-node__children .el-tree-node__content', { hasText: /^集成电路$/ });
    await ic.waitFor();
    expect(await ic.isVisible()).toBe(true);
  });

  it('selecting 集成电路 draws a non-empty chart and a data table with numbers', async () => {
    await page.getByTestId('industry-tree').locator('.el-tree-node__content', { hasText: /^集成电路$/ }).click();
    await page.waitForURL(/industry=sei\.ngit\.ic/);
    await page.locator('.im-info__name', { hasText: '集成电路' }).waitFor();

    const ink = await waitForDrawnChart(page, '[data-testid="series-chart"] canvas', { timeoutMs: 30_000 });
    expect(ink.width).toBeGreaterThan(400);
    expect(ink.colours).toBeGreaterThan(10);
    expect(await page.getByTestId('series-demo-tag').isVisible()).toBe(true);
    await screenshot(page, '02-industry-chart-1366');

    await page.getByTestId('series-view-table').click();
    const table = page.getByTestId('series-table');
    await table.waitFor();
    const rows = table.locator('.el-table__body tr');
    expect(await rows.count()).toBeGreaterThan(3);
    const headers = (await table.locator('.el-table__header th').allInnerTexts()).map((s) => s.trim());
    expect(headers).toEqual(['期间', '本月（亿元）', '本月同比增长', '1-本月累计（亿元）', '累计同比增长', '说明']);
    const lastRow = (await rows.last().locator('td').allInnerTexts()).map((s) => s.trim());
    expect(lastRow[0]).toMatch(/^\d{4}年(\d{1,2}|1-2)月$/);
    expect(lastRow[3]).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
    const periods = await rows.locator('td:first-child').allInnerTexts();
    expect(periods.some((p) => /年1-2月$/.test(p.trim())) || periods.length < 12).toBe(true);
    await page.waitForTimeout(300); // let the view switch settle for the screenshot
    await screenshot(page, '03-industry-table-1366');
    await page.getByTestId('series-view-chart').click();
  });

  it('exports the chart data as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^集成电路-.+\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // trim() also drops the BOM checked above.
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('期间,本月（亿元）,本月同比增长,1-本月累计（亿元）,累计同比增长,说明');
    expect(lines.length).toBeGreaterThan(4);
  });

  it('switching the language to English changes the navigation labels', async () => {
    await page.getByTestId('locale-toggle').click();
    await expect.poll(navLabels).toEqual(NAV_EN);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('demo-badge').innerText()).toBe('Demo data');
    await page.getByTestId('series-view-table').click();
    const headers = (await page.locator('[data-testid="series-table"] .el-table__header th').allInnerTexts()).map((s) => s.trim());
    expect(headers[1]).toBe('Month (CNY 100m)');
    await screenshot(page, '04-industry-english');
    await page.getByTestId('locale-toggle').click();
    await expect.poll(navLabels).toEqual(NAV_ZH);
  });

  it('4+4+6 opens on its first measured industry with its lead unit; a group node explains itself', async () => {
    await page.getByTestId('framework-xm-446').click();
    await page.waitForURL(/framework=xm-446&industry=/);
    await page.getByTestId('lead-unit').waitFor();
    expect((await page.getByTestId('lead-unit').innerText()).trim()).not.toBe('');
    // Either a chart or an honest empty state, never a spinner left behind or an error.
    await page.locator('[data-testid="series-chart"] canvas, [data-testid="series-empty"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('industry-tree').locator('.el-tree-node__content', { hasText: /^四大支柱产业集群$/ }).click();
    await page.getByTestId('group-node').waitFor();
    expect(await page.getByTestId('group-node').innerText()).toContain('不单独统计');
    expect(await page.locator('.el-message--error').count()).toBe(0);
    await screenshot(page, '05-industry-446-group');
  });

  it('had no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});

describe('deep link at 1920×1080', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the framework and node named in the URL', async () => {
    const { page, errors } = await openPage(browser, { width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/industry?framework=xm-sei-5x&industry=sei.ngit.ic&months=12`);
    await page.locator('.im-info__name', { hasText: '集成电路' }).waitFor();
    const current = page.locator('[data-testid="industry-tree"] .el-tree-node.is-current > .el-tree-node__content');
    expect((await current.innerText()).trim()).toBe('集成电路');
    await waitForDrawnChart(page, '[data-testid="series-chart"] canvas', { timeoutMs: 30_000 });
    expect(await page.locator('[data-testid="series-range"]').innerText()).toContain('近12个月');
    await screenshot(page, '06-industry-deeplink-1920');
    expect(errors).toEqual([]);
  });

  it('reaches the navigation with the keyboard', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/overview`);
    await page.getByTestId('nav-industry').waitFor();
    const focused: string[] = [];
    // Skip link, brand, demo badge, language, user menu, then the navigation.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? ''));
    }
    expect(focused[0]).toBe('跳到主要内容');
    expect(focused).toContain('产业');
  });
});
