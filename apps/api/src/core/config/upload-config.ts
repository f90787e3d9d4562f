import { resolve } from 'node:path';

/** Limits and thresholds of data uploads (issue 4), read from the environment once at boot. */
export interface UploadConfig {
  /** Largest file accepted, in bytes; larger uploads are refused while streaming (413). `UPLOAD_MAX_BYTES`, default 50 MB. */
  maxBytes: number;
  /** A value growing or shrinking by more than this many percent against the same period last year gets a warning. `UPLOAD_SWING_WARN_PCT`, default 50. */
  swingWarnPct: number;
  /** Problems kept per batch (the report and errors.csv); beyond it the file is rejected as unusable. `UPLOAD_MAX_ISSUES`, default 20000. */
  maxIssues: number;
  /** How long a commit waits for another commit of the same dataset and period before giving up (409). `UPLOAD_LOCK_WAIT_SECONDS`, default 30. */
  lockWaitSeconds: number;
  /** Where raw files are kept for audit, named by batch id: `$DATA_DIR/uploads`. */
  dir: string;
}

export const UPLOAD_DEFAULTS = { maxBytes: 50 * 1024 * 1024, swingWarnPct: 50, maxIssues: 20_000, lockWaitSeconds: 30 } as const;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `52428800`, `50MB`, `50 mb`, `1G` → bytes; null when unreadable. */
export function parseByteSize(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(raw);
  if (!m) return null;
  const bytes = Math.floor(Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()]);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

function positive(name: string, raw: string | undefined, fallback: number, problems: string[], { integer = false, max = Infinity } = {}): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)) || value > max) {
    problems.push(`${name} must be a positive ${integer ? 'integer' : 'number'}${Number.isFinite(max) ? ` ≤ ${max}` : ''}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** Reads the upload variables; pushes a sentence per bad variable into `problems`. */
export function loadUploadConfig(env: NodeJS.ProcessEnv, dataDir: string, problems: string[]): UploadConfig {
  let maxBytes: number = UPLOAD_DEFAULTS.maxBytes;
  if (env.UPLOAD_MAX_BYTES !== undefined && env.UPLOAD_MAX_BYTES.trim() !== '') {
    const parsed = parseByteSize(env.UPLOAD_MAX_BYTES);
    if (parsed === null || parsed < 1024) problems.push(`UPLOAD_MAX_BYTES must be a size of at least 1 KB such as 52428800 or 50MB, got "${env.UPLOAD_MAX_BYTES}"`);
    else maxBytes = parsed;
  }
  return {
    maxBytes,
    swingWarnPct: positive('UPLOAD_SWING_WARN_PCT', env.UPLOAD_SWING_WARN_PCT, UPLOAD_DEFAULTS.swingWarnPct, problems),
    maxIssues: positive('UPLOAD_MAX_ISSUES', env.UPLOAD_MAX_ISSUES, UPLOAD_DEFAULTS.maxIssues, problems, { integer: true, max: 1_000_000 }),
    lockWaitSeconds: positive('UPLOAD_LOCK_WAIT_SECONDS', env.UPLOAD_LOCK_WAIT_SECONDS, UPLOAD_DEFAULTS.lockWaitSeconds, problems, { integer: true, max: 3600 }),
    dir: resolve(dataDir, 'uploads'),
  };
}

/** The configuration's upload settings, or the defaults for a configuration built by hand (tests). */
export function uploadConfigOf(config: { uploads?: UploadConfig; dataDir: string }): UploadConfig {
  return config.uploads ?? loadUploadConfig({}, config.dataDir, []);
}
