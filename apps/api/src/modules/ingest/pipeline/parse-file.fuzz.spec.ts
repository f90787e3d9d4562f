import * as fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { testIndex } from '../testing/reference.fixture';
import { prepareFile } from './run-pipeline';

/** Phase one on any bytes: it ends, never throws, and every problem has a row (or is about the whole file). */
describe('parseFile fuzz', () => {
  const piece = fc.oneof(
    fc.constantFrom('期间', '产业代码', '指标名称', '计量单位', '本月(万元)', '1-本月累计', '同比增长%', '2025-01', '2025年1-2月', 'sei.ngit.ic', '集成电路', '"', '""', ',', '\t', '\r\n', '\n', '\r', '\uFEFF', '—', '-1', '1,234', '（3.2）', '#', '其中：', '注：', '合计'),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
  const bytes = fc.oneof(
    text.map((s) => Buffer.from(s, 'utf8')),
    text.map((s) => iconv.encode(s, 'gbk')),
    fc.uint8Array({ maxLength: 600 }).map((u) => Buffer.from(u)),
  );

  it('ends with a result for any input (property)', async () => {
    const index = testIndex();
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom<'utf-8' | 'gb18030'>('utf-8', 'gb18030'), fc.integer({ min: 1, max: 64 }), async (b, encoding, chunk) => {
        const result = await prepareFile({
          open: async function* () {
            for (let i = 0; i < b.length; i += chunk) yield b.subarray(i, i + chunk);
          },
          encoding,
          encodingDetected: true,
          bom: false,
          dataset: null,
          periodText: null,
          reference: async () => index,
          today: { year: 2025, month: 6 },
          maxIssues: 200,
        });
        for (const issue of result.issues.kept) {
          expect(issue.row === null || (Number.isInteger(issue.row) && issue.row >= 1)).toBe(true);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        if (result.fatal) expect(result.issues.errors).toBeGreaterThan(0);
        expect(result.rows.valid + result.rows.error).toBeLessThanOrEqual(result.rows.data);
      }),
      { numRuns: 500 },
    );
  });
});
