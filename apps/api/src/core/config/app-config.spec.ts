import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('defaults to the embedded SQLite database with demo data, migrations at start and port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demoData: true, migrateOnStart: true, logLevel: 'log' });
    expect(c.database).toEqual({ driver: 'sqlite', file: resolve('data/industry-monitor.sqlite') });
  });

  it('uses MySQL from DATABASE_URL, where demo data and migrations at start are off unless asked for', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://im:pw@db:3306/industry_monitor', PORT: '8080' });
    expect(c).toMatchObject({ port: 8080, demoData: false, migrateOnStart: false, database: { driver: 'mysql' } });
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/t', DEMO_DATA: 'yes', MIGRATE_ON_START: '1' })).toMatchObject({ demoData: true, migrateOnStart: true });
    expect(loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1:3306/t' }).database).toEqual({ driver: 'mysql', flavor: 'mariadb', url: 'mysql://root@127.0.0.1:3306/t' });
  });

  it('reads status thresholds from the environment and rejects inconsistent ones', () => {
    expect(loadConfig({}).statusThresholds.onTrackRatio).toBe(0.95);
    expect(loadConfig({ STATUS_ON_TRACK_RATIO: '0.9', STATUS_ANNUAL_AT_RISK_PP: '-8' }).statusThresholds).toMatchObject({ onTrackRatio: 0.9, annualAtRiskPp: -8 });
    expect(() => loadConfig({ STATUS_AT_RISK_RATIO: '0.99' })).toThrow(/atRiskRatio must be below onTrackRatio/);
    expect(() => loadConfig({ STATUS_MIN_SEASONAL_YEARS: 'two' })).toThrow(/STATUS_MIN_SEASONAL_YEARS/);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'postgres://x/y', DEMO_DATA: 'maybe', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'DEMO_DATA', 'LOG_LEVEL']) expect(problems).toContain(name);
    }
  });
});
