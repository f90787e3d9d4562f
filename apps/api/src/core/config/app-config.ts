import { resolve } from 'node:path';
import { DEFAULT_STATUS_THRESHOLDS, type StatusThresholds, validateStatusThresholds } from '@im/domain';
import { loadJobsConfig, type JobsConfig } from './jobs-config';
import { loadUploadConfig, type UploadConfig } from './upload-config';
import { loadSecurityConfig, type SecurityConfig } from '../security/security-config';

export type DatabaseConfig =
  | { driver: 'sqlite'; file: string }
  /** `flavor` picks TypeORM's MySQL or MariaDB dialect (they read column defaults differently). */
  | { driver: 'mysql'; url: string; flavor: 'mysql' | 'mariadb' };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  /** Load the deterministic demo dataset at start (default: on for the embedded database, off for MySQL). */
  demoData: boolean;
  /** Apply pending migrations at start (default: on for the embedded database). */
  migrateOnStart: boolean;
  dataDir: string;
  webDistDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Target status thresholds (docs/TARGETS.md); defaults from @im/domain, overridable per variable. */
  statusThresholds: StatusThresholds;
  /** Upload limits (UPLOAD_* variables). Always set by loadConfig; optional so that hand-built configurations (tests) get the defaults through `uploadConfigOf`. */
  uploads?: UploadConfig;
  /** Sessions, login throttling, cookies, CORS, first admin, demo users (core/security/security-config.ts). Always set by loadConfig; optional for hand-built configurations (tests: `securityConfigOf`). */
  security?: SecurityConfig;
  /** Scheduled jobs, alert thresholds, webhook (core/config/jobs-config.ts). Always set by loadConfig; optional for hand-built configurations (tests: `jobsConfigOf`). */
  jobs?: JobsConfig;
}

/** Environment variable → status threshold it overrides. */
export const STATUS_THRESHOLD_VARIABLES: Record<string, keyof StatusThresholds> = {
  STATUS_AHEAD_MARGIN: 'aheadMargin',
  STATUS_ON_TRACK_RATIO: 'onTrackRatio',
  STATUS_AT_RISK_RATIO: 'atRiskRatio',
  STATUS_ANNUAL_AHEAD_PP: 'annualAheadPp',
  STATUS_ANNUAL_ON_TRACK_PP: 'annualOnTrackPp',
  STATUS_ANNUAL_AT_RISK_PP: 'annualAtRiskPp',
  STATUS_MIN_SEASONAL_YEARS: 'minSeasonalYears',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

/** Reads and validates the environment once; names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be an integer 0–65535, got "${portRaw}"`);

  const dataDir = resolve(env.DATA_DIR || 'data');
  let database: DatabaseConfig;
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    database = { driver: 'sqlite', file: resolve(dataDir, 'industry-monitor.sqlite') };
  } else if (/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+/.test(url)) {
    const flavor = url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
    database = { driver: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), flavor };
  } else if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) problems.push('DATABASE_URL sqlite:<file> needs a file path');
    database = { driver: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
  } else {
    problems.push('DATABASE_URL must be mysql://user:password@host:port/database (MariaDB: mariadb://…), or unset for the embedded SQLite database');
    database = { driver: 'sqlite', file: '' };
  }

  const embedded = database.driver === 'sqlite';
  const demoData = parseBool('DEMO_DATA', env.DEMO_DATA, embedded, problems);
  const migrateOnStart = parseBool('MIGRATE_ON_START', env.MIGRATE_ON_START, embedded, problems);

  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) problems.push(`LOG_LEVEL must be error|warn|log|debug, got "${env.LOG_LEVEL}"`);

  const overrides: Partial<Record<keyof StatusThresholds, number>> = {};
  for (const [name, field] of Object.entries(STATUS_THRESHOLD_VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) problems.push(`${name} must be a number, got "${raw}"`);
    else overrides[field] = value;
  }
  const statusThresholds: StatusThresholds = { ...DEFAULT_STATUS_THRESHOLDS, ...overrides };
  for (const p of validateStatusThresholds(statusThresholds)) problems.push(`status thresholds: ${p}`);

  const uploads = loadUploadConfig(env, dataDir, problems);
  const security = loadSecurityConfig(env, problems);
  const jobs = loadJobsConfig(env, problems, uploads.swingWarnPct);

  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    database,
    demoData,
    migrateOnStart,
    dataDir,
    webDistDir: resolve(env.WEB_DIST_DIR || 'dist/apps/web'),
    logLevel,
    statusThresholds,
    uploads,
    security,
    jobs,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
