/**
 * HTML of chart tooltips. ECharts renders a formatter's string as markup, so every piece of text here
 * is escaped: names come from reference data (a park named `<img onerror=…>` must show as text).
 */
import { escapeHtml } from './html-escape';

export interface TooltipLine {
  label: string;
  value: string;
  /** Colour of the legend marker before the label. */
  color?: string;
  /** Greyed remark after the value ("计算", "演示数据"). */
  note?: string;
}

function marker(color: string): string {
  return `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${escapeHtml(color)}"></span>`;
}

export function tooltipHtml(header: string, lines: readonly TooltipLine[], footer?: string): string {
  const out = [`<div style="font-weight:600;margin-bottom:4px">${escapeHtml(header)}</div>`];
  for (const line of lines) {
    const note = line.note ? ` <span style="color:#8a8f99">${escapeHtml(line.note)}</span>` : '';
    out.push(`<div>${line.color ? marker(line.color) : ''}${escapeHtml(line.label)}${line.label ? '：' : ''}${escapeHtml(line.value)}${note}</div>`);
  }
  if (footer) out.push(`<div style="margin-top:4px;color:#8a8f99">${escapeHtml(footer)}</div>`);
  return out.join('');
}
