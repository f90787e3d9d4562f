/**
 * Sign-in journeys against the real product in demo mode: every demo user signs in through the login
 * page and sees the navigation of their role; anonymous visitors are sent to the login page (and back
 * after signing in); a district user cannot open the admin pages; the admin manages a user and finds
 * the actions in the audit log; sign-out and an ended session lead back to the login page. The page
 * runs under the strict Content-Security-Policy: any violation is a console error and fails the test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, screenshot } from '../support/browser';
import { DEMO_PASSWORD, loginAs, loginThroughPage, logoutThroughMenu } from '../support/login';

const baseUrl = inject('baseUrl');

const READER_NAV = ['总览', '产业', '园区/区域', '目标', '简报', '督办'];
const JOURNEYS = [
  { username: 'admin', name: '系统管理员（演示）', role: '系统管理员', nav: ['总览', '产业', '园区/区域', '数据', '目标', '简报', '督办', '系统'] },
  { username: 'stats', name: '市统计局（演示）', role: '统计局', nav: ['总览', '产业', '园区/区域', '数据', '目标', '简报', '督办'] },
  { username: 'mayor', name: '市政府办公厅（演示）', role: '市领导/发改委', nav: READER_NAV },
  { username: 'gxj', name: '市工信局（演示）', role: '牵头单位', nav: READER_NAV },
  { username: 'huli', name: '湖里区（演示）', role: '区/开发区', nav: READER_NAV },
] as const;

describe('sign-in journeys (1366×768)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends an anonymous visitor to the login page, which shows the demo accounts, and back to the page asked for', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: null });
    await page.goto(`${baseUrl}/industry?framework=xm-sei-5x&industry=sei.ngit.ic`);
    await page.waitForURL(/\/login\?redirect=/);
    expect(await page.getByTestId('login-demo-hint').innerText()).toContain(DEMO_PASSWORD);
    await screenshot(page, '10-login');
    await page.getByTestId('login-username').fill('stats');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/industry\?framework=xm-sei-5x&industry=sei\.ngit\.ic/);
    await page.locator('.im-info__name', { hasText: '集成电路' }).waitFor();
    // The one expected failure: GET /api/auth/me answering 401 before signing in.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('shows one message for a wrong password and stays on the login page', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: null });
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('mayor');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toBe('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    // The failed request is the expected 401 of the login call; nothing else may fail.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  for (const j of JOURNEYS) {
    it(`${j.username} signs in, sees the navigation of the role, and signs out`, async () => {
      const { page, errors } = await openPage(browser, undefined, { signInAs: null });
      await loginThroughPage(page, baseUrl, j.username);
      expect(await page.getByTestId('user-name').innerText()).toBe(j.name);
      expect(await page.getByTestId('user-role').innerText()).toBe(j.role);
      const nav = (await page.locator('nav.im-nav ul a').allInnerTexts()).map((s) => s.trim());
      expect(nav).toEqual([...j.nav]);
      await screenshot(page, `11-signed-in-${j.username}`);
      await logoutThroughMenu(page);
      expect(await page.getByTestId('login-notice').innerText()).toBe('您已安全退出');
      await page.goto(`${baseUrl}/overview`);
      await page.waitForURL(/\/login/);
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    });
  }

  it('keeps a district user out of the admin pages', async () => {
    const { page } = await openPage(browser, undefined, { signInAs: null });
    await loginAs(page, baseUrl, 'huli', '/system/users');
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('users-page').count()).toBe(0);
    await page.goto(`${baseUrl}/system/audit`);
    await page.getByTestId('forbidden').waitFor();
  });

  it('lets the admin create a user, who can then sign in; both show in the audit log', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: null });
    await loginAs(page, baseUrl, 'admin', '/system/users');
    const table = page.getByTestId('users-table');
    await table.locator('.el-table__body tr', { hasText: 'huli' }).waitFor();
    expect(await table.locator('.el-table__body tr').count()).toBeGreaterThanOrEqual(5);

    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form-username').fill('siming01');
    await page.getByTestId('user-form-display-name').fill('思明区工信局');
    await page.getByTestId('user-form-password').fill('Siming-Passw0rd');
    await page.getByTestId('user-form-role').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '区/开发区' }).click();
    await page.getByTestId('user-form-district').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '思明区' }).click();
    await page.getByTestId('user-form-save').click();
    await table.locator('.el-table__body tr', { hasText: 'siming01' }).waitFor();
    expect(await table.locator('.el-table__body tr', { hasText: 'siming01' }).innerText()).toContain('思明区');
    await screenshot(page, '12-users-admin');

    const other = await openPage(browser, undefined, { signInAs: null });
    await loginThroughPage(other.page, baseUrl, 'siming01', 'Siming-Passw0rd');
    expect(await other.page.getByTestId('user-role').innerText()).toBe('区/开发区');

    await page.getByTestId('system-tab-audit').click();
    await page.waitForURL(/\/system\/audit/);
    const audit = page.getByTestId('audit-table');
    await audit.locator('.el-table__body tr', { hasText: '新建用户' }).first().waitFor();
    await audit.locator('.el-table__body tr', { hasText: 'siming01' }).first().waitFor();
    await screenshot(page, '13-audit-log');
    expect(errors).toEqual([]);
  });

  it('sends the user to the login page when the session has ended on the server', async () => {
    const { page } = await openPage(browser, undefined, { signInAs: null });
    await loginAs(page, baseUrl, 'mayor', '/overview');
    await page.context().clearCookies();
    // The next API call of the page answers 401 (the page may make one itself before the click lands).
    await page.getByTestId('nav-industry').click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForURL(/\/login\?.*reason=expired/, { timeout: 20_000 });
    expect(await page.getByTestId('login-notice').innerText()).toBe('登录已过期，请重新登录');
  });
});
