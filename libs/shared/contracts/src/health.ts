export type DatabaseDriver = 'mysql' | 'sqlite';

export interface HealthDto {
  status: 'ok' | 'error';
  database: { driver: DatabaseDriver; connected: boolean; migrationsApplied: number; migrationsPending: number };
  demo: boolean;
  version: string;
}

/** Stable error body of every failed API request. */
export interface ApiErrorDto {
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}
