/**
 * @im/charts — the web app's chart layer: number/period formatting, pure option and table builders,
 * CSV export, and chart components (data in through props; they never fetch).
 *
 * Chart components are exported as async components so that importing a formatter from here never
 * pulls ECharts into a bundle: ECharts loads with the first chart rendered.
 */
import { defineAsyncComponent } from 'vue';

export * from './format/number-format';
export * from './format/period-label';
export * from './format/html-escape';
export * from './format/tooltip-html';
export * from './options/monthly-trend.rows';
export * from './options/monthly-trend.option';
export * from './options/target-trend.option';
export * from './options/breakdown.option';
export * from './options/ranking.option';
export * from './options/park-compare.option';
export * from './table/monthly-trend.table';
export * from './table/dashboard.tables';
export * from './export/csv-export';
export * from './export/file-download';
export type { DashboardOption } from './core/dashboard-option';
export { PALETTE } from './core/dashboard-option';
export type { ChartCardLabels } from './components/chart-card-labels';

export const MonthlyTrendChart = /* @__PURE__ */ defineAsyncComponent(() => import('./components/monthly-trend-chart.vue'));
export const DashboardChart = /* @__PURE__ */ defineAsyncComponent(() => import('./components/dashboard-chart.vue'));
export const ModelTable = /* @__PURE__ */ defineAsyncComponent(() => import('./components/model-table.vue'));
export const ChartCard = /* @__PURE__ */ defineAsyncComponent(() => import('./components/chart-card.vue'));
export { withDarkTheme } from './core/dark-theme';
