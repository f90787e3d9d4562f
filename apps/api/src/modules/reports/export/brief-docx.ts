/**
 * The brief as an editable Word document (docx): A4 with the margins of an official document, fonts
 * named so that Word picks Chinese faces (eastAsia: title 方正小标宋简体, headings 黑体, body 宋体;
 * Latin letters and digits in Times New Roman), the title, the date line, numbered sections (一、二、…),
 * the paragraphs and the tables with their sources. Charts are not embedded: their data are the tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { BriefContentDto, BriefTableDto } from '@im/contracts';
import { cellText, sectionNumber } from './brief-cells';

/** East Asian faces named in the document (Word falls back to 宋体 when 方正小标宋简体 is not installed). */
export const DOCX_FONTS = Object.freeze({ title: '方正小标宋简体', heading: '黑体', body: '宋体', latin: 'Times New Roman' });

/** A4 in twips and the margins of GB/T 9704 (上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm). */
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 2098, bottom: 1984, left: 1588, right: 1474 };

const font = (eastAsia: string) => ({ ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, cs: DOCX_FONTS.latin, eastAsia });

function run(text: string, eastAsia: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(eastAsia), size, ...extra });
}

function table(t: BriefTableDto): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const columns = [...t.columns, { key: '__source', label: '数据来源', format: 'text' as const }];
  const header = new TableRow({
    tableHeader: true,
    children: columns.map(
      (c) => new TableCell({ borders, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.label, DOCX_FONTS.heading, 21)] })] }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        children: columns.map((c) => {
          const text = c.key === '__source' ? (r.source ?? '—') : cellText(r.cells[c.key], c.format);
          const numeric = c.format !== 'text';
          return new TableCell({
            borders,
            children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, DOCX_FONTS.body, c.key === '__source' ? 16 : 21)] })],
          });
        }),
      }),
  );
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 100 }, children: [run(t.title, DOCX_FONTS.heading, 24)] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
  ];
  if (t.note) out.push(new Paragraph({ children: [run(`注：${t.note}`, DOCX_FONTS.body, 18)] }));
  return out;
}

export async function buildBriefDocx(content: BriefContentDto): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(content.title, DOCX_FONTS.title, 44)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(content.dateLine, DOCX_FONTS.body, 28)] }),
  ];
  content.sections.forEach((section, i) => {
    children.push(new Paragraph({ spacing: { before: 240, after: 120 }, indent: { firstLine: 640 }, children: [run(`${sectionNumber(i)}、${section.title}`, DOCX_FONTS.heading, 32)] }));
    for (const p of section.paragraphs) {
      children.push(new Paragraph({ spacing: { line: 560 }, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(p, DOCX_FONTS.body, 32)] }));
    }
    for (const t of section.tables) children.push(...table(t));
  });
  if (content.sources.length) {
    const list = content.sources.map((s) => `${s.fileName}（批次 ${s.batchId}${s.demo ? '，演示数据' : ''}）`).join('；');
    children.push(new Paragraph({ spacing: { before: 300 }, children: [run(`数据来源：${list}`, DOCX_FONTS.body, 21)] }));
  }
  const doc = new Document({
    creator: '产业运行监测平台',
    title: content.title,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: 32 } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGINS } }, children }],
  });
  return Packer.toBuffer(doc);
}
