import type { HealthDto } from '@im/contracts';
import { http } from './http';

export function getHealth(): Promise<HealthDto> {
  // Silent: the footer shows "cannot reach the server" itself; a toast every minute would nag.
  return http.get<HealthDto>('/health', { silent: true, timeoutMs: 10_000 });
}
