/**
 * Data uploads (数据上报). JSON calls go through the app's request client; the file upload itself uses
 * XMLHttpRequest for its progress events (fetch reports none for request bodies), with the same
 * headers, error body and session handling as the request client.
 */
import type {
  RevisedMonthsDto,
  UploadBatchPageDto,
  UploadCommitRequestDto,
  UploadDataset,
  UploadEncodingOverride,
  UploadIssuePageDto,
  UploadReportDto,
  UploadRollbackResultDto,
  UploadRowsDto,
  UploadTemplateDto,
} from '@im/contracts';
import { i18n } from '../i18n';
import { http } from './http';
import { ApiError, toApiError } from './http-client';
import { CSRF_HEADER, getCsrfToken, notifySessionExpired } from './session-token';

const BASE = '/api';

export interface UploadOptions {
  dataset?: UploadDataset | null;
  encoding?: UploadEncodingOverride | null;
  period?: string | null;
}

export interface UploadProgress {
  /** Bytes sent so far and in all. */
  loaded: number;
  total: number;
  /** The whole file is sent; the server is reading and checking it. */
  sent: boolean;
}

export interface UploadHandle {
  promise: Promise<UploadReportDto>;
  abort: () => void;
}

function errorTexts() {
  const { t } = i18n.global;
  return { http: (status: number) => t('errors.http', { status }), server: t('errors.server') };
}

/** Sends a file; `onProgress` follows the bytes going out. Rejects with an ApiError (status 0 when no answer came). */
export function uploadFile(file: File, options: UploadOptions, onProgress?: (p: UploadProgress) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadReportDto>((resolve, reject) => {
    const form = new FormData();
    if (options.dataset) form.append('dataset', options.dataset);
    if (options.encoding) form.append('encoding', options.encoding);
    if (options.period?.trim()) form.append('period', options.period.trim());
    form.append('file', file, file.name);
    xhr.open('POST', `${BASE}/uploads`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.global.locale.value);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size, sent: false });
    xhr.upload.onload = () => onProgress?.({ loaded: file.size, total: file.size, sent: true });
    xhr.onerror = () => reject(new ApiError(i18n.global.t('errors.network'), 0, 'NETWORK_ERROR'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as UploadReportDto);
      else {
        if (xhr.status === 401) notifySessionExpired();
        reject(body || xhr.status >= 300 ? toApiError(xhr.status, body, errorTexts()) : new ApiError(i18n.global.t('errors.invalid'), xhr.status, 'INVALID_RESPONSE'));
      }
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export function getUploadReport(id: number, signal?: AbortSignal): Promise<UploadReportDto> {
  return http.get<UploadReportDto>(`/uploads/${id}`, { signal });
}

export function listUploads(query: { offset?: number; limit?: number; dataset?: string; status?: string }, signal?: AbortSignal): Promise<UploadBatchPageDto> {
  return http.get<UploadBatchPageDto>('/uploads', { query, signal });
}

export function getUploadIssues(id: number, query: { severity?: 'error' | 'warning'; offset?: number; limit?: number }, signal?: AbortSignal): Promise<UploadIssuePageDto> {
  return http.get<UploadIssuePageDto>(`/uploads/${id}/issues`, { query, signal });
}

export function getUploadRows(id: number, from: number, to: number, signal?: AbortSignal): Promise<UploadRowsDto> {
  return http.get<UploadRowsDto>(`/uploads/${id}/rows`, { query: { from, to }, signal, silent: true });
}

export function commitUpload(id: number, body: UploadCommitRequestDto): Promise<UploadReportDto> {
  return http.request<UploadReportDto>(`/uploads/${id}/commit`, { method: 'POST', body, silent: true, timeoutMs: 30 * 60_000 });
}

export function rollbackUpload(id: number): Promise<UploadRollbackResultDto> {
  return http.request<UploadRollbackResultDto>(`/uploads/${id}/rollback`, { method: 'POST', body: {}, silent: true, timeoutMs: 30 * 60_000 });
}

export function getUploadTemplates(): Promise<UploadTemplateDto[]> {
  return http.get<UploadTemplateDto[]>('/uploads/templates');
}

export function getRevisedMonths(year: number, signal?: AbortSignal): Promise<RevisedMonthsDto> {
  return http.get<RevisedMonthsDto>('/uploads/revisions', { query: { year }, signal });
}


/** Same-origin URLs the browser downloads directly (the session cookie goes along). */
export const uploadUrls = {
  errorsCsv: (id: number) => `${BASE}/uploads/${id}/errors.csv`,
  raw: (id: number) => `${BASE}/uploads/${id}/raw`,
  template: (path: string) => `${BASE}${path}`,
};
