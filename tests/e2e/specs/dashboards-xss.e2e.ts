/**
 * A park whose name is an HTML payload renders as text everywhere on the parks page (select, ranking
 * tooltip, comparison table) and never runs. Runs its own server (fresh data directory, demo data) so
 * that renaming the park in the database does not touch the other journeys.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, screenshot, waitForDrawnChart } from '../support/browser';
import { apiMain, webDist, workspaceRoot } from '../support/paths';

const PAYLOAD = '<img src=x onerror="window.__xss=1">海沧南部';
const PARK = 'xm.park.haicang-south';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('an HTML payload in a park name', () => {
  let child: ChildProcess;
  let dataDir: string;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'im-e2e-xss-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'true', WEB_DIST_DIR: webDist, NODE_ENV: 'production', LOG_LEVEL: 'error' };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, [apiMain], { cwd: workspaceRoot, env, stdio: 'ignore' });
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('API not healthy in time');
      await new Promise((r) => setTimeout(r, 300));
    }
    // Reference data is seeded at start; rename afterwards, as an administrator's edit would.
    const db = new Database(join(dataDir, 'industry-monitor.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE region SET name = ? WHERE code = ?').run(PAYLOAD, PARK);
    db.close();
    // The dashboards reload reference data within their probe interval (2 s).
    await new Promise((r) => setTimeout(r, 2_500));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the name as text in the select, the ranking tooltip and the comparison table, and runs nothing', async () => {
    const { page, errors } = await openPage(browser, undefined, { baseUrl });
    await page.goto(`${baseUrl}/regions?district=xm.haicang&parks=${PARK},xm.park.biomed-port`);
    await waitForDrawnChart(page, '[data-testid="park-ranking-chart"] canvas', { timeoutMs: 30_000 });

    const headers = await page.getByTestId('compare-table').locator('.el-table__header th').allInnerTexts();
    expect(headers.map((s) => s.trim())).toContain(PAYLOAD);
    expect(await page.locator('[data-testid="compare-table"] img').count()).toBe(0);

    await page.getByTestId('park-select').click();
    const option = page.getByTestId(`park-option-${PARK}`);
    expect((await option.innerText()).trim()).toBe(PAYLOAD);
    await page.keyboard.press('Escape');

    // Hover the ranking bars until the tooltip shows the park: its text is the literal name.
    const canvas = page.locator('[data-testid="park-ranking-chart"] canvas').first();
    await canvas.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = (await canvas.boundingBox())!;
    const bottom = Math.min(box.y + box.height - 30, 768 - 5);
    let tooltip = '';
    for (let y = Math.max(box.y + 10, 60); y < bottom && !tooltip.includes('海沧南部'); y += 8) {
      await page.mouse.move(box.x + box.width * 0.45, y);
      await page.waitForTimeout(80);
      tooltip = await page.evaluate(() => {
        const el = [...document.querySelectorAll('[data-testid="park-ranking-chart"] div')].find((d) => (d as HTMLElement).style.position === 'absolute' && d.textContent?.includes('海沧南部'));
        return el?.textContent ?? '';
      });
    }
    expect(tooltip).toContain(PAYLOAD);
    await screenshot(page, '50-xss-park-name');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
