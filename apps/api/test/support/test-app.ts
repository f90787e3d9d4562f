import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { DEFAULT_STATUS_THRESHOLDS } from '@im/domain';
import type { AppConfig, DatabaseConfig } from '../../src/core/config/app-config';
import { createDataSource } from '../../src/core/database/data-source';

/** The databases every integration suite runs on: SQLite always, MySQL when TEST_MYSQL_URL is set. */
export function testDatabases(): { name: 'sqlite' | 'mysql'; config: () => DatabaseConfig }[] {
  const dbs: { name: 'sqlite' | 'mysql'; config: () => DatabaseConfig }[] = [
    { name: 'sqlite', config: () => ({ driver: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'im-test-')), 'test.sqlite') }) },
  ];
  const url = process.env.TEST_MYSQL_URL;
  if (url) dbs.push({ name: 'mysql', config: () => ({ driver: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), flavor: url.startsWith('mariadb:') ? 'mariadb' : 'mysql' }) });
  return dbs;
}

/** Drops every table of the database (MySQL keeps one database for the whole run). */
export async function emptyDatabase(db: DatabaseConfig): Promise<void> {
  if (db.driver !== 'mysql') return;
  const ds = createDataSource(db);
  await ds.initialize();
  await ds.dropDatabase();
  await ds.destroy();
}

export function testConfig(db: DatabaseConfig, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    database: db,
    demoData: false,
    migrateOnStart: true,
    dataDir: tmpdir(),
    webDistDir: join(tmpdir(), 'im-no-web-dist'),
    logLevel: 'error',
    statusThresholds: { ...DEFAULT_STATUS_THRESHOLDS },
    ...overrides,
  };
}

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** The real application (all modules, real database, migrations applied) without listening on a port. */
export async function createTestApp(config: AppConfig): Promise<TestApp> {
  await emptyDatabase(config.database);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error'] }));
  await app.init();
  const dataSource = app.get(DataSource);
  return { app, dataSource, close: () => app.close() };
}
