import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BriefContentDto } from '@im/contracts';
import { cellText, exportFileName, sectionNumber } from './brief-cells';
import { buildBriefDocx } from './brief-docx';
import { buildBriefXlsx } from './brief-xlsx';
import { readZipEntry } from './zip-entry';

const CONTENT: BriefContentDto = {
  title: '2026年1—10月产业运行简报',
  periodLabel: '1—10月',
  dateLine: '厦门市发展和改革委员会  2026年11月15日',
  scopeName: '全市',
  sections: [
    {
      key: 'overview',
      title: '总体情况',
      belowCity: false,
      paragraphs: ['1—10月，全市新一代信息技术产业实现产值1234.57亿元，同比增长12.3%，完成年度目标85.6%，快于时序进度2.3个百分点。'],
      tables: [
        {
          title: '1—10月主要指标',
          columns: [
            { key: 'name', label: '产业', format: 'text' },
            { key: 'ytd', label: '1—10月累计（亿元）', format: 'amount' },
            { key: 'yoy', label: '同比增长（%）', format: 'percent' },
          ],
          rows: [
            { cells: { name: '新一代信息技术产业', ytd: 1234.5678, yoy: 12.34 }, source: '上传批次 3 第 12 行' },
            { cells: { name: '海洋高新产业', ytd: null, yoy: 6.1 }, source: null },
          ],
          note: '未来赛道不计入合计。',
        },
      ],
      chart: null,
    },
    { key: 'missing', title: '数据报送情况', belowCity: false, paragraphs: ['本期应报数据均已报送。'], tables: [], chart: null },
  ],
  sources: [{ batchId: 3, fileName: '2026年10月产业数据.csv', demo: false }],
};

describe('brief cells', () => {
  it.each<[string | number | null, 'text' | 'amount' | 'percent' | 'pp', string]>([
    [1234.5678, 'amount', '1,234.57'],
    [12.25, 'percent', '12.3'],
    [-2.05, 'pp', '-2.1'],
    [null, 'amount', '—'],
    ['软件园', 'text', '软件园'],
  ])('%s as %s → %s', (value, format, text) => expect(cellText(value, format)).toBe(text));
  it('numbers sections in Chinese', () => expect([0, 1, 6].map(sectionNumber)).toEqual(['一', '二', '七']));
  it('names files after the title', () => expect(exportFileName('2026年1—10月产业运行简报', 'docx')).toBe('2026年1—10月产业运行简报.docx'));
});

describe(buildBriefDocx.name, () => {
  it('writes an A4 document with the title, numbered sections, sentences, tables and Chinese fonts', async () => {
    const docx = await buildBriefDocx(CONTENT);
    const xml = readZipEntry(docx, 'word/document.xml')!.toString('utf8');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('2026年1—10月产业运行简报');
    expect(text).toContain('厦门市发展和改革委员会  2026年11月15日');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('二、数据报送情况');
    expect(text).toContain(CONTENT.sections[0].paragraphs[0]);
    expect(text).toContain('1,234.57');
    expect(text).toContain('上传批次 3 第 12 行');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tbl>');
  });
});

describe(buildBriefXlsx.name, () => {
  it('writes one sheet per section with numbers as numbers and number formats', async () => {
    const xlsx = await buildBriefXlsx(CONTENT);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['一、总体情况', '二、数据报送情况']);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    let header = 0;
    ws.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
      if (r.getCell(1).value === '产业') header = r.number;
    });
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual(['产业', '1—10月累计（亿元）', '同比增长（%）', '数据来源']);
    expect((ws.getRow(header + 1).values as unknown[]).slice(1)).toEqual(['新一代信息技术产业', 1234.5678, 12.34, '上传批次 3 第 12 行']);
    const missingRow = ws.getRow(header + 2);
    expect(missingRow.getCell(1).value).toBe('海洋高新产业');
    expect(missingRow.getCell(2).value).toBeNull();
    expect(missingRow.getCell(3).value).toBe(6.1);
    expect(ws.getRow(header + 1).getCell(2).numFmt).toBe('#,##0.00');
    expect(ws.getRow(header + 1).getCell(3).numFmt).toBe('0.0');
    expect(rows.some((r) => r[0] === CONTENT.sections[0].paragraphs[0])).toBe(true);
  });
});
