import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

/** An option of any chart the product draws (the registered charts and components only). */
export type DashboardOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TreemapSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | AriaComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | RadarComponentOption
>;

/** Palette: calm, printable, distinguishable in greyscale by order; status colours are never the only carrier. */
export const PALETTE = ['#2f6db5', '#e08a2e', '#3aa17e', '#8a5cc2', '#d4524e', '#4aa3c8', '#b38b2d', '#6b7a8f', '#c2628f', '#5c8a3a'] as const;

export const AXIS_COLOR = '#4e5969';
export const SPLIT_LINE_COLOR = '#e5e6eb';
