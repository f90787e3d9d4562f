import type { Ref } from 'vue';
import type { DisplayLocale } from '@im/charts';
import type { ApiError } from '../api/http-client';
import { useChartLabels } from './use-chart-labels';

/** What a chart card needs from a `useApiData` result. */
export interface ChartCardSource {
  loading: Readonly<Ref<boolean>>;
  error: Readonly<Ref<ApiError | null>>;
  reload: () => unknown;
}

/**
 * The bindings every `ChartCard` of a page shares: loading and error of its data source, a retry
 * that reloads it, the card labels and the locale. Use as `v-bind="card(source)"`.
 */
export function useChartCard(locale: () => DisplayLocale) {
  const labels = useChartLabels();
  return (source: ChartCardSource) => ({
    loading: source.loading.value,
    error: source.error.value?.message ?? null,
    labels: labels.value,
    locale: locale(),
    onRetry: () => void source.reload(),
  });
}
