/** Wire types of the monitoring cycle's reminders (missing data) and alerts (behind schedule, swings). */
import type { UserRole } from './auth';

export const REMINDER_KINDS = ['missing_data'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderDto {
  id: number;
  kind: ReminderKind;
  /** `YYYY-MM`. */
  period: string;
  subjectKey: string;
  audienceRole: UserRole;
  district: { code: string; name: string } | null;
  industry: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  title: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  dismissedAt: string | null;
}

export interface ReminderListDto {
  /** Open (neither resolved nor dismissed) reminders the user sees. */
  open: number;
  items: ReminderDto[];
}

export const ALERT_KINDS = ['behind_annual', 'behind_path', 'swing'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface AlertDto {
  id: number;
  kind: AlertKind;
  severity: AlertSeverity;
  subjectKey: string;
  /** `YYYY-MM` or `YYYY`. */
  period: string;
  targetCode: string | null;
  industry: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  title: string;
  body: string;
  details: Record<string, unknown> | null;
  createdAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
}

export interface AlertListDto {
  open: number;
  items: AlertDto[];
}
