import type { Page } from 'playwright-core';

/** The published password of the demo users (demo mode only; DEMO_LOGIN in @im/contracts). */
export const DEMO_PASSWORD = 'Demo@Xiamen2025';

export type DemoUser = 'admin' | 'stats' | 'mayor' | 'gxj' | 'huli';

/**
 * Signs in through the login page, as a person would, and waits until the app has left it.
 * `target` is where the journey wants to go (the login page's redirect).
 */
export async function loginThroughPage(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD, target = '/overview'): Promise<void> {
  await page.goto(`${baseUrl}/login?redirect=${encodeURIComponent(target)}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Signs in through the API (the browser context keeps the session cookie), then opens `target`: for
 * journeys about other pages, where the login form itself is not under test.
 */
export async function loginAs(page: Page, baseUrl: string, username: DemoUser | string, target = '/overview', password = DEMO_PASSWORD): Promise<void> {
  // A fresh session for this user (the page may have started with another one).
  await page.context().clearCookies();
  const res = await page.context().request.post(`${baseUrl}/api/auth/login`, { data: { username, password }, headers: { Origin: baseUrl } });
  if (res.status() !== 200) throw new Error(`login as ${username} failed: ${res.status()} ${await res.text()}`);
  await page.goto(`${baseUrl}${target}`);
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out through the user menu. */
export async function logoutThroughMenu(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await page.waitForURL(/\/login/);
}
