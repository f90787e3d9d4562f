/**
 * The 目标 page against the real product in demo mode: the admin imports a target from a CSV (a bad
 * file first: its problems are listed by line and nothing is written), corrects it in the form (the
 * server's field message shows under the field), sets an annual target in the detail drawer and deletes
 * the target again; the mayor reads the same page without any write control. The journey leaves the
 * demo plan as it found it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot } from '../support/browser';

const baseUrl = inject('baseUrl');
const CODE = 'xm-sei-14.e2e-ic-scale';
const HEADER =
  'plan_code,code,name,subject_type,industry_code,region_code,indicator_code,denominator_industry_code,denominator_region_code,denominator_indicator_code,kind,comparator,target_value,target_year,baseline_value,baseline_year,baseline_scope_label,unit,source_document,source_article,note';
const row = (industry: string) => `xm-sei-14,${CODE},集成电路产值（演练）,industry,${industry},xm,output,,,,level,gte,1000,2025,,,,亿元,004,第四章,journey`;
const csv = (industry: string) => Buffer.from(`\uFEFF${HEADER}\n${row(industry)}\n`, 'utf8');

async function targetCount(page: Page): Promise<number> {
  return page.locator('[data-testid="targets-table"] .el-table__body-wrapper tbody tr').count();
}

describe('目标 page (1440×900)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the admin import, correct, plan and delete a target, with every problem shown where it is', async () => {
    const { page, errors } = await openPage(browser, { width: 1440, height: 900 });
    await page.goto(`${baseUrl}/targets`);
    await page.getByTestId('target-row-xm-sei-14.bio-scale').waitFor();
    const before = await targetCount(page);
    expect(before).toBe(13);
    await screenshot(page, 'targets-01-list');

    // A file naming an unknown industry: every problem by line and column, nothing written.
    await page.getByTestId('targets-import-open').click();
    await page.getByTestId('targets-import-file').setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: csv('sei.ngit.icx') });
    await page.getByTestId('targets-import-errors').waitFor();
    const errorRow = page.locator('[data-testid="targets-import"] .el-table__body tr').first();
    expect(await errorRow.innerText()).toMatch(/^2\s+industry_code\s+.*sei\.ngit\.ic/s);
    expect(await page.getByTestId('targets-import-apply').isDisabled()).toBe(true);
    await screenshot(page, 'targets-02-import-errors');

    // The corrected file: the dry run says what it would add, then it is applied.
    await page.getByTestId('targets-import-file').setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: csv('sei.ngit.ic') });
    await page.getByTestId('targets-import-summary').waitFor();
    expect(await page.getByTestId('targets-import-summary').innerText()).toContain('新增 1');
    await page.getByTestId('targets-import-apply').click();
    await page.getByTestId(`target-row-${CODE}`).waitFor();
    expect(await targetCount(page)).toBe(before + 1);

    // The form shows the server's message under the field it is about.
    await page.getByTestId(`target-edit-${CODE}`).click();
    await page.getByTestId('target-value').fill('一千');
    await page.getByTestId('target-save').click();
    const fieldError = page.locator('[data-testid="target-form"] .el-form-item.is-error .el-form-item__error');
    await fieldError.first().waitFor();
    expect(await fieldError.count()).toBe(1);
    expect(await fieldError.first().innerText()).toMatch(/^目标值应为/);
    await page.waitForTimeout(400); // the message fades in
    await screenshot(page, 'targets-03-form-error');
    await page.getByTestId('target-value').fill('1200');
    await page.getByTestId('target-save').click();
    await page.getByTestId('target-form').waitFor({ state: 'hidden' });
    await expect.poll(async () => page.locator('tr', { has: page.getByTestId(`target-row-${CODE}`) }).innerText()).toContain('1,200.00');

    // An annual target for 2023 in the detail drawer.
    await page.getByTestId(`target-row-${CODE}`).click();
    await page.getByTestId('annual-edit-2023').click();
    await page.getByTestId('annual-value').fill('800');
    await page.getByTestId('annual-save').click();
    await expect.poll(async () => page.getByTestId('annual-entered').first().innerText()).toBe('800.00');
    await screenshot(page, 'targets-04-annual');
    await page.keyboard.press('Escape');
    await page.getByTestId('target-detail').waitFor({ state: 'hidden' });

    // Deleted again after a confirmation: the plan is as it was.
    await page.getByTestId(`target-delete-${CODE}`).click();
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await page.getByTestId(`target-row-${CODE}`).waitFor({ state: 'detached' });
    expect(await targetCount(page)).toBe(before);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('shows the mayor the same targets read-only, with the CSV export and the details', async () => {
    const { page, errors } = await openPage(browser, { width: 1440, height: 900 }, { signInAs: 'mayor' });
    await page.goto(`${baseUrl}/targets`);
    await page.getByTestId('target-row-xm-sei-14.ngit-scale').waitFor();
    expect(await page.getByTestId('target-add').count()).toBe(0);
    expect(await page.getByTestId('targets-import-open').count()).toBe(0);
    expect(await page.locator('[data-testid^="target-edit-"]').count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('targets-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByTestId('target-row-xm-sei-14.ngit-scale').click();
    await page.getByTestId('annual-table').waitFor();
    expect(await page.locator('[data-testid^="annual-edit-"]').count()).toBe(0);
    await screenshot(page, 'targets-05-mayor');
    expect(errors).toEqual([]);
  });
});
