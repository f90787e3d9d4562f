/**
 * Dashboard journeys on the demo data, in real Chromium:
 *  - the mayor opens the overview and sees every target of the 14th five-year plan with its status;
 *  - a lead unit drills 新一代信息技术 → 集成电路 and sees its sub-fields, contribution and key enterprises;
 *  - a district user compares three parks of 海沧区;
 *  - the wall screen renders its views at 1920×1080;
 *  - the language switch turns the overview English.
 * Every figure checked on screen is compared with the API's figure formatted independently here.
 * Screenshots go to tests/e2e/artifacts/ (kept by CI).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BreakdownDto, ParkCompareDto, PlanProgressDto } from '@im/contracts';
import { launchChromium, openPage, screenshot, waitForDrawnChart } from '../support/browser';
import { DEMO_PASSWORD } from '../support/login';

const baseUrl = inject('baseUrl');

let sessionCookie: string | null = null;

/** The API as an admin sees it (unscoped figures), for checking what the pages show. */
async function api<T>(path: string): Promise<T> {
  if (!sessionCookie) {
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    sessionCookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  }
  const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: sessionCookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Independent formatting for the checks: fixed decimals, half away from zero, thousands separators. */
function fixed(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
  const [int, frac] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}
const yi = (wan: number) => fixed(wan / 10_000, 2);

/** Waits until no loading overlay is left (they fade out), so that a screenshot shows the finished page. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), null, { timeout: 30_000 });
  await page.waitForTimeout(400);
}
const pct = (v: number, decimals = 1) => `${fixed(v, decimals)}%`;

describe('dashboards (1366×768)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser, undefined, { signInAs: 'mayor' }));
  });

  /** Goes on as another demo user, after checking that the previous user's page had no uncaught errors. */
  async function continueAs(user: 'gxj' | 'huli'): Promise<void> {
    expect(errors).toEqual([]);
    await page.context().close();
    ({ page, errors } = await openPage(browser, undefined, { signInAs: user }));
  }
  afterAll(async () => {
    await browser?.close();
  });

  it('the mayor sees every target of the plan with its status, as of the latest month', async () => {
    const progress = await api<PlanProgressDto>('/api/plans/xm-sei-14/progress');
    expect(progress.items.length).toBe(13);
    await page.goto(`${baseUrl}/overview`);
    await page.locator('[data-target-card]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-target-card]').count()).toBe(progress.items.length);
    for (const item of progress.items) {
      const card = page.getByTestId(`target-card-${item.code}`);
      expect(await card.locator('h3').innerText()).toBe(item.name);
      const status = await card.getByTestId('target-status').getAttribute('data-status');
      // Once the target year is complete the card says achieved / missed, else the progress status.
      const expected = item.achieved === true ? 'achieved' : item.achieved === false ? 'missed' : item.status;
      expect(status).toBe(expected);
      const figure = item.latestAnnual?.value ?? item.latest?.value;
      if (figure != null) expect(await card.getByTestId('target-value').innerText()).toBe(fixed(figure, item.unit === '家' || item.unit === '个' ? 0 : 2));
    }
    const asOf = progress.asOf;
    expect(await page.getByTestId('as-of').innerText()).toBe(`数据截至 ${Number(asOf.slice(0, 4))}年${Number(asOf.slice(5, 7))}月`);
    expect(await page.getByTestId('overview-demo').isVisible()).toBe(true);
    await settle(page);
    await screenshot(page, '10-overview-1366');
  });

  it('selecting a target draws its trend against the planned path, with a table view', async () => {
    const code = 'xm-sei-14.ngit-scale';
    await page.getByTestId(`target-card-${code}`).click();
    await page.waitForURL(/target=xm-sei-14\.ngit-scale/);
    const ink = await waitForDrawnChart(page, '[data-testid="target-trend-chart"] canvas', { timeoutMs: 30_000 });
    expect(ink.colours).toBeGreaterThan(8);
    await page.getByTestId('target-trend-view-table').click();
    const rows = page.locator('[data-testid="target-trend-table"] .el-table__body tr');
    await rows.first().waitFor();
    const first = (await rows.first().locator('td').allInnerTexts()).map((s) => s.trim());
    expect(first[0]).toBe('2020年');
    expect(first[2]).toBe('4,688.00'); // the plan's 2020 baseline starts the planned path
    await page.getByTestId('target-trend-view-chart').click();
    await page.getByTestId('target-trend').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, '11-overview-target-trend');
  });

  it('a mid-plan month shows the year against its (seasonal) time progress', async () => {
    await page.goto(`${baseUrl}/overview?asOf=2025-06`);
    const progress = await api<PlanProgressDto>('/api/plans/xm-sei-14/progress?asOf=2025-06');
    const item = progress.items.find((i) => i.code === 'xm-sei-14.bio-scale')!;
    const card = page.getByTestId(`target-card-${item.code}`);
    await card.getByTestId('target-annual').waitFor({ timeout: 30_000 });
    const text = await card.getByTestId('target-annual').innerText();
    expect(text).toContain(pct(item.annual!.completionPct!));
    expect(text).toContain(pct(item.annual!.timeProgressPct));
    expect(await card.getByTestId('target-gap').innerText()).toBe(item.annual!.seasonalSentence ?? item.annual!.sentence);
    await settle(page);
    await screenshot(page, '12-overview-mid-plan');
  });

  it('the language switch turns the overview English and back', async () => {
    await page.goto(`${baseUrl}/overview`);
    await page.locator('[data-target-card]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('Target overview');
    await expect.poll(() => page.getByTestId('as-of').innerText()).toMatch(/^Data as of \d{4}-\d{2}$/);
    const statuses = await page.getByTestId('target-status').allInnerTexts();
    expect(statuses.every((s) => /Achieved|Missed|Ahead|On track|At risk|Behind|No data/.test(s))).toBe(true);
    await settle(page);
    await screenshot(page, '13-overview-english');
    await page.getByTestId('locale-toggle').click();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('目标总览');
  });

  it('a lead unit drills 新一代信息技术 → 集成电路: sub-fields, contribution, key enterprises', async () => {
    await continueAs('gxj'); // 市工信局, lead unit of 新一代信息技术
    await page.goto(`${baseUrl}/industry?framework=xm-sei-5x&industry=sei.ngit`);
    await waitForDrawnChart(page, '[data-testid="subfield-breakdown-chart"] canvas', { timeoutMs: 30_000 });
    await waitForDrawnChart(page, '[data-testid="subfield-contribution-chart"] canvas', { timeoutMs: 30_000 });
    const breakdown = await api<BreakdownDto>('/api/observations/breakdown?by=industry&parent=sei.ngit');
    const ic = breakdown.items.find((i) => i.code === 'sei.ngit.ic')!;
    expect(await page.getByTestId('drill-sei.ngit.ic').innerText()).toContain(pct(ic.ytd.sharePct!));
    // The data table of the sub-fields: 集成电路's YTD, share and 拉动 as the API computed them.
    await page.getByTestId('subfield-breakdown-view-table').click();
    const icRow = page.locator('[data-testid="subfield-breakdown-table"] .el-table__body tr', { hasText: '集成电路' });
    const cells = (await icRow.locator('td').allInnerTexts()).map((s) => s.trim());
    expect(cells).toContain(yi(ic.ytd.value!));
    expect(cells).toContain(pct(ic.ytd.sharePct!));
    expect(cells).toContain(`+${fixed(ic.ytd.contributionPp!, 2)}`);
    await page.getByTestId('subfield-breakdown-view-chart').click();
    await page.getByTestId('industry-dashboard').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, '20-industry-ngit-breakdown');

    await page.getByTestId('drill-sei.ngit.ic').click();
    await page.waitForURL(/industry=sei\.ngit\.ic/);
    await page.locator('.im-info__name', { hasText: '集成电路' }).waitFor();
    const enterprises = await api<BreakdownDto>('/api/observations/breakdown?by=enterprise&parent=sei.ngit.ic&limit=10');
    const table = page.locator('[data-testid="key-enterprises-table"] .el-table__body tr');
    await table.first().waitFor({ timeout: 30_000 });
    expect(await table.count()).toBe(enterprises.items.length);
    const top = (await table.first().locator('td').allInnerTexts()).map((s) => s.trim());
    expect(top[1]).toBe(enterprises.items[0].name);
    expect(top).toContain(yi(enterprises.items[0].ytd.value!));
    await page.getByTestId('key-enterprises').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, '21-industry-ic-enterprises');
  });

  it('a district user compares three parks of 海沧区', async () => {
    await continueAs('huli'); // 湖里区: park aggregates of every district are visible for comparison
    await page.goto(`${baseUrl}/regions?district=xm.haicang`);
    await waitForDrawnChart(page, '[data-testid="park-ranking-chart"] canvas', { timeoutMs: 30_000 });
    const ranking = await api<BreakdownDto>('/api/observations/breakdown?by=park&parent=xm.haicang');
    const chosen = ranking.items.filter((i) => i.hasData).slice(0, 3).map((i) => i.code);
    expect(chosen.length).toBe(3);
    // Choose the three parks in the select (the page proposes the district's largest ones first).
    await page.goto(`${baseUrl}/regions?district=xm.haicang&parks=${chosen[0]}`);
    await page.getByTestId('park-select').click();
    for (const code of chosen.slice(1)) await page.getByTestId(`park-option-${code}`).click();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => (new URL(url).searchParams.get('parks') ?? '').split(',').length === 3);
    await waitForDrawnChart(page, '[data-testid="compare-bars-chart"] canvas', { timeoutMs: 30_000 });
    await waitForDrawnChart(page, '[data-testid="compare-radar-chart"] canvas', { timeoutMs: 30_000 });

    const compare = await api<ParkCompareDto>(`/api/regions/parks/compare?codes=${chosen.join(',')}`);
    const table = page.getByTestId('compare-table');
    const headers = (await table.locator('.el-table__header th').allInnerTexts()).map((s) => s.trim());
    expect(headers).toEqual(['指标', ...compare.parks.map((p) => p.name)]);
    const row = async (label: string) => (await table.locator('.el-table__body tr', { hasText: label }).first().locator('td').allInnerTexts()).map((s) => s.trim());
    expect((await row('累计（亿元）')).slice(1)).toEqual(compare.parks.map((p) => yi(p.ytd.value!)));
    expect((await row('占全市')).slice(1)).toEqual(compare.parks.map((p) => pct(p.ytd.shareOfCityPct!, 2)));
    expect((await row('占所在区')).slice(1)).toEqual(compare.parks.map((p) => pct(p.ytd.shareOfDistrictPct!)));
    expect((await row('规模排名')).slice(1)).toEqual(compare.parks.map((p) => `${p.rankByValue}/${compare.rankedParks}`));
    await page.getByTestId('park-compare').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, '30-regions-compare-haicang');
  });

  it('ranks parks by growth on request', async () => {
    await page.getByTestId('rank-growth').click();
    await page.waitForURL(/rank=growth/);
    await waitForDrawnChart(page, '[data-testid="park-ranking-chart"] canvas', { timeoutMs: 30_000 });
    await page.getByTestId('park-ranking').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, '31-regions-rank-growth');
  });

  it('had no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});

describe('dashboards at 1920×1080', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the overview fits the wide screen', async () => {
    const { page, errors } = await openPage(browser, { width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/overview`);
    await page.locator('[data-target-card]').first().waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot(page, '14-overview-1920');
    expect(errors).toEqual([]);
  });

  it('the wall screen renders every view, rotates on the arrow keys and shows every target', async () => {
    const { page, errors } = await openPage(browser, { width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/screen?interval=600`);
    await page.getByTestId('wall-targets').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid^="wall-tile-"]').count(), { timeout: 30_000 }).toBe(13);
    expect(await page.getByTestId('wall-demo').isVisible()).toBe(true);
    await settle(page);
    await screenshot(page, '40-wall-targets');

    await page.keyboard.press('ArrowRight');
    await page.getByTestId('wall-industries').waitFor();
    await waitForDrawnChart(page, '[data-testid="wall-industries"] canvas', { timeoutMs: 30_000 });
    await settle(page);
    await screenshot(page, '41-wall-industries');

    await page.keyboard.press('ArrowRight');
    await page.getByTestId('wall-parks').waitFor();
    await waitForDrawnChart(page, '[data-testid="wall-parks"] canvas', { timeoutMs: 30_000 });
    await settle(page);
    await screenshot(page, '42-wall-parks');

    await page.keyboard.press('ArrowRight');
    await page.getByTestId('wall-targets').waitFor();
    expect(errors).toEqual([]);
  });
});
