import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './login';
import { artifactsDir } from './paths';

/** Debian's Chromium: a test tool's own browser download cannot work on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far. */
  errors: string[];
}

export interface OpenPageOptions {
  /** Demo user whose session the page starts with (default `admin`, who sees every page); null = signed out. */
  signInAs?: string | null;
  /** The product to sign in to (default: the one the global setup started). */
  baseUrl?: string;
}

/**
 * A fresh browser context (own cookies) and page. Every page but the login page needs a session, so
 * journeys start signed in as the admin unless they say otherwise (sign-in itself: tests/e2e/specs/auth).
 */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const signInAs = options.signInAs === undefined ? 'admin' : options.signInAs;
  if (signInAs) {
    const baseUrl = options.baseUrl ?? inject('baseUrl');
    const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username: signInAs, password: DEMO_PASSWORD }, headers: { Origin: baseUrl } });
    if (res.status() !== 200) throw new Error(`sign-in as ${signInAs} failed: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Share of pixels of a canvas that are neither transparent nor white, and the number of distinct
 * colours: a drawn chart has axes, bars and a line; a blank one has nothing.
 */
export function canvasInk(page: Page, selector: string): Promise<{ ink: number; colours: number; width: number; height: number }> {
  return page.$eval(selector, (el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) return { ink: 0, colours: 0, width: canvas.width, height: canvas.height };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && !(r > 245 && g > 245 && b > 245)) {
        ink++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
    }
    return { ink: ink / (canvas.width * canvas.height), colours: colours.size, width: canvas.width, height: canvas.height };
  });
}

/**
 * Waits until a chart canvas has ink and has stopped changing (ECharts animates bars and lines in),
 * so that assertions and screenshots see the finished chart.
 */
export async function waitForDrawnChart(
  page: Page,
  selector: string,
  { minInk = 0.02, timeoutMs = 15_000, intervalMs = 400 } = {},
): Promise<Awaited<ReturnType<typeof canvasInk>>> {
  await page.locator(selector).first().waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let previous = -1;
  let last = await canvasInk(page, selector);
  while (Date.now() < deadline) {
    if (last.ink >= minInk && Math.abs(last.ink - previous) < 1e-4) return last;
    previous = last.ink;
    await page.waitForTimeout(intervalMs);
    last = await canvasInk(page, selector);
  }
  throw new Error(`Chart ${selector} not drawn within ${timeoutMs} ms (ink ${last.ink.toFixed(4)}, ${last.colours} colours)`);
}
