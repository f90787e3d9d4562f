/** Words of a ChartCard, from the app's i18n. */
export interface ChartCardLabels {
  chart: string;
  table: string;
  view: string;
  exportPng: string;
  exportCsv: string;
  retry: string;
  loading: string;
  error: string;
  empty: string;
}
