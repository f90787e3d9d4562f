import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { BreakdownChartLabels, BreakdownTableLabels, ChartCardLabels } from '@im/charts';

/** The words of every ChartCard, in the UI language. */
export function useChartLabels() {
  const { t } = useI18n();
  return computed<ChartCardLabels>(() => ({
    chart: t('dash.chart'),
    table: t('dash.table'),
    view: t('dash.view'),
    exportPng: t('dash.exportPng'),
    exportCsv: t('dash.exportCsv'),
    retry: t('dash.retry'),
    loading: t('dash.loading'),
    error: t('dash.error'),
    empty: t('dash.empty'),
  }));
}

/** Column words of breakdown tables and the labels of breakdown charts. */
export function useBreakdownLabels() {
  const { t } = useI18n();
  const table = computed<BreakdownTableLabels>(() => ({
    rank: t('dash.rank'),
    name: t('dash.name'),
    region: t('dash.region'),
    industry: t('dash.industry'),
    month: t('dash.month'),
    ytd: t('dash.ytd'),
    yoyMonth: t('dash.yoyMonth'),
    yoyYtd: t('dash.yoyYtd'),
    share: t('dash.share'),
    contribution: t('dash.contribution'),
    contributionRate: t('dash.contributionRate'),
    notes: t('dash.notes'),
    computed: t('dash.computed'),
    noData: t('dash.noData'),
    derived: t('dash.derived'),
    total: t('dash.total'),
  }));
  const chart = computed<BreakdownChartLabels>(() => ({
    ytd: t('dash.ytd'),
    yoy: t('dash.yoy'),
    share: t('dash.share'),
    contribution: t('dash.contribution'),
    contributionRate: t('dash.contributionRate'),
    total: t('drill.contributionTotal'),
    computed: t('dash.computed'),
  }));
  return { table, chart };
}
