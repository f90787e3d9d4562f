import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import { ApiError, isAbortError } from '../api/http-client';

/**
 * Loads data whenever its query changes (a newer query aborts the older request, so a quick change
 * of selection never shows figures of a selection that is gone); `query` returning null means
 * "nothing to load". `keepPrevious` leaves the last data on screen while the next loads (wall screen).
 */
export function useApiData<Q, T>(query: () => Q | null, load: (q: Q, signal: AbortSignal) => Promise<T>, options: { keepPrevious?: boolean } = {}) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let controller: AbortController | null = null;

  async function run(): Promise<void> {
    controller?.abort();
    const q = query();
    if (!options.keepPrevious) data.value = null;
    error.value = null;
    if (q === null) {
      data.value = null;
      loading.value = false;
      return;
    }
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      const result = await load(q, current.signal);
      if (controller === current) data.value = result;
    } catch (e) {
      if (controller === current && !isAbortError(e)) error.value = e instanceof ApiError ? e : new ApiError(String(e), 0, 'UNKNOWN');
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  watch(() => JSON.stringify(query()), () => void run(), { immediate: true });
  onScopeDispose(() => controller?.abort());

  return { data, loading, error, reload: run };
}
