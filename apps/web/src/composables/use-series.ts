import type { SeriesDto } from '@im/contracts';
import { getSeries, type SeriesQuery } from '../api/observations';
import { useApiData } from './use-api-data';

/**
 * Loads a series whenever its query changes. A newer query aborts the older request, so a quick
 * click through the tree never shows the figures of a node that is no longer selected.
 */
export function useSeries(query: () => SeriesQuery | null) {
  return useApiData<SeriesQuery, SeriesDto>(query, (q, signal) => getSeries(q, signal));
}
