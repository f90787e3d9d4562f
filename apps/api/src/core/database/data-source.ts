import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { AuditAppendOnlySubscriber } from '../../modules/audit/audit-append-only.subscriber';
import { ALL_ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/** TypeORM options for the configured driver: migrations, never `synchronize`. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ALL_ENTITIES,
    // The audit log is append-only: statements that would change or delete its records fail.
    subscribers: [AuditAppendOnlySubscriber],
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'] as ('error' | 'warn')[],
  };
  if (db.driver === 'mysql') {
    return {
      ...common,
      type: db.flavor,
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      migrations: MYSQL_MIGRATIONS,
      extra: { connectionLimit: 10 },
    };
  }
  if (db.file !== ':memory:') mkdirSync(dirname(db.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    migrations: SQLITE_MIGRATIONS,
    prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma('busy_timeout = 5000');
    },
  };
}

export function createDataSource(db: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(db));
}

/** SQL statements that would bring the database to the entities' schema (empty = in sync). */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
