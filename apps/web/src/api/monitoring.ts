import type { AlertDto, AlertListDto, ReminderDto, ReminderListDto } from '@im/contracts';
import { http } from './http';

export function listReminders(status: 'open' | 'all' = 'open', signal?: AbortSignal): Promise<ReminderListDto> {
  return http.get<ReminderListDto>('/reminders', { query: { status }, signal });
}

export function dismissReminder(id: number): Promise<ReminderDto> {
  return http.request<ReminderDto>(`/reminders/${id}/dismiss`, { method: 'POST', body: {} });
}

export function listAlerts(status: 'open' | 'unresolved' | 'all' = 'open', signal?: AbortSignal): Promise<AlertListDto> {
  return http.get<AlertListDto>('/alerts', { query: { status }, signal });
}

export function acknowledgeAlert(id: number): Promise<AlertDto> {
  return http.request<AlertDto>(`/alerts/${id}/acknowledge`, { method: 'POST', body: {} });
}
