import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { SeriesDto } from '@im/contracts';
import { getSeries, type SeriesQuery } from '../api/observations';
import { ApiError, isAbortError } from '../api/http-client';

/**
 * Loads a series whenever its query changes. A newer query aborts the older request, so a quick
 * click through the tree never shows the figures of a node that is no longer selected.
 */
export function useSeries(query: () => SeriesQuery | null) {
  const data = shallowRef<SeriesDto | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort();
    const q = query();
    data.value = null;
    error.value = null;
    if (!q) {
      loading.value = false;
      return;
    }
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      const result = await getSeries(q, current.signal);
      if (controller === current) data.value = result;
    } catch (e) {
      if (controller === current && !isAbortError(e)) {
        error.value = e instanceof ApiError ? e : new ApiError(String(e), 0, 'UNKNOWN');
      }
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  watch(() => JSON.stringify(query()), () => void load(), { immediate: true });
  onScopeDispose(() => controller?.abort());

  return { data, loading, error, reload: load };
}
