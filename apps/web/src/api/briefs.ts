import type {
  BriefDto,
  BriefSummaryDto,
  BriefTemplateDto,
  BriefTemplatePreviewDto,
  BriefTemplateSetDto,
  GenerateBriefRequest,
  GenerateBriefResultDto,
} from '@im/contracts';
import { http } from './http';

export function listBriefs(query: { year?: number; scope?: string } = {}, signal?: AbortSignal): Promise<BriefSummaryDto[]> {
  return http.get<BriefSummaryDto[]>('/briefs', { query, signal });
}

export function getBrief(id: number, signal?: AbortSignal): Promise<BriefDto> {
  return http.get<BriefDto>(`/briefs/${id}`, { signal });
}

export function generateBrief(body: GenerateBriefRequest): Promise<GenerateBriefResultDto> {
  return http.request<GenerateBriefResultDto>('/briefs/generate', { method: 'POST', body, timeoutMs: 120_000 });
}

export function getBriefTemplates(signal?: AbortSignal): Promise<BriefTemplateSetDto> {
  return http.get<BriefTemplateSetDto>('/briefs/templates', { signal });
}

export function putBriefTemplate(key: string, text: string): Promise<BriefTemplateDto> {
  return http.request<BriefTemplateDto>(`/briefs/templates/${encodeURIComponent(key)}`, { method: 'PUT', body: { text } });
}

export function previewBriefTemplate(key: string, text: string): Promise<BriefTemplatePreviewDto> {
  return http.request<BriefTemplatePreviewDto>('/briefs/templates/preview', { method: 'POST', body: { key, text }, silent: true });
}

/** Same-origin download links (the session cookie goes with them; the server names the file). */
export function briefFileUrl(id: number, format: 'docx' | 'xlsx'): string {
  return `/api/briefs/${id}.${format}`;
}
