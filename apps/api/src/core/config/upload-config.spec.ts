import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUploadConfig, parseByteSize, uploadConfigOf, UPLOAD_DEFAULTS } from './upload-config';

describe(parseByteSize.name, () => {
  it('reads bytes and sizes with units', () => {
    expect(parseByteSize('52428800')).toBe(52428800);
    expect(parseByteSize('50MB')).toBe(50 * 1024 * 1024);
    expect(parseByteSize(' 1 g ')).toBe(1024 ** 3);
    expect(parseByteSize('512kb')).toBe(512 * 1024);
    expect(parseByteSize('fifty')).toBeNull();
    expect(parseByteSize('-5')).toBeNull();
  });
});

describe(loadUploadConfig.name, () => {
  it('has safe defaults and keeps raw files under DATA_DIR/uploads', () => {
    const problems: string[] = [];
    expect(loadUploadConfig({}, '/data', problems)).toEqual({ ...UPLOAD_DEFAULTS, dir: resolve('/data/uploads') });
    expect(problems).toEqual([]);
  });

  it('reads every variable and names each bad one', () => {
    const problems: string[] = [];
    const c = loadUploadConfig({ UPLOAD_MAX_BYTES: '10MB', UPLOAD_SWING_WARN_PCT: '30', UPLOAD_MAX_ISSUES: '500', UPLOAD_LOCK_WAIT_SECONDS: '5' }, '/d', problems);
    expect(c).toMatchObject({ maxBytes: 10 * 1024 * 1024, swingWarnPct: 30, maxIssues: 500, lockWaitSeconds: 5 });
    loadUploadConfig({ UPLOAD_MAX_BYTES: 'big', UPLOAD_SWING_WARN_PCT: '-1', UPLOAD_MAX_ISSUES: '1.5', UPLOAD_LOCK_WAIT_SECONDS: '0' }, '/d', problems);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/UPLOAD_MAX_BYTES[\s\S]*UPLOAD_SWING_WARN_PCT[\s\S]*UPLOAD_MAX_ISSUES[\s\S]*UPLOAD_LOCK_WAIT_SECONDS/);
  });

  it('falls back to the defaults for a configuration built by hand', () => {
    expect(uploadConfigOf({ dataDir: '/x' }).maxBytes).toBe(UPLOAD_DEFAULTS.maxBytes);
    const own = { ...UPLOAD_DEFAULTS, maxBytes: 2048, dir: '/y' };
    expect(uploadConfigOf({ dataDir: '/x', uploads: own })).toBe(own);
  });
});
