import type { AuditAction, AuditPageDto, AuditResult } from '@im/contracts';
import { http } from './http';

export interface AuditFilter {
  from?: string;
  to?: string;
  username?: string;
  action?: AuditAction | '';
  result?: AuditResult | '';
  objectType?: string;
  objectId?: string;
  page?: number;
  pageSize?: number;
}

export function searchAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditPageDto> {
  return http.get<AuditPageDto>('/audit', { query: { ...filter }, signal });
}
