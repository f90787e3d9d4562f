/**
 * 简报 journeys on the demo data, in real Chromium:
 *  - the mayor opens 简报 and sees the latest month's brief (written at start, nobody wrote it),
 *    downloads Word and Excel (names and contents checked by parsing the files) and opens the print view;
 *  - the admin adjusts a wording template (with preview), regenerates → a new version, then restores it.
 * Screenshots go to tests/e2e/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BriefDto, BriefSummaryDto } from '@im/contracts';
import { launchChromium, openPage, screenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/login';

const baseUrl = inject('baseUrl');

/** The API as a demo user sees it. */
async function api<T>(username: string, path: string): Promise<T> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseUrl }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** word/document.xml of a docx (a zip): found through the central directory, inflated. */
function documentXml(docx: Buffer): string {
  const eocd = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = docx.readUInt32LE(eocd + 16);
  for (let n = docx.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = docx.readUInt16LE(p + 28);
    const name = docx.toString('utf8', p + 46, p + 46 + nameLength);
    if (name === 'word/document.xml') {
      const local = docx.readUInt32LE(p + 42);
      const start = local + 30 + docx.readUInt16LE(local + 26) + docx.readUInt16LE(local + 28);
      const data = docx.subarray(start, start + docx.readUInt32LE(p + 20));
      return (docx.readUInt16LE(p + 10) === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLength + docx.readUInt16LE(p + 30) + docx.readUInt16LE(p + 32);
  }
  throw new Error('word/document.xml not found');
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask, .el-skeleton')].some((m) => (m as HTMLElement).offsetParent !== null), null, { timeout: 30_000 });
  await page.waitForTimeout(500);
}

async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

describe('简报: the monthly brief (1366×768)', () => {
  let browser: Browser;
  let latest: BriefSummaryDto;
  let brief: BriefDto;

  beforeAll(async () => {
    browser = await launchChromium();
    const list = await api<BriefSummaryDto[]>('mayor', '/api/briefs');
    expect(list.length).toBeGreaterThan(0);
    latest = list[0];
    brief = await api<BriefDto>('mayor', `/api/briefs/${latest.id}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the mayor opens 简报 and sees the latest month’s brief with its tables and charts', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: 'mayor' });
    await page.goto(`${baseUrl}/brief`);
    await page.getByTestId('brief-title').waitFor();
    await settle(page);
    expect(await page.getByTestId('brief-title').innerText()).toBe(latest.title);
    expect(latest.title).toMatch(/^\d{4}年(1月|1—\d{1,2}月|全年)产业运行简报$/);
    const overview = page.getByTestId('brief-section-overview');
    expect(await overview.innerText()).toContain(brief.content.sections[0].paragraphs[0]);
    expect(await page.locator('.im-brief__table').count()).toBeGreaterThan(2);
    await page.locator('[data-testid="brief-chart-overview"] canvas').first().waitFor();
    // The mayor may read, not regenerate or edit the wording.
    expect(await page.getByTestId('brief-regenerate').count()).toBe(0);
    expect(await page.getByTestId('brief-templates').count()).toBe(0);
    await screenshot(page, '70-brief-mayor');
    await page.getByTestId('brief-section-regions').scrollIntoViewIfNeeded();
    await screenshot(page, '71-brief-mayor-regions');
    // The demo's overdue problems of the lead units appear in the last section (问题督办).
    const problems = page.getByTestId('brief-section-problems');
    await problems.scrollIntoViewIfNeeded();
    expect(await problems.innerText()).toContain('逾期未办结');
    await screenshot(page, '75-brief-mayor-problems');
    expect(errors).toEqual([]);
  });

  it('the mayor downloads the brief as Word and Excel, named after it, and both open', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: 'mayor' });
    await page.goto(`${baseUrl}/brief?id=${latest.id}`);
    await page.getByTestId('brief-title').waitFor();
    const word = await download(page, 'brief-docx');
    expect(word.name).toBe(`${latest.title}.docx`);
    const xml = documentXml(word.body);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain(latest.title);
    expect(text).toContain(brief.content.sections[0].paragraphs[0]);
    expect(xml).toContain('w:eastAsia="宋体"');

    const excel = await download(page, 'brief-xlsx');
    expect(excel.name).toBe(`${latest.title}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excel.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('一、总体情况');
    const firstTable = brief.content.sections[0].tables[0];
    let found = false;
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === firstTable.rows[1].cells.name) {
        found = true;
        expect(typeof row.getCell(3).value).toBe('number');
      }
    });
    expect(found).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the mayor opens the print view: the document alone on A4 sheets', async () => {
    const { page, errors } = await openPage(browser, { width: 1366, height: 900 }, { signInAs: 'mayor' });
    await page.goto(`${baseUrl}/brief?id=${latest.id}`);
    await page.getByTestId('brief-title').waitFor();
    await page.getByTestId('brief-print').click();
    await page.waitForURL(new RegExp(`/brief/print/${latest.id}$`));
    await page.getByTestId('print-sheet').locator('[data-testid="brief-title"]').waitFor();
    expect(await page.locator('nav.im-nav').count()).toBe(0);
    expect(await page.locator('[data-testid="print-sheet"] canvas').count()).toBe(0);
    await screenshot(page, '72-brief-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  it('a district user sees the district’s own view', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: 'huli' });
    await page.goto(`${baseUrl}/brief`);
    await page.getByTestId('brief-title').waitFor();
    await settle(page);
    expect(await page.getByTestId('brief-title').innerText()).toBe(`湖里区${latest.title}`);
    const parks = await page.getByTestId('brief-section-parks').innerText();
    expect(parks).toContain('火炬园');
    expect(parks).not.toContain('海沧南部工业组团');
    await screenshot(page, '76-brief-district');
    expect(errors).toEqual([]);
  });

  it('the mayor switches to a district’s view; the district user has no such choice', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: 'mayor' });
    await page.goto(`${baseUrl}/brief`);
    await page.getByTestId('brief-title').waitFor();
    await page.getByTestId('brief-scope').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^湖里区$/ }).click();
    await page.waitForURL(/scope=district%3Axm\.huli|scope=district:xm\.huli/);
    await expect.poll(() => page.getByTestId('brief-title').innerText()).toBe(`湖里区${latest.title}`);
    await settle(page);
    await screenshot(page, '77-brief-mayor-district-view');
    const district = await openPage(browser, undefined, { signInAs: 'huli' });
    await district.page.goto(`${baseUrl}/brief`);
    await district.page.getByTestId('brief-title').waitFor();
    expect(await district.page.getByTestId('brief-scope').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(district.errors).toEqual([]);
  });

  it('the admin adjusts a wording template with a preview, regenerates, and gets a new version', async () => {
    const { page, errors } = await openPage(browser, undefined, { signInAs: 'admin' });
    await page.goto(`${baseUrl}/brief?id=${latest.id}`);
    await page.getByTestId('brief-title').waitFor();
    await page.getByTestId('brief-templates').click();
    const editor = page.getByTestId('brief-template-editor');
    await editor.getByTestId('tpl-growth.up').click();
    const text = editor.locator('textarea[data-testid="tpl-text"], [data-testid="tpl-text"] textarea').first();
    // An unknown placeholder is refused with a clear message.
    await text.fill('比上年同期增长{rate}%{增速}');
    await editor.getByTestId('tpl-preview').click();
    await editor.getByTestId('tpl-error').waitFor();
    expect(await editor.getByTestId('tpl-error').innerText()).toContain('未知占位符 {增速}');
    await text.fill('比上年同期增长{rate}%');
    await editor.getByTestId('tpl-preview').click();
    await editor.getByTestId('tpl-preview-result').waitFor();
    expect(await editor.getByTestId('tpl-preview-result').innerText()).toContain('比上年同期增长12.3%');
    await screenshot(page, '73-brief-template-editor');
    await editor.getByTestId('tpl-save').click();
    await page.locator('.el-message--success').waitFor();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });

    await page.getByTestId('brief-regenerate').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.waitForURL((url) => url.searchParams.get('id') !== String(latest.id));
    await settle(page);
    const meta = await page.getByTestId('brief-meta').innerText();
    expect(meta).toMatch(new RegExp(`^第 ${latest.version + 1} 版`));
    expect(meta).toContain('手动生成');
    expect(await page.getByTestId('brief-document').innerText()).toContain('比上年同期增长');
    await screenshot(page, '74-brief-regenerated');
    const after = await api<BriefSummaryDto[]>('mayor', '/api/briefs');
    expect(after[0]).toMatchObject({ year: latest.year, month: latest.month, version: latest.version + 1 });

    // Back to the default wording (the earlier versions stay, as do the template revisions).
    await page.getByTestId('brief-templates').click();
    await editor.getByTestId('tpl-growth.up').click();
    await editor.getByRole('button', { name: '恢复默认' }).click();
    await page.locator('.el-message--success').last().waitFor();
    // The one expected failure: the refused preview (400).
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
