/**
 * Wire types of the monthly brief (月度运行简报) and the annual report: stored briefs with their
 * versions, their content (text paragraphs, tables with sources, chart data) and the wording
 * templates an admin may adjust. Amounts in tables and charts are in 亿元 (numbers, not text);
 * percentages are already × 100; missing is null, never 0.
 */

export type BriefKind = 'monthly' | 'annual';
export type BriefTrigger = 'schedule' | 'event' | 'manual';

/** How a table column's numbers are written (Word/Excel number formats follow it). */
export type BriefColumnFormat = 'text' | 'amount' | 'percent' | 'pp';

export interface BriefTableColumnDto {
  key: string;
  /** Column header (Chinese), unit included where there is one: `1—10月累计（亿元）`. */
  label: string;
  format: BriefColumnFormat;
}

export interface BriefTableRowDto {
  /** One value per column key: text, a number (亿元 / % / 百分点), or null (missing, shown as —). */
  cells: Record<string, string | number | null>;
  /** Where the row's main figure came from: `批次 12 第 34 行` (null for derived figures). */
  source: string | null;
}

export interface BriefTableDto {
  title: string;
  columns: BriefTableColumnDto[];
  rows: BriefTableRowDto[];
  note: string | null;
}

/** Bar chart data beside a section (values in `unit`). */
export interface BriefChartDto {
  title: string;
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface BriefSectionDto {
  key: string;
  /** Without its number: the exports number the sections (一、二、…). */
  title: string;
  /** Figures below the city level (districts, parks): not shown to lead units outside their industries. */
  belowCity: boolean;
  paragraphs: string[];
  tables: BriefTableDto[];
  chart: BriefChartDto | null;
}

export interface BriefContentDto {
  /** `2026年1—10月产业运行简报`, `湖里区2026年1—10月产业运行简报`, `2025年度产业运行报告`. */
  title: string;
  /** `1—10月`, `1—2月`, `1月`, `全年`. */
  periodLabel: string;
  /** Date line under the title: `厦门市发展和改革委员会  2026年11月10日`. */
  dateLine: string;
  scopeName: string;
  sections: BriefSectionDto[];
  /** Batches the figures came from. */
  sources: { batchId: number; fileName: string; demo: boolean }[];
}

export interface BriefSummaryDto {
  id: number;
  kind: BriefKind;
  year: number;
  month: number;
  /** `city` or `district:<region code>`. */
  scope: string;
  version: number;
  /** ISO time (UTC). */
  generatedAt: string;
  trigger: BriefTrigger;
  generatedBy: string | null;
  templateVersion: number;
  templateHash: string;
  title: string;
  periodLabel: string;
}

export interface BriefDto extends BriefSummaryDto {
  content: BriefContentDto;
  /** Every version of the same brief (kind, year, month, scope), newest first. */
  versions: BriefSummaryDto[];
}

/** `POST /api/briefs/generate`. */
export interface GenerateBriefRequest {
  year: number;
  month: number;
  kind?: BriefKind;
}

/** The result of a generation: the city brief and the district views, new or unchanged. */
export interface GenerateBriefResultDto {
  briefs: { scope: string; id: number; version: number; created: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// Wording templates

export interface BriefPlaceholderDto {
  name: string;
  required: boolean;
  description: string;
}

export interface BriefTemplateDto {
  key: string;
  /** What the pattern is for (Chinese). */
  description: string;
  text: string;
  defaultText: string;
  isDefault: boolean;
  placeholders: BriefPlaceholderDto[];
  /** Saved revisions of this key (0 = the default in code). */
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface BriefTemplateSetDto {
  /** Number of saved template revisions (0 = all defaults). */
  version: number;
  /** SHA-256 of the effective texts: briefs record it. */
  hash: string;
  templates: BriefTemplateDto[];
}

/** `PUT /api/briefs/templates/:key`. An empty text restores the default. */
export interface PutBriefTemplateRequest {
  text: string;
}

/** `POST /api/briefs/templates/preview`. */
export interface PreviewBriefTemplateRequest {
  key: string;
  text: string;
}

export interface BriefTemplatePreviewDto {
  key: string;
  /** The pattern filled with sample figures, one sentence per sample. */
  samples: string[];
}

export interface BriefTemplateRevisionDto {
  key: string;
  revision: number;
  text: string;
  updatedBy: string | null;
  updatedAt: string;
}
