/**
 * The brief's tables as an Excel workbook: one sheet per section (its paragraphs on top, then its
 * tables), numbers stored as numbers with number formats (亿元 #,##0.00; % and 百分点 0.0), missing
 * cells empty (never 0), and the source of each row in the last column.
 */
import ExcelJS from 'exceljs';
import type { BriefContentDto } from '@im/contracts';
import { excelNumberFormat, sectionNumber } from './brief-cells';

function sheetName(index: number, title: string, used: Set<string>): string {
  let name = `${sectionNumber(index)}、${title}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  for (let n = 2; used.has(name); n++) name = `${name.slice(0, 28)}(${n})`;
  used.add(name);
  return name;
}

export async function buildBriefXlsx(content: BriefContentDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '产业运行监测平台';
  wb.title = content.title;
  const used = new Set<string>();
  content.sections.forEach((section, i) => {
    const ws = wb.addWorksheet(sheetName(i, section.title, used));
    const width = Math.max(2, ...section.tables.map((t) => t.columns.length + 1));
    const title = ws.addRow([`${content.title}　${sectionNumber(i)}、${section.title}`]);
    title.font = { bold: true, size: 14 };
    for (const p of section.paragraphs) {
      const row = ws.addRow([p]);
      ws.mergeCells(row.number, 1, row.number, width);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = Math.min(200, 18 * Math.ceil(p.length / 60));
    }
    for (const t of section.tables) {
      ws.addRow([]);
      ws.addRow([t.title]).font = { bold: true };
      const header = ws.addRow([...t.columns.map((c) => c.label), '数据来源']);
      header.font = { bold: true };
      for (const r of t.rows) {
        const row = ws.addRow([...t.columns.map((c) => r.cells[c.key] ?? null), r.source ?? '']);
        t.columns.forEach((c, ci) => {
          const fmt = excelNumberFormat(c.format);
          if (fmt) row.getCell(ci + 1).numFmt = fmt;
        });
      }
      if (t.note) ws.addRow([`注：${t.note}`]);
    }
    ws.getColumn(1).width = 28;
    for (let c = 2; c <= width; c++) ws.getColumn(c).width = 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
